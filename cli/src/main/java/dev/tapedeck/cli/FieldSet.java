package dev.tapedeck.cli;

import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.Redaction;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields one kind of output row has (a session, a recording, ...), defined once for both outputs: each has its
 * JSON name, which {@code --fields} uses, the header of its table column, its JSON value and its table cell.
 * {@code --json} prints every field by default, tables a narrower default set; {@code --fields} picks the same
 * fields, in its order, for both.
 *
 * @param kind         what the rows are, for messages ({@code sessions})
 * @param fields       every field, in JSON order
 * @param tableDefault the names of the fields a table shows without {@code --fields}
 * @param <T>          the row type
 */
record FieldSet<T>(String kind, List<Field<T>> fields, List<String> tableDefault) {

    /**
     * One field.
     *
     * @param name   its JSON name
     * @param header its table column's header
     * @param json   its JSON value (String, Number, Boolean, List, Map, JsonValue or null) for a row, with secrets
     *               shown as {@link Secrets} says
     * @param cell   its table cell for a row, never null
     * @param <T>    the row type
     */
    record Field<T>(String name, String header, BiFunction<T, Secrets, Object> json, Function<T, String> cell) {
    }

    /**
     * How JSON shows what may be secret: by default URLs with the values of their signature and credential
     * parameters masked ({@link Redaction#credentials}) and provider-data members named like credentials masked;
     * with {@code --reveal-urls} everything as sent, for scripts that fetch the URLs themselves.
     *
     * @param reveal whether {@code --reveal-urls} was given
     */
    record Secrets(boolean reveal) {

        /** {@code uri} as JSON shows it. */
        String url(URI uri) {
            return reveal ? uri.toString() : Redaction.credentials(uri);
        }

        /** Provider data as JSON shows it. */
        JsonValue data(JsonValue value) {
            return reveal ? value : value.masked(Redaction::credentials);
        }

        /** An HLS playlist's text as JSON shows it. */
        String playlist(String content) {
            return reveal ? content : Redaction.playlist(content, Redaction::credentials);
        }
    }

    /** Freezes the lists. */
    FieldSet {
        fields = List.copyOf(fields);
        tableDefault = List.copyOf(tableDefault);
    }

    /** The JSON names, in order. */
    List<String> names() {
        return fields.stream().map(Field::name).collect(Collectors.toList());
    }

    /** The names of {@code requested} that are no field of this kind, in their order. */
    List<String> unknown(List<String> requested) {
        List<String> names = names();
        return requested.stream().filter(name -> !names.contains(name)).collect(Collectors.toList());
    }

    /** The fields {@code requested} names (checked before with {@link #unknown}), else the default for the output. */
    List<Field<T>> select(Optional<List<String>> requested, boolean table) {
        List<String> wanted = requested.orElse(table ? tableDefault : names());
        List<Field<T>> chosen = new ArrayList<>();
        for (String name : wanted) {
            fields.stream().filter(field -> field.name().equals(name)).findFirst().ifPresent(chosen::add);
        }
        return chosen;
    }
}
