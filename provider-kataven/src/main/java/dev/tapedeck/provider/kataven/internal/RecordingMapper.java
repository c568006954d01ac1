package dev.tapedeck.provider.kataven.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.http.Urls;
import dev.tapedeck.http.json.Instants;
import dev.tapedeck.http.json.JsonValues;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads Kataven's recording answer, whose body is documented only as "object", leniently into one primary AUDIO
 * recording with id {@value #RECORDING_ID}.
 *
 * <p>The URL is the first absolute http(s) URL under {@link #URL_KEYS}, looked up at the top level, then under
 * {@code data}, {@code recording} and {@code data.recording}, else another field there whose name speaks of a
 * recording, audio, file, media or download (so {@code {"recording": "https://..."}} or an unforeseen
 * {@code audio_url} works, while a {@code dashboard_url} or {@code self} link is never taken for the audio); a body that is just a URL string
 * works too. The expiry
 * is the first of an absolute time under {@link #EXPIRY_AT_KEYS} (read by {@link Instants}: ISO-8601 text, zone-less
 * read as UTC, or epoch seconds, or epoch milliseconds from 1e11 on) or a lifetime in seconds under
 * {@link #EXPIRY_IN_KEYS} counted from the fetch time; without either, the fetch time plus the documented five
 * minutes.
 *
 * <p>Since the answer has no documented shape, the recording keeps all of it, the URL and expiry included, as its
 * provider data: whatever Kataven sends (a duration, a format, ids) is there, typed.
 */
final class RecordingMapper {

    /** The fixed id of a Kataven session's one recording. */
    static final String RECORDING_ID = "recording";

    static final List<String> URL_KEYS = List.of("url", "recording_url", "recordingUrl", "presigned_url",
            "presignedUrl", "signed_url", "signedUrl", "playback_url", "download_url");
    static final List<String> EXPIRY_AT_KEYS = List.of("expires_at", "expiresAt", "expiry", "expiration",
            "expires", "expire_at", "expiry_time", "valid_until", "validUntil");
    static final List<String> EXPIRY_IN_KEYS = List.of("expires_in", "expiresIn", "expires_in_seconds", "ttl",
            "ttl_seconds");

    /** Other keys a recording URL may hide under: {@code audio_url}, {@code recording}, {@code file_link}, ... */
    private static final Pattern LIKELY_URL_KEY = Pattern.compile(
            "(?i)(.*(audio|recording|file|media|download|playback|signed).*|url|uri|link|location)");
    private static final List<String> CONTAINERS = List.of("", "/data", "/recording", "/data/recording");
    private static final Set<String> AUDIO_EXTENSIONS = Set.of("mp3", "wav", "ogg", "oga", "opus", "m4a", "aac",
            "flac", "webm", "mp4");

    private RecordingMapper() {
    }

    /** The recording {@code body} describes, fetched at {@code fetchedAt}; ProviderFailure when it has no URL. */
    static Either<TapedeckError, Recording> recording(SessionId session, JsonNode body, Instant fetchedAt) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return Either.left(unusable(session, "an empty body"));
        }
        Optional<URI> url = body.isTextual() ? Urls.absoluteHttp(body.asText()) : findUrl(body);
        if (url.isEmpty()) {
            return Either.left(unusable(session, "no recording URL (looked for " + String.join(", ", URL_KEYS)
                    + " at the top level and under data and recording; it has " + fieldNames(body) + ")"));
        }
        Instant expiresAt = findExpiry(body, fetchedAt).orElse(fetchedAt.plus(KatavenProvider.DEFAULT_URL_LIFETIME));
        Recording.Builder recording = Recording.builder(KatavenProvider.ID, session, RecordingId.of(RECORDING_ID),
                        RecordingFormat.AUDIO, new MediaLocation.RemoteUrl(url.get(), Optional.of(expiresAt)))
                .primary(true)
                .fileName(session.value() + "-" + RECORDING_ID + extension(url.get()));
        if (body.isObject()) {
            recording.providerData((JsonValue.ObjectValue) JsonValues.of(body));
        }
        return Either.right(recording.build());
    }

    private static Optional<URI> findUrl(JsonNode body) {
        for (String container : CONTAINERS) {
            JsonNode node = body.at(container);
            for (String key : URL_KEYS) {
                JsonNode value = node.path(key);
                if (value.isTextual()) {
                    Optional<URI> uri = Urls.absoluteHttp(value.asText());
                    if (uri.isPresent()) {
                        return uri;
                    }
                }
            }
        }
        for (String container : CONTAINERS) {
            JsonNode node = body.at(container);
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode value = node.get(name);
                if (value.isTextual() && LIKELY_URL_KEY.matcher(name).matches()) {
                    Optional<URI> uri = Urls.absoluteHttp(value.asText());
                    if (uri.isPresent()) {
                        return uri;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> findExpiry(JsonNode body, Instant fetchedAt) {
        if (!body.isObject()) {
            return Optional.empty();
        }
        for (String container : CONTAINERS) {
            JsonNode node = body.at(container);
            for (String key : EXPIRY_AT_KEYS) {
                Optional<Instant> at = Instants.read(node.path(key));
                if (at.isPresent()) {
                    return at;
                }
            }
            for (String key : EXPIRY_IN_KEYS) {
                Optional<BigDecimal> seconds = number(node.path(key));
                if (seconds.isPresent() && seconds.get().signum() >= 0) {
                    return Optional.of(fetchedAt.plusMillis(seconds.get().movePointRight(3).longValue()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> number(JsonNode value) {
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        if (value.isTextual() && value.asText().strip().matches("\\d{1,15}(\\.\\d{1,9})?")) {
            return Optional.of(new BigDecimal(value.asText().strip()));
        }
        return Optional.empty();
    }

    /** {@code .mp3} and the like from the URL's path, or nothing when it does not name an audio type. */
    private static String extension(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return "";
        }
        String ext = path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return AUDIO_EXTENSIONS.contains(ext) ? "." + ext : "";
    }

    /** The body's field names (never values, which may hold signatures), for the failure message. */
    private static String fieldNames(JsonNode body) {
        if (!body.isObject()) {
            return "a " + body.getNodeType().name().toLowerCase(Locale.ROOT) + " instead of an object";
        }
        Set<String> names = new TreeSet<>();
        collectNames(body, "", names);
        List<String> shown = new ArrayList<>(names);
        return names.isEmpty() ? "no fields" : "the fields " + String.join(", ", shown.subList(0, Math.min(20, shown.size())));
    }

    private static void collectNames(JsonNode node, String prefix, Set<String> names) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            names.add(prefix + name);
            JsonNode child = node.get(name);
            if (child.isObject() && prefix.isEmpty()) {
                collectNames(child, name + ".", names);
            }
        }
    }

    private static TapedeckError unusable(SessionId session, String what) {
        return new TapedeckError.ProviderFailure(KatavenProvider.ID, 200, "kataven answered the recording of session "
                + session + " with " + what + "; Kataven may have changed its API, please report it", "", false);
    }
}
