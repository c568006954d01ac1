package dev.tapedeck.model;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A JSON value as a provider sent it, in neutral form: what the neutral model has no field for stays on a
 * {@link Session} or {@link Recording} as one of these, with its JSON type, instead of being dropped or turned into
 * text. Immutable; numbers keep their exact decimal ({@link BigDecimal}) and compare by value ({@code 12.5} equals
 * {@code 12.50}); objects keep their members in the order sent.
 *
 * <p>{@link #toJson()} writes the value back as compact JSON text, as sent, secrets included: that is the raw item
 * for whoever needs it. {@code toString} never shows a secret: a text that is a URL shows without its query and
 * user-info ({@link Redaction#url(java.net.URI)}), and the value of a member whose name speaks of a credential
 * ({@link Redaction#isCredentialName}: {@code password}, {@code signingKey}, {@code access_token}, ...) reads
 * {@value Redaction#MASK}.
 */
public sealed interface JsonValue {

    /** JSON {@code null}. */
    JsonValue NULL = new NullValue();

    /** A JSON string. */
    static TextValue text(String value) {
        return new TextValue(value);
    }

    /** A JSON number. */
    static NumberValue number(BigDecimal value) {
        return new NumberValue(value);
    }

    /** A JSON number. */
    static NumberValue number(long value) {
        return new NumberValue(BigDecimal.valueOf(value));
    }

    /** A JSON boolean. */
    static BooleanValue bool(boolean value) {
        return value ? BooleanValue.TRUE : BooleanValue.FALSE;
    }

    /** This value as compact JSON text, exactly as held: secrets are NOT masked. */
    default String toJson() {
        StringBuilder out = new StringBuilder();
        JsonText.write(this, out);
        return out.toString();
    }

    /**
     * A copy in which every text that is a URL is replaced by {@code url} applied to it and every member whose name
     * speaks of a credential holds {@value Redaction#MASK}; what output meant for people or logs shows.
     */
    JsonValue masked(Function<java.net.URI, String> url);

    /** A JSON string. @param value the text */
    record TextValue(String value) implements JsonValue {
        /** Requires a value. */
        public TextValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public JsonValue masked(Function<java.net.URI, String> url) {
            return Redaction.urlText(value, url).<JsonValue>map(TextValue::new).orElse(this);
        }

        @Override
        public String toString() {
            return masked(Redaction::url).toJson();
        }
    }

    /** A JSON number, exact; equal to another of the same value whatever the scale. @param value the number */
    record NumberValue(BigDecimal value) implements JsonValue {
        /** Requires a value. */
        public NumberValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public JsonValue masked(Function<java.net.URI, String> url) {
            return this;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NumberValue number && value.compareTo(number.value) == 0;
        }

        @Override
        public int hashCode() {
            return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
        }

        @Override
        public String toString() {
            return toJson();
        }
    }

    /** A JSON boolean. @param value the truth value */
    record BooleanValue(boolean value) implements JsonValue {
        static final BooleanValue TRUE = new BooleanValue(true);
        static final BooleanValue FALSE = new BooleanValue(false);

        @Override
        public JsonValue masked(Function<java.net.URI, String> url) {
            return this;
        }

        @Override
        public String toString() {
            return toJson();
        }
    }

    /** JSON {@code null}; use {@link JsonValue#NULL}. */
    record NullValue() implements JsonValue {
        @Override
        public JsonValue masked(Function<java.net.URI, String> url) {
            return this;
        }

        @Override
        public String toString() {
            return "null";
        }
    }

    /** A JSON array. @param values the elements, in order */
    record ListValue(List<JsonValue> values) implements JsonValue {
        /** Freezes the elements, which must not be null (use {@link JsonValue#NULL}). */
        public ListValue {
            values = List.copyOf(values);
        }

        @Override
        public JsonValue masked(Function<java.net.URI, String> url) {
            List<JsonValue> out = new ArrayList<>(values.size());
            values.forEach(value -> out.add(value.masked(url)));
            return new ListValue(out);
        }

        @Override
        public String toString() {
            return masked(Redaction::url).toJson();
        }
    }

    /** A JSON object. @param members the members, in the order sent */
    record ObjectValue(Map<String, JsonValue> members) implements JsonValue {

        /** The object without members. */
        public static final ObjectValue EMPTY = new ObjectValue(Map.of());

        /**
         * Freezes the members, keeping their order; neither names nor values may be null. The members of another
         * object (or of a {@link Builder}) are already frozen and are taken as they are, without a copy.
         */
        public ObjectValue {
            if (!(members instanceof Frozen)) {
                Map<String, JsonValue> copy = new LinkedHashMap<>();
                members.forEach((name, value) -> put(copy, name, value));
                members = new Frozen(copy);
            }
        }

        /** A builder that collects members in order and hands them over once, without copying them again. */
        public static Builder builder() {
            return new Builder();
        }

        /** The member {@code name}, if there is one. */
        public Optional<JsonValue> get(String name) {
            return Optional.ofNullable(members.get(name));
        }

        /** Whether it has no members. */
        public boolean isEmpty() {
            return members.isEmpty();
        }

        @Override
        public JsonValue masked(Function<java.net.URI, String> url) {
            Map<String, JsonValue> out = new LinkedHashMap<>();
            members.forEach((name, value) -> out.put(name, Redaction.isCredentialName(name)
                    && !(value instanceof NullValue) ? new TextValue(Redaction.MASK) : value.masked(url)));
            return new ObjectValue(out);
        }

        @Override
        public String toString() {
            return masked(Redaction::url).toJson();
        }

        private static void put(Map<String, JsonValue> members, String name, JsonValue value) {
            members.put(Objects.requireNonNull(name, "member name"), Objects.requireNonNull(value,
                    () -> "member " + name));
        }

        /**
         * Collects the members of one object, in order (a later value of the same name wins); {@link #build()} may be
         * called once, and hands the members over to the object without a copy.
         */
        public static final class Builder {
            private Map<String, JsonValue> members = new LinkedHashMap<>();

            private Builder() {
            }

            /** Adds member {@code name}; neither may be null. */
            public Builder put(String name, JsonValue value) {
                if (members == null) {
                    throw new IllegalStateException("this builder was built already");
                }
                ObjectValue.put(members, name, value);
                return this;
            }

            /** The object; the builder cannot be used after. */
            public ObjectValue build() {
                if (members == null) {
                    throw new IllegalStateException("this builder was built already");
                }
                Map<String, JsonValue> built = members;
                members = null;
                return new ObjectValue(new Frozen(built));
            }
        }

        /**
         * Members no one can change: a read-only view of a map only this class holds. Recognised by the
         * constructor, so an object made from another's members shares them instead of copying.
         */
        private static final class Frozen extends AbstractMap<String, JsonValue> {
            private final Map<String, JsonValue> view;

            Frozen(Map<String, JsonValue> owned) {
                this.view = Collections.unmodifiableMap(owned);
            }

            @Override
            public Set<Map.Entry<String, JsonValue>> entrySet() {
                return view.entrySet();
            }

            @Override
            public JsonValue get(Object name) {
                return view.get(name);
            }

            @Override
            public boolean containsKey(Object name) {
                return view.containsKey(name);
            }

            @Override
            public int size() {
                return view.size();
            }

            @Override
            public Set<String> keySet() {
                return view.keySet();
            }

            @Override
            public Collection<JsonValue> values() {
                return view.values();
            }

            @Override
            public void forEach(BiConsumer<? super String, ? super JsonValue> action) {
                view.forEach(action);
            }
        }
    }
}
