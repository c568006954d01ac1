package dev.tapedeck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapedeck.ProviderInfo;
import dev.tapedeck.http.json.Json;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingState;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints one JSON object per line and nothing else, never truncated: every field of the row ({@link OutputFields}),
 * or those {@code --fields} names, in that order. What may be secret shows as {@link FieldSet.Secrets} says: URLs
 * (of recordings, their alternatives, inline playlists and in provider data) with the values of their signature and
 * credential parameters masked, and provider-data members named like credentials masked, unless
 * {@code --reveal-urls} asks for them as sent; the keys in the environment never show ({@link EchoedSecrets}).
 * Besides what JSON itself escapes, DEL, the C1 controls and invisible format characters are written as
 * <code>&#92;uXXXX</code> escapes, so a terminal showing the output is never driven by provider text.
 */
final class JsonLines implements Printer {

    private final ObjectMapper mapper = Json.mapper();
    private final PrintStream out;
    private final ErrorLine errors;
    private final FieldSet.Secrets secrets;
    private final Optional<List<String>> fields;
    private final EchoedSecrets echoed;

    JsonLines(PrintStream out, ErrorLine errors, boolean revealUrls, Optional<List<String>> fields,
            EchoedSecrets echoed) {
        this.out = out;
        this.echoed = echoed;
        this.errors = errors;
        this.secrets = new FieldSet.Secrets(revealUrls);
        this.fields = fields;
        mapper.getFactory().setCharacterEscapes(new TerminalEscapes());
    }

    @Override
    public void provider(ProviderInfo info) {
        write(OutputFields.PROVIDERS, info);
    }

    @Override
    public void session(SessionRow row) {
        write(OutputFields.SESSIONS, row);
    }

    @Override
    public void recording(Recording recording) {
        write(OutputFields.RECORDINGS, recording);
    }

    @Override
    public void recordingState(String provider, RecordingState state) {
        write(OutputFields.STATES, new OutputFields.StateRow(provider, state));
    }

    @Override
    public void transfer(TransferRow row) {
        write(OutputFields.transfers(errors), row);
    }

    @Override
    public void summary(TransferSummary summary) {
        // JSON Lines carries only items; totals are derivable from them.
    }

    @Override
    public void flush() {
        out.flush();
    }

    private <T> void write(FieldSet<T> kind, T row) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (FieldSet.Field<T> field : kind.select(fields, false)) {
            object.put(field.name(), field.json().apply(row, secrets));
        }
        try {
            out.println(echoed.apply(mapper.writeValueAsString(object)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
