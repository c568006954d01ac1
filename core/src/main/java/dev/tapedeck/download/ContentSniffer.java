package dev.tapedeck.download;

import dev.tapedeck.model.Recording;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells what a body is from its first bytes and its Content-Type, and whether that is what the download expects,
 * so that an error page served with status 200 is never kept as a recording.
 *
 * <p>The bytes are matched against {@code SIGNATURES}, a table of the containers recordings come in; text is told
 * apart by its first non-blank characters (after a byte-order mark). What each expectation accepts:
 * <ul>
 * <li>{@link Expected#MP4}: an ISO base media / QuickTime file (a {@code ftyp} box, or another top-level atom);</li>
 * <li>{@link Expected#WEBM}: a WebM / Matroska file;</li>
 * <li>{@link Expected#AUDIO}: MP3 (ID3 tag or MPEG frame sync), AAC (ADTS), WAV, Ogg, FLAC, M4A, WebM audio,
 *     AIFF, CAF or AMR;</li>
 * <li>{@link Expected#PLAYLIST}: an HLS playlist ({@code #EXTM3U});</li>
 * <li>{@link Expected#EVENTS}: JSON that starts an object or an array;</li>
 * <li>{@link Expected#SEGMENT}: an HLS media segment: MPEG-TS, fragmented MP4, or packed audio;</li>
 * <li>{@link Expected#SIDE_FILE} (an HLS init section or key) and {@link Expected#ANY} (a format the provider calls
 *     OTHER): anything but an HTML page, and for a side file also anything but text or JSON by Content-Type.</li>
 * </ul>
 * Media never arrives as {@code text/*}, JSON or XML by Content-Type, and an HTML page is refused whatever its
 * Content-Type says. The check needs only the first {@value #HEAD_BYTES} bytes, so the stream stays constant-memory.
 */
final class ContentSniffer {

    /** How many first bytes a check looks at: enough for a second MPEG-TS sync byte at 188 and a page's start. */
    static final int HEAD_BYTES = 512;

    /** What a body turned out to be. */
    enum Found {
        ISO_MEDIA("an MP4/QuickTime file"),
        MATROSKA("a WebM/Matroska file"),
        MPEG_TS("an MPEG-TS stream"),
        ID3("an audio file with an ID3 tag"),
        MPEG_AUDIO("an MPEG audio stream"),
        ADTS("an AAC (ADTS) stream"),
        WAVE("a WAV file"),
        OGG("an Ogg file"),
        FLAC("a FLAC file"),
        AIFF("an AIFF file"),
        CAF("a CAF file"),
        AMR("an AMR file"),
        PLAYLIST("an HLS playlist"),
        HTML("an HTML page"),
        XML("an XML document"),
        JSON("JSON text"),
        TEXT("text"),
        EMPTY("an empty body"),
        UNKNOWN("bytes of no known media format");

        private final String description;

        Found(String description) {
            this.description = description;
        }

        /** How a message names it, e.g. "an HTML page". */
        String description() {
            return description;
        }
    }

    /** What a download expects a body to be. */
    enum Expected {
        MP4("an MP4 video", EnumSet.of(Found.ISO_MEDIA)),
        WEBM("a WebM video", EnumSet.of(Found.MATROSKA)),
        AUDIO("an audio file", EnumSet.of(Found.ID3, Found.MPEG_AUDIO, Found.ADTS, Found.WAVE, Found.OGG,
                Found.FLAC, Found.ISO_MEDIA, Found.MATROSKA, Found.AIFF, Found.CAF, Found.AMR)),
        PLAYLIST("an HLS playlist", EnumSet.of(Found.PLAYLIST)),
        EVENTS("an event recording (JSON)", EnumSet.of(Found.JSON)),
        SEGMENT("an HLS media segment", EnumSet.of(Found.MPEG_TS, Found.ISO_MEDIA, Found.ID3, Found.ADTS,
                Found.MPEG_AUDIO)),
        SIDE_FILE("an HLS init section or key", EnumSet.complementOf(EnumSet.of(Found.HTML))),
        ANY("the recording", EnumSet.complementOf(EnumSet.of(Found.HTML)));

        private final String description;
        private final Set<Found> accepted;

        Expected(String description, Set<Found> accepted) {
            this.description = description;
            this.accepted = accepted;
        }

        /** How a message names it, e.g. "an MP4 video". */
        String description() {
            return description;
        }

        /** What a recording's own media (not an HLS part) is expected to be. */
        static Expected of(Recording recording) {
            if (HlsDownload.handles(recording)) {
                return PLAYLIST;
            }
            switch (recording.format()) {
                case MP4:
                    return MP4;
                case WEBM:
                    return WEBM;
                case AUDIO:
                    return AUDIO;
                case HLS:
                    return PLAYLIST;
                case EVENTS:
                    return EVENTS;
                default:
                    return ANY;
            }
        }
    }

    /** A further condition on the first bytes {@code head[0, length)}. */
    @FunctionalInterface
    private interface Check {
        boolean test(byte[] head, int length);
    }

    /** One row of the table: {@code magic} at {@code offset}, and {@code also} holding, mean {@code found}. */
    private record Signature(Found found, int offset, byte[] magic, Check also) {
        boolean matches(byte[] head, int length) {
            return startsWith(head, length, offset, magic) && also.test(head, length);
        }
    }

    private static final Check ALWAYS = (head, length) -> true;

    /** The containers recordings come in, tried in order. */
    private static final List<Signature> SIGNATURES = List.of(
            sig(Found.ISO_MEDIA, 4, "ftyp"),
            sig(Found.ISO_MEDIA, 4, "styp"),
            sig(Found.ISO_MEDIA, 4, "moof"),
            sig(Found.ISO_MEDIA, 4, "sidx"),
            sig(Found.ISO_MEDIA, 4, "moov"),
            sig(Found.ISO_MEDIA, 4, "mdat"),
            sig(Found.ISO_MEDIA, 4, "free"),
            sig(Found.ISO_MEDIA, 4, "skip"),
            sig(Found.ISO_MEDIA, 4, "wide"),
            sig(Found.ISO_MEDIA, 4, "pnot"),
            new Signature(Found.MATROSKA, 0, bytes(0x1A, 0x45, 0xDF, 0xA3), ALWAYS),
            // A transport stream is whole 188-byte packets, each starting with the sync byte 0x47 ('G').
            new Signature(Found.MPEG_TS, 0, bytes(0x47), (head, length) -> length >= 188
                    && (length == 188 || head[188] == 0x47)),
            sig(Found.ID3, 0, "ID3"),
            new Signature(Found.WAVE, 0, ascii("RIFF"), (head, length) -> startsWith(head, length, 8, ascii("WAVE"))),
            sig(Found.OGG, 0, "OggS"),
            sig(Found.FLAC, 0, "fLaC"),
            new Signature(Found.AIFF, 0, ascii("FORM"), (head, length) -> startsWith(head, length, 8, ascii("AIFF"))
                    || startsWith(head, length, 8, ascii("AIFC"))),
            sig(Found.CAF, 0, "caff"),
            sig(Found.AMR, 0, "#!AMR"),
            // ADTS: 12 sync bits, then MPEG version, layer 00; MPEG audio: 11 sync bits and a layer other than 00.
            new Signature(Found.ADTS, 0, bytes(0xFF), (head, length) -> length > 1 && (head[1] & 0xF6) == 0xF0),
            new Signature(Found.MPEG_AUDIO, 0, bytes(0xFF), (head, length) -> length > 1
                    && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0));

    private ContentSniffer() {
    }

    /**
     * What the body with first bytes {@code head[0, length)} and media type {@code contentType} is; the type counts
     * only for what bytes cannot show (HTML is told by either).
     */
    static Found sniff(byte[] head, int length, Optional<String> contentType) {
        String type = mediaType(contentType);
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            return Found.HTML;
        }
        if (length == 0) {
            return Found.EMPTY;
        }
        for (Signature signature : SIGNATURES) {
            if (signature.matches(head, length)) {
                return signature.found();
            }
        }
        String text = leadingText(head, length);
        if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<head")
                || text.startsWith("<body")) {
            return Found.HTML;
        }
        if (text.startsWith("#extm3u")) {
            return Found.PLAYLIST;
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return Found.JSON;
        }
        if (text.startsWith("<?xml") || text.startsWith("<")) {
            return looksLikeText(head, length) ? Found.XML : Found.UNKNOWN;
        }
        return looksLikeText(head, length) ? Found.TEXT : Found.UNKNOWN;
    }

    /**
     * Why a body that starts at byte 0 is not what {@code expected} accepts, naming what arrived ("an HTML page,
     * 98 bytes"); empty when it may be kept. {@code size} is the body's whole size when known.
     */
    static Optional<String> refusal(Expected expected, byte[] head, int length, Optional<String> contentType,
            Optional<Long> size) {
        Found found = sniff(head, length, contentType);
        String sized = size.map(n -> ", " + n + (n == 1 ? " byte" : " bytes")).orElse("");
        if (!expected.accepted.contains(found)) {
            String type = mediaType(contentType);
            return Optional.of((found == Found.TEXT && type.startsWith("text/") ? type : found.description()) + sized);
        }
        return refusedType(expected, contentType).map(type -> type + sized);
    }

    /**
     * Why the media type alone refuses a body, also one that continues an earlier one (a range): HTML always,
     * text, JSON and XML where media is expected. Empty when the type may stand.
     */
    static Optional<String> refusedType(Expected expected, Optional<String> contentType) {
        String type = mediaType(contentType);
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            return Optional.of(Found.HTML.description());
        }
        boolean media = expected != Expected.ANY && expected != Expected.PLAYLIST && expected != Expected.EVENTS;
        boolean textual = type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/problem");
        return media && textual ? Optional.of(type) : Optional.empty();
    }

    /** The lower-case media type without parameters, or an empty string. */
    private static String mediaType(Optional<String> contentType) {
        String type = contentType.orElse("");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The first characters after a UTF-8 byte-order mark and blanks, lower case. */
    private static String leadingText(byte[] head, int length) {
        int start = startsWith(head, length, 0, bytes(0xEF, 0xBB, 0xBF)) ? 3 : 0;
        while (start < length && (head[start] == ' ' || head[start] == '\t' || head[start] == '\r'
                || head[start] == '\n' || head[start] == '\f')) {
            start++;
        }
        int end = Math.min(length, start + 32);
        return new String(head, start, end - start, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }

    /** Whether the bytes read as text: no NUL and few control characters other than blanks. */
    private static boolean looksLikeText(byte[] head, int length) {
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b == 0) {
                return false;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return control * 20 <= length;
    }

    private static boolean startsWith(byte[] head, int length, int offset, byte[] magic) {
        if (offset + magic.length > length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static Signature sig(Found found, int offset, String magic) {
        return new Signature(found, offset, ascii(magic), ALWAYS);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
