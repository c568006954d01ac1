package dev.tapedeck.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One session of a provider, in neutral form.
 *
 * <p>Never null: absent values are empty {@link Optional}s and empty collections. {@code providerStatus}
 * is the provider's own word for the state.
 *
 * <p>Nothing the provider sent is lost: every field without a neutral home (provider-specific ones, fields it adds
 * later, nested objects and lists) stays in {@code providerData} under its wire name with its JSON type. So does a
 * field whose value the neutral field cannot hold: one the provider documents as a marker (Anchor's
 * {@code "used_credits": "N/A"} of a running session, so it differs from no value at all), and one of the wrong type
 * ({@code "headless": "yes"}, {@code "tags": "a,b"}), whose name is also listed in {@code unreadFields}: such a
 * session is still listed, with its raw value. {@code toString} masks URLs and credentials in the provider data.
 *
 * @param provider         the provider id, e.g. {@code anchor}
 * @param id               the session id
 * @param status           the neutral status
 * @param providerStatus   the provider's raw status, empty string when the provider sent none
 * @param createdAt        when the session was created
 * @param endedAt          when the session ended
 * @param duration         how long it ran
 * @param tags             tags, in the provider's order
 * @param domains          domains the session visited
 * @param recordingEnabled whether recording was on
 * @param credits          credits used, when the provider reports a number
 * @param steps            number of agent or browser steps
 * @param providerData     the provider's fields without a neutral home, under their wire names, in the order sent
 * @param unreadFields     wire names of fields sent with a value their neutral field could not read; the raw values
 *                         are in {@code providerData}
 */
public record Session(
        String provider,
        SessionId id,
        SessionStatus status,
        String providerStatus,
        Optional<Instant> createdAt,
        Optional<Instant> endedAt,
        Optional<Duration> duration,
        List<String> tags,
        List<String> domains,
        Optional<Boolean> recordingEnabled,
        Optional<BigDecimal> credits,
        Optional<Long> steps,
        JsonValue.ObjectValue providerData,
        List<String> unreadFields) {

    /** Checks for nulls and freezes the collections. */
    public Session {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(providerStatus, "providerStatus");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(duration, "duration");
        tags = List.copyOf(tags);
        domains = List.copyOf(domains);
        Objects.requireNonNull(recordingEnabled, "recordingEnabled");
        Objects.requireNonNull(credits, "credits");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(providerData, "providerData");
        unreadFields = List.copyOf(unreadFields);
    }

    /** Starts a builder with the two required values; everything else defaults to empty or {@link SessionStatus#UNKNOWN}. */
    public static Builder builder(String provider, SessionId id) {
        return new Builder(provider, id);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder extends ProviderFields<Builder> {
        private final String provider;
        private final SessionId id;
        private SessionStatus status = SessionStatus.UNKNOWN;
        private String providerStatus = "";
        private Instant createdAt;
        private Instant endedAt;
        private Duration duration;
        private final List<String> tags = new ArrayList<>();
        private final List<String> domains = new ArrayList<>();
        private Boolean recordingEnabled;
        private BigDecimal credits;
        private Long steps;

        private Builder(String provider, SessionId id) {
            this.provider = Objects.requireNonNull(provider, "provider");
            this.id = Objects.requireNonNull(id, "id");
        }

        /** Sets the neutral status and the provider's raw word for it. */
        public Builder status(SessionStatus status, String providerStatus) {
            this.status = Objects.requireNonNull(status, "status");
            this.providerStatus = providerStatus == null ? "" : providerStatus;
            return this;
        }

        /** Nullable. */
        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        /** Nullable. */
        public Builder endedAt(Instant value) {
            this.endedAt = value;
            return this;
        }

        /** Nullable. */
        public Builder duration(Duration value) {
            this.duration = value;
            return this;
        }

        /** Null means none; null elements are dropped. */
        public Builder tags(List<String> values) {
            addNonNull(tags, values);
            return this;
        }

        /** Null means none; null elements are dropped. */
        public Builder domains(List<String> values) {
            addNonNull(domains, values);
            return this;
        }

        /** Nullable. */
        public Builder recordingEnabled(Boolean value) {
            this.recordingEnabled = value;
            return this;
        }

        /** Nullable. */
        public Builder credits(BigDecimal value) {
            this.credits = value;
            return this;
        }

        /** Nullable. */
        public Builder steps(Long value) {
            this.steps = value;
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        /** Builds the immutable session. */
        public Session build() {
            return new Session(provider, id, status, providerStatus, Optional.ofNullable(createdAt),
                    Optional.ofNullable(endedAt), Optional.ofNullable(duration), tags, domains,
                    Optional.ofNullable(recordingEnabled), Optional.ofNullable(credits),
                    Optional.ofNullable(steps), providerData(), unreadNames());
        }

        private static void addNonNull(List<String> target, List<String> values) {
            if (values != null) {
                for (String value : values) {
                    if (value != null) {
                        target.add(value);
                    }
                }
            }
        }
    }
}
