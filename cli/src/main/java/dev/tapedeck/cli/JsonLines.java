package dev.tapedeck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapedeck.ProviderInfo;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingState;
import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.Session;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints one JSON object per line and nothing else. Field names and their order are the CLI's contract: absent
 * values are JSON {@code null}, times ISO-8601 UTC instants, durations ISO-8601 durations. A recording's
 * {@code url} is printed with the values of its signature and credential parameters masked
 * ({@link Redaction#credentials}), unless {@code --reveal-urls} asks for the working link; it never appears in
 * errors. Besides what JSON itself escapes, DEL, the C1 controls and invisible format characters are written as
 * <code>&#92;uXXXX</code> escapes, so a terminal showing the output is never driven by provider text.
 */
final class JsonLines implements Printer {

    private final ObjectMapper mapper = new ObjectMapper();
    private final PrintStream out;
    private final ErrorLine errors;
    private final boolean revealUrls;

    JsonLines(PrintStream out, ErrorLine errors, boolean revealUrls) {
        this.out = out;
        this.errors = errors;
        this.revealUrls = revealUrls;
        mapper.getFactory().setCharacterEscapes(new TerminalEscapes());
    }

    @Override
    public void provider(ProviderInfo info) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", info.id());
        o.put("displayName", info.displayName());
        o.put("capabilities", info.capabilities().operations().stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.toList()));
        o.put("source", info.source());
        o.put("environment", info.metadata().environment().stream().map(v -> v.name()).collect(Collectors.toList()));
        write(o);
    }

    @Override
    public void session(Session s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("provider", s.provider());
        o.put("id", s.id().value());
        o.put("status", s.status().wireName());
        o.put("providerStatus", s.providerStatus().isEmpty() ? null : s.providerStatus());
        o.put("createdAt", instant(s.createdAt()));
        o.put("endedAt", instant(s.endedAt()));
        o.put("duration", duration(s.duration()));
        o.put("tags", s.tags());
        o.put("domains", s.domains());
        o.put("recording", s.recordingEnabled().orElse(null));
        o.put("credits", s.credits().orElse(null));
        o.put("steps", s.steps().orElse(null));
        write(o);
    }

    @Override
    public void recording(Recording r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("provider", r.provider());
        o.put("sessionId", r.sessionId().value());
        o.put("id", r.id().value());
        o.put("primary", r.primary());
        o.put("format", r.format().wireName());
        o.put("url", r.media() instanceof MediaLocation.RemoteUrl ? url(((MediaLocation.RemoteUrl) r.media()).uri())
                : null);
        o.put("expiresAt", instant(r.media().expiresAt()));
        o.put("sizeBytes", r.sizeBytes().orElse(null));
        o.put("duration", duration(r.duration()));
        o.put("createdAt", instant(r.createdAt()));
        o.put("fileName", r.fileName().orElse(null));
        write(o);
    }

    @Override
    public void recordingState(String provider, RecordingState state) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("provider", provider);
        o.put("sessionId", state.sessionId().value());
        o.put("paused", state.paused());
        o.put("providerStatus", state.providerStatus().isEmpty() ? null : state.providerStatus());
        write(o);
    }

    @Override
    public void transfer(TransferRow row) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("provider", row.provider());
        o.put("sessionId", row.sessionId());
        o.put("recordingId", row.recordingId().orElse(null));
        o.put("path", row.path().orElse(null));
        o.put("sizeBytes", row.sizeBytes().orElse(null));
        o.put("sha256", row.sha256().orElse(null));
        o.put("status", row.status().wireName());
        o.put("error", row.error().map(errors::scrub).orElse(null));
        write(o);
    }

    @Override
    public void summary(TransferSummary summary) {
        // JSON Lines carries only items; totals are derivable from them.
    }

    @Override
    public void flush() {
        out.flush();
    }

    private void write(Map<String, Object> object) {
        try {
            out.println(mapper.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String url(URI uri) {
        return revealUrls ? uri.toString() : Redaction.credentials(uri);
    }

    private static String instant(Optional<Instant> value) {
        return value.map(Instant::toString).orElse(null);
    }

    private static String duration(Optional<Duration> value) {
        return value.map(Duration::toString).orElse(null);
    }

    /** JSON's own escapes plus a <code>&#92;uXXXX</code> escape for every character {@link TerminalText}
     * finds unsafe. */
    private static final class TerminalEscapes extends CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return TerminalText.isUnsafe(c) ? new SerializedString(String.format("\\u%04x", c)) : null;
        }
    }
}
