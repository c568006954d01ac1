package dev.tapedeck.cli;

import dev.tapedeck.ProviderInfo;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.MediaAlternative;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingState;
import dev.tapedeck.model.Redaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the command prints about each kind of row, field by field, for {@code --json} and for tables alike (see
 * {@link FieldSet}). JSON: absent values are {@code null}, times ISO-8601 UTC instants, durations ISO-8601
 * durations, sizes bytes, provider data as the JSON it was. Tables: times to the second, sizes for people
 * ({@code 3.0 MiB}), {@value #NONE} for nothing, URLs without their query.
 */
final class OutputFields {

    /** What a table cell shows for no value. */
    static final String NONE = "-";

    private OutputFields() {
    }

    /** A session and the count of the listing it came from. */
    static final FieldSet<SessionRow> SESSIONS = new FieldSet<>("sessions", List.of(
            field("provider", "PROVIDER", row -> row.session().provider()),
            field("id", "ID", row -> row.session().id().value()),
            field("status", "STATUS", row -> row.session().status().wireName()),
            field("providerStatus", "PROVIDER STATUS", row -> text(row.session().providerStatus())),
            time("createdAt", "CREATED", row -> row.session().createdAt()),
            time("endedAt", "ENDED", row -> row.session().endedAt()),
            length("duration", "DURATION", row -> row.session().duration()),
            texts("tags", "TAGS", row -> row.session().tags()),
            texts("domains", "DOMAINS", row -> row.session().domains()),
            new FieldSet.Field<>("recording", "RECORDING", (row, secrets) -> row.session().recordingEnabled()
                    .orElse(null), row -> row.session().recordingEnabled().map(OutputFields::yesNo).orElse(NONE)),
            new FieldSet.Field<>("credits", "CREDITS", (row, secrets) -> row.session().credits().orElse(null),
                    row -> row.session().credits().map(BigDecimal::toPlainString).orElse(NONE)),
            field("steps", "STEPS", row -> row.session().steps().orElse(null)),
            providerData(row -> row.session().providerData()),
            texts("unreadFields", "UNREAD FIELDS", row -> row.session().unreadFields()),
            field("historyTotal", "HISTORY TOTAL", row -> row.historyTotal().orElse(null))),
            List.of("provider", "id", "status", "providerStatus", "createdAt", "duration", "recording", "credits",
                    "steps", "tags"));

    /** A recording, with every way to fetch it. */
    static final FieldSet<Recording> RECORDINGS = new FieldSet<>("recordings", List.of(
            field("provider", "PROVIDER", Recording::provider),
            field("sessionId", "SESSION", r -> r.sessionId().value()),
            field("id", "ID", r -> r.id().value()),
            new FieldSet.Field<>("primary", "PRIMARY", (r, secrets) -> r.primary(), r -> yesNo(r.primary())),
            new FieldSet.Field<>("format", "FORMAT", (r, secrets) -> r.format().wireName(),
                    r -> r.alternatives().stream().map(a -> a.format().wireName()).distinct()
                            .collect(Collectors.joining(" or "))),
            new FieldSet.Field<>("url", "MEDIA", (r, secrets) -> r.media() instanceof MediaLocation.RemoteUrl remote
                    ? secrets.url(remote.uri()) : null, OutputFields::media),
            time("expiresAt", "EXPIRES", r -> r.media().expiresAt()),
            new FieldSet.Field<>("sizeBytes", "SIZE", (r, secrets) -> r.sizeBytes().orElse(null),
                    r -> r.sizeBytes().map(OutputFields::bytes).orElse(NONE)),
            length("duration", "DURATION", Recording::duration),
            field("rawDuration", "RAW DURATION", r -> r.rawDuration().orElse(null)),
            length("startOffset", "START OFFSET", Recording::startOffset),
            time("createdAt", "CREATED", Recording::createdAt),
            field("fileName", "FILE NAME", r -> r.fileName().orElse(null)),
            new FieldSet.Field<>("alternatives", "ALTERNATIVES", OutputFields::alternatives,
                    r -> r.alternatives().stream().map(a -> a.format().wireName()).collect(Collectors.joining(","))),
            providerData(Recording::providerData),
            texts("unreadFields", "UNREAD FIELDS", Recording::unreadFields)),
            List.of("provider", "sessionId", "id", "primary", "format", "sizeBytes", "duration", "expiresAt",
                    "fileName", "url"));

    /** A provider on the class path or in a plug-in folder. */
    static final FieldSet<ProviderInfo> PROVIDERS = new FieldSet<>("providers", List.of(
            field("id", "ID", ProviderInfo::id),
            field("displayName", "NAME", ProviderInfo::displayName),
            new FieldSet.Field<>("capabilities", "CAPABILITIES", (info, secrets) -> info.capabilities().operations()
                    .stream().map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.toList()),
                    info -> info.capabilities().describe()),
            field("source", "SOURCE", ProviderInfo::source),
            texts("environment", "ENVIRONMENT", info -> info.metadata().environment().stream()
                    .map(variable -> variable.name()).collect(Collectors.toList()))),
            List.of("id", "displayName", "capabilities", "source"));

    /** The state a pause or resume left. */
    static final FieldSet<StateRow> STATES = new FieldSet<>("recording states", List.of(
            field("provider", "PROVIDER", StateRow::provider),
            field("sessionId", "SESSION", row -> row.state().sessionId().value()),
            new FieldSet.Field<>("paused", "PAUSED", (row, secrets) -> row.state().paused(),
                    row -> yesNo(row.state().paused())),
            field("providerStatus", "PROVIDER STATUS", row -> text(row.state().providerStatus())),
            providerData(row -> row.state().providerData())),
            List.of("provider", "sessionId", "paused", "providerStatus"));

    /** A state and the provider it came from. */
    record StateRow(String provider, RecordingState state) {
    }

    /** One file of a download or archive; the error is scrubbed by the printer's {@link ErrorLine}. */
    static FieldSet<TransferRow> transfers(ErrorLine errors) {
        return new FieldSet<>("transfers", List.of(
                field("provider", "PROVIDER", TransferRow::provider),
                field("sessionId", "SESSION", TransferRow::sessionId),
                field("recordingId", "RECORDING", row -> row.recordingId().orElse(null)),
                field("path", "PATH", row -> row.path().orElse(null)),
                new FieldSet.Field<>("sizeBytes", "SIZE", (row, secrets) -> row.sizeBytes().orElse(null),
                        row -> row.sizeBytes().map(OutputFields::bytes).orElse(NONE)),
                field("sha256", "SHA-256", row -> row.sha256().orElse(null)),
                field("status", "STATUS", row -> row.status().wireName()),
                new FieldSet.Field<>("error", "ERROR", (row, secrets) -> row.error().map(errors::scrub).orElse(null),
                        row -> row.error().map(errors::scrub).orElse(""))),
                List.of("status", "provider", "sessionId", "recordingId", "sizeBytes", "path", "error"));
    }

    /** The kinds {@code --fields} may name fields of, by the command that prints them. */
    static Optional<FieldSet<?>> forCommand(String command) {
        FieldSet<TransferRow> transfers = transfers(new ErrorLine());
        Map<String, FieldSet<?>> byCommand = Map.of("sessions", SESSIONS, "recordings", RECORDINGS, "providers",
                PROVIDERS, "pause", STATES, "resume", STATES, "download", transfers, "archive", transfers);
        return Optional.ofNullable(byCommand.get(command));
    }

    /** A field whose JSON value is {@code value} and whose cell is its text, {@value #NONE} when null. */
    private static <T> FieldSet.Field<T> field(String name, String header, Function<T, Object> value) {
        return new FieldSet.Field<>(name, header, (row, secrets) -> value.apply(row), row -> {
            Object v = value.apply(row);
            return v == null ? NONE : String.valueOf(v);
        });
    }

    /** The provider data: typed JSON, secrets as {@link FieldSet.Secrets} says; in tables masked compact JSON. */
    private static <T> FieldSet.Field<T> providerData(Function<T, JsonValue.ObjectValue> data) {
        return new FieldSet.Field<>("providerData", "PROVIDER DATA", (row, secrets) -> secrets.data(data.apply(row)),
                row -> data.apply(row).isEmpty() ? NONE : data.apply(row).toString());
    }

    private static <T> FieldSet.Field<T> texts(String name, String header, Function<T, List<String>> values) {
        return new FieldSet.Field<>(name, header, (row, secrets) -> values.apply(row),
                row -> values.apply(row).isEmpty() ? NONE : String.join(",", values.apply(row)));
    }

    private static <T> FieldSet.Field<T> time(String name, String header, Function<T, Optional<Instant>> value) {
        return new FieldSet.Field<>(name, header, (row, secrets) -> value.apply(row).map(Instant::toString)
                .orElse(null), row -> value.apply(row).map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString())
                .orElse(NONE));
    }

    private static <T> FieldSet.Field<T> length(String name, String header, Function<T, Optional<Duration>> value) {
        return new FieldSet.Field<>(name, header, (row, secrets) -> value.apply(row).map(Duration::toString)
                .orElse(null), row -> value.apply(row).map(Duration::toString).orElse(NONE));
    }

    private static Object alternatives(Recording recording, FieldSet.Secrets secrets) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MediaAlternative alternative : recording.alternatives()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("format", alternative.format().wireName());
            MediaLocation media = alternative.media();
            if (media instanceof MediaLocation.RemoteUrl remote) {
                o.put("location", "url");
                o.put("url", secrets.url(remote.uri()));
            } else if (media instanceof MediaLocation.InlinePlaylist inline) {
                o.put("location", "inline");
                o.put("playlist", secrets.playlist(inline.content()));
                o.put("base", inline.base().map(secrets::url).orElse(null));
            } else if (media instanceof MediaLocation.ProviderStream stream) {
                o.put("location", "provider");
                o.put("description", stream.description());
            }
            o.put("expiresAt", media.expiresAt().map(Instant::toString).orElse(null));
            o.put("sizeBytes", alternative.sizeBytes().orElse(null));
            o.put("preferred", alternative.preferred());
            out.add(o);
        }
        return out;
    }

    /** Where the first alternative is, for people (the table's FORMAT column names every alternative). */
    private static String media(Recording recording) {
        MediaLocation media = recording.media();
        return media instanceof MediaLocation.RemoteUrl remote ? Redaction.url(remote.uri())
                : media instanceof MediaLocation.InlinePlaylist ? "inline HLS playlist" : "provider stream";
    }

    /** A human size such as {@code 3.0 MiB}; below 1 KiB the exact byte count. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String text(String value) {
        return value.isEmpty() ? null : value;
    }
}
