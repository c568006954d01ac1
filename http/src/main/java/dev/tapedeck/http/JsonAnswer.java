package dev.tapedeck.http;

import dev.tapedeck.model.JsonValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON answer with the headers it came with, for APIs that say in headers what a page's body does not (Kernel's
 * {@code X-Next-Offset}, say): the return type of a Feign method whose answer is read whole, inside the retries,
 * like any other JSON answer ({@code kit.call(() -> api.page(..))}); a body that is no JSON is a ProviderFailure.
 *
 * @param body    the answer as sent
 * @param headers the answer's headers, names as sent
 */
public record JsonAnswer(JsonValue body, Map<String, Collection<String>> headers) {

    /** Copies the headers, leaving out a nameless one (a status line). */
    public JsonAnswer {
        Map<String, Collection<String>> named = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (name != null && values != null) {
                named.put(name, List.copyOf(values.stream().filter(Objects::nonNull).toList()));
            }
        });
        headers = Collections.unmodifiableMap(named);
    }

    /** The first value of header {@code name} (any case), without surrounding blanks. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(entry -> name.equalsIgnoreCase(entry.getKey()))
                .flatMap(entry -> entry.getValue().stream()).map(String::strip).findFirst();
    }
}
