package dev.tapedeck.download;

import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An HLS playlist's text and the URL its relative URIs resolve against, as a recording delivers it: inline (the
 * provider's answer held the text; the base is the one it gave) or by URL (a presigned link or a provider stream,
 * fetched here; the base is the URL it was finally served from). A fetched playlist is read up to
 * {@code maxBytes}, must start like a playlist ({@code #EXTM3U}, not an HTML page) and be UTF-8.
 *
 * @param content the m3u8 text
 * @param base    what relative URIs in it resolve against, when known
 */
record PlaylistText(String content, Optional<URI> base) {

    /** The playlist {@code live}'s current recording delivers, of at most {@code maxBytes} bytes. */
    static Either<TapedeckError, PlaylistText> of(LiveRecording live, long maxBytes, String what) {
        Recording recording = live.current();
        if (recording.media() instanceof MediaLocation.InlinePlaylist inline) {
            long bytes = utf8Length(inline.content());
            if (bytes > maxBytes) {
                return Either.left(tooLong(recording.provider(), what, bytes + " bytes", maxBytes));
            }
            return Either.right(new PlaylistText(inline.content(), inline.base()));
        }
        Either<TapedeckError, MediaStream> opened = live.open(current -> Either.right(MediaRequest.whole()));
        if (opened.isLeft()) {
            return Either.left(opened.getLeft());
        }
        Recording served = live.current();
        Optional<URI> location = served.media() instanceof MediaLocation.RemoteUrl remote
                ? Optional.of(remote.uri()) : Optional.empty();
        try (MediaStream stream = opened.get()) {
            return read(stream, served.provider(), maxBytes, what)
                    .map(text -> new PlaylistText(text, stream.source().or(() -> location)));
        } catch (IOException closing) {
            return Either.left(new TapedeckError.Transport(served.provider(), what + ": the playlist could not be "
                    + "read (" + closing.getClass().getSimpleName() + "); try again later"));
        }
    }

    private static Either<TapedeckError, String> read(MediaStream stream, String provider, long maxBytes,
            String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[Hashing.BUFFER_SIZE];
        InputStream in = stream.body();
        long limit = Math.min(maxBytes, Integer.MAX_VALUE - 16L);
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (out.size() + (long) n > limit) {
                return Either.left(tooLong(provider, what, "more than " + limit + " bytes", maxBytes));
            }
            out.write(buffer, 0, n);
        }
        byte[] bytes = out.toByteArray();
        int head = Math.min(bytes.length, ContentSniffer.HEAD_BYTES);
        Optional<String> refused = ContentSniffer.refusal(ContentSniffer.Expected.PLAYLIST, bytes, head,
                stream.contentType(), Optional.of((long) bytes.length));
        if (refused.isPresent()) {
            return Either.left(new TapedeckError.Integrity(provider, what + ": instead of an HLS playlist, the server "
                    + "sent " + refused.get() + "; nothing was kept, try again later"));
        }
        try {
            return Either.right(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notUtf8) {
            return Either.left(new TapedeckError.Integrity(provider, what + ": the HLS playlist is not UTF-8 text; "
                    + "nothing was kept"));
        }
    }

    private static TapedeckError tooLong(String provider, String what, String size, long maxBytes) {
        return new TapedeckError.Integrity(provider, what + ": the HLS playlist has " + size + ", more than the "
                + maxBytes + " a download takes; nothing was kept (raise DownloadOptions.maxPlaylistBytes if it "
                + "really is that long)");
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
