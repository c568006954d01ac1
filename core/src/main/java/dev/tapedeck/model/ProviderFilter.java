package dev.tapedeck.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A provider-specific history filter a provider accepts in {@link SessionQuery#providerFilters()}: its key (the
 * provider's own parameter name), the type of its value, and what it selects. Core checks every provider filter of
 * a query against the provider's declared ones before any request, so a provider sees only known keys with values
 * of the right type.
 *
 * @param key         the parameter name, e.g. {@code batch_id}
 * @param type        the type its value must have
 * @param description what it selects, for people
 */
public record ProviderFilter(String key, Type type, String description) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** The value types a provider filter can take; each checks a value written as text. */
    public enum Type {
        /** Any non-blank text. */
        TEXT,
        /** {@code true} or {@code false}, in any case. */
        BOOLEAN,
        /** A whole number. */
        INTEGER,
        /** A decimal number. */
        DECIMAL,
        /** An ISO-8601 instant such as {@code 2026-01-01T00:00:00Z}. */
        INSTANT;

        /** The lower-case name used in messages and JSON, e.g. {@code boolean}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Why {@code value} is not of this type, or empty when it is. */
        public Optional<String> problem(String value) {
            String v = value.strip();
            if (v.isEmpty()) {
                return Optional.of("is blank; give it a value or leave it out");
            }
            try {
                switch (this) {
                    case BOOLEAN:
                        return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? Optional.empty()
                                : Optional.of("must be true or false");
                    case INTEGER:
                        Long.parseLong(v);
                        return Optional.empty();
                    case DECIMAL:
                        new BigDecimal(v);
                        return Optional.empty();
                    case INSTANT:
                        Instant.parse(v);
                        return Optional.empty();
                    default:
                        return Optional.empty();
                }
            } catch (NumberFormatException | DateTimeParseException notOfType) {
                return Optional.of("must be " + (this == INSTANT ? "an instant such as 2026-01-01T00:00:00Z"
                        : this == INTEGER ? "a whole number" : "a decimal number"));
            }
        }
    }

    /** Checks the key's form (letters, digits, {@code _ . -}) and nulls. */
    public ProviderFilter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a provider filter key is 1 to 64 letters, digits, '_', '.' or '-',"
                    + " was '" + key + "'");
        }
    }

    /** A text filter. */
    public static ProviderFilter text(String key, String description) {
        return new ProviderFilter(key, Type.TEXT, description);
    }

    /** A true/false filter. */
    public static ProviderFilter bool(String key, String description) {
        return new ProviderFilter(key, Type.BOOLEAN, description);
    }

    /** {@code key (type)}, as messages list accepted filters. */
    public String describe() {
        return key + " (" + type.wireName() + ")";
    }
}
