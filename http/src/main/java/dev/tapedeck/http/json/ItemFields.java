package dev.tapedeck.http.json;

import dev.tapedeck.model.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Reads one item of a provider's answer (a session, a recording) field by field, leniently, so that one odd value
 * never loses the item, and keeps what it does not read.
 *
 * <p>A mapper asks for the fields that have a neutral home with the typed readers ({@link #text}, {@link #bool},
 * {@link #decimal}, {@link #texts}, {@link #instant}, ...). A value of the expected type (or JSON null) is read and
 * the field is done with; a value of another type ({@code "headless": "yes"}, {@code "tags": "a,b"},
 * {@code "used_credits": "12,5"}) reads as empty and the field is <em>unread</em>: its raw value stays in
 * {@link #providerData()} and its name in {@link #unread()}. A value the provider documents as a marker rather
 * than a value ({@code "N/A"} for credits still running) reads as empty and stays in the provider data, without
 * counting as unread, so it differs from no value at all. Every field the mapper never asks for stays in the
 * provider data as sent: provider-specific fields, fields added later, nested objects and lists. The provider data
 * keeps the item's order.
 */
public final class ItemFields {

    private static final Pattern DECIMAL = Pattern.compile(
            "[-+]?(\\d{1,60}(\\.\\d{0,60})?|\\.\\d{1,60})([eE][-+]?\\d{1,4})?");

    private final Map<String, JsonValue> members;
    private final Set<String> done = new HashSet<>();
    private final Set<String> unread = new LinkedHashSet<>();

    private ItemFields(Map<String, JsonValue> members) {
        this.members = members;
    }

    /** The fields of {@code item}; empty when it is not a JSON object. */
    public static Optional<ItemFields> of(JsonValue item) {
        return item instanceof JsonValue.ObjectValue object ? Optional.of(new ItemFields(object.members()))
                : Optional.empty();
    }

    /** The raw value of field {@code name}, now done with (it leaves the provider data). */
    public Optional<JsonValue> raw(String name) {
        done.add(name);
        return Optional.ofNullable(members.get(name));
    }

    /** The raw value of field {@code name}, which stays in the provider data. */
    public Optional<JsonValue> peek(String name) {
        return Optional.ofNullable(members.get(name));
    }

    /** Text; a number (an id sent as one, say) reads as its JSON text. */
    public Optional<String> text(String name) {
        return read(name, value -> {
            if (value instanceof JsonValue.TextValue text) {
                return Result.of(text.value());
            }
            return value instanceof JsonValue.NumberValue ? Result.of(value.toJson()) : Result.unreadable();
        });
    }

    /** A boolean; the text {@code true} or {@code false} (any case) reads as one too. */
    public Optional<Boolean> bool(String name) {
        return read(name, value -> {
            if (value instanceof JsonValue.BooleanValue bool) {
                return Result.of(bool.value());
            }
            if (value instanceof JsonValue.TextValue text) {
                String word = text.value().strip().toLowerCase(Locale.ROOT);
                return word.equals("true") || word.equals("false") ? Result.of(word.equals("true"))
                        : Result.unreadable();
            }
            return Result.unreadable();
        });
    }

    /**
     * A decimal number, also sent as a decimal text ({@code "12.50"}, {@code " 7 "}); a text in {@code markers}
     * (compared without case and surrounding blanks) reads as empty and stays in the provider data.
     */
    public Optional<BigDecimal> decimal(String name, String... markers) {
        return read(name, value -> {
            if (value instanceof JsonValue.NumberValue number) {
                return Result.of(number.value());
            }
            if (value instanceof JsonValue.TextValue text) {
                String trimmed = text.value().strip();
                for (String marker : markers) {
                    if (trimmed.equalsIgnoreCase(marker)) {
                        return Result.marker();
                    }
                }
                return DECIMAL.matcher(trimmed).matches() ? Result.of(new BigDecimal(trimmed)) : Result.unreadable();
            }
            return Result.unreadable();
        });
    }

    /** A whole number of at most 18 digits, also sent as text; a fraction or anything else is unread. */
    public Optional<Long> whole(String name) {
        return read(name, value -> {
            Optional<BigDecimal> number = value instanceof JsonValue.NumberValue n ? Optional.of(n.value())
                    : value instanceof JsonValue.TextValue t && DECIMAL.matcher(t.value().strip()).matches()
                            ? Optional.of(new BigDecimal(t.value().strip())) : Optional.empty();
            try {
                return number.map(n -> Result.of(n.longValueExact())).orElseGet(Result::unreadable);
            } catch (ArithmeticException notWhole) {
                return Result.unreadable();
            }
        });
    }

    /** A whole number of at least 0 (a count, a size, milliseconds), also sent as text; anything else is unread. */
    public Optional<Long> count(String name) {
        Optional<Long> value = whole(name);
        if (value.isPresent() && value.get() < 0) {
            unreadable(name);
            return Optional.empty();
        }
        return value;
    }

    /** A list of texts; null elements are dropped, any other element or a non-list makes the field unread. */
    public List<String> texts(String name) {
        return read(name, value -> {
            if (!(value instanceof JsonValue.ListValue list)) {
                return Result.<List<String>>unreadable();
            }
            List<String> out = new ArrayList<>();
            for (JsonValue element : list.values()) {
                if (element instanceof JsonValue.TextValue text) {
                    out.add(text.value());
                } else if (!(element instanceof JsonValue.NullValue)) {
                    return Result.<List<String>>unreadable();
                }
            }
            return Result.of(List.copyOf(out));
        }).orElse(List.of());
    }

    /** A timestamp as {@link Instants#read(JsonValue)} reads it; an unreadable one is unread. */
    public Optional<Instant> instant(String name) {
        return read(name, value -> Instants.read(value).map(Result::of).orElseGet(Result::unreadable));
    }

    /** Marks field {@code name} as unread: its value stays in the provider data and its name is listed. */
    public void unreadable(String name) {
        if (members.containsKey(name)) {
            done.remove(name);
            unread.add(name);
        }
    }

    /** Everything not read into a neutral field: the unread fields, markers and every field never asked for. */
    public JsonValue.ObjectValue providerData() {
        Map<String, JsonValue> kept = new LinkedHashMap<>();
        members.forEach((name, value) -> {
            if (!done.contains(name)) {
                kept.put(name, value);
            }
        });
        return kept.size() == members.size() ? new JsonValue.ObjectValue(members) : new JsonValue.ObjectValue(kept);
    }

    /**
     * Hands every field of {@link #providerData()} to {@code kept}, or to {@code unreadable} when it is unread, in
     * the item's order: {@code fields.keepIn(builder::providerData, builder::unreadField)}.
     */
    public void keepIn(BiConsumer<String, JsonValue> kept, BiConsumer<String, JsonValue> unreadable) {
        members.forEach((name, value) -> {
            if (!done.contains(name)) {
                (unread.contains(name) ? unreadable : kept).accept(name, value);
            }
        });
    }

    /** The names of the fields sent with a value their reader could not read, in the order they were read. */
    public List<String> unread() {
        return List.copyOf(unread);
    }

    /** What a reader made of one present, non-null value. */
    private record Result<T>(Optional<T> value, boolean wrongType, boolean isMarker) {
        static <T> Result<T> of(T value) {
            return new Result<>(Optional.of(value), false, false);
        }

        static <T> Result<T> unreadable() {
            return new Result<>(Optional.empty(), true, false);
        }

        static <T> Result<T> marker() {
            return new Result<>(Optional.empty(), false, true);
        }
    }

    private <T> Optional<T> read(String name, java.util.function.Function<JsonValue, Result<T>> reader) {
        JsonValue value = members.get(name);
        if (value == null || value instanceof JsonValue.NullValue) {
            done.add(name);
            return Optional.empty();
        }
        Result<T> result = reader.apply(value);
        if (result.wrongType()) {
            unread.add(name);
        } else if (!result.isMarker()) {
            done.add(name);
        }
        return result.value();
    }
}
