package dev.tapedeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Raw HTTP against the sandbox with the JDK client: no provider code in the way. */
public final class Http {

    public static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    public static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    public static HttpResponse<byte[]> get(URI uri, String... headers) {
        return send("GET", uri, headers);
    }

    public static HttpResponse<byte[]> send(String method, URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<byte[]> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static URI uri(URI base, String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /** Asserts that each named field exists and has one of the allowed JSON types. */
    public static void assertTypes(JsonNode node, Map<String, Set<JsonNodeType>> fields) {
        List<String> problems = new ArrayList<>();
        fields.forEach((name, types) -> {
            if (!node.has(name)) {
                problems.add(name + " missing");
            } else if (!types.contains(node.get(name).getNodeType())) {
                problems.add(name + " is " + node.get(name).getNodeType() + ", expected one of " + types);
            }
        });
        assertThat(problems).as("fields of %s", node).isEmpty();
    }

    public static final Set<JsonNodeType> STRING = Set.of(JsonNodeType.STRING);
    public static final Set<JsonNodeType> NUMBER = Set.of(JsonNodeType.NUMBER);
    public static final Set<JsonNodeType> BOOLEAN = Set.of(JsonNodeType.BOOLEAN);
    public static final Set<JsonNodeType> OBJECT = Set.of(JsonNodeType.OBJECT);
    public static final Set<JsonNodeType> ARRAY = Set.of(JsonNodeType.ARRAY);
    public static final Set<JsonNodeType> STRING_OR_NULL = Set.of(JsonNodeType.STRING, JsonNodeType.NULL);
    public static final Set<JsonNodeType> NUMBER_OR_NULL = Set.of(JsonNodeType.NUMBER, JsonNodeType.NULL);
    public static final Set<JsonNodeType> ARRAY_OR_NULL = Set.of(JsonNodeType.ARRAY, JsonNodeType.NULL);
    public static final Set<JsonNodeType> NUMBER_OR_STRING = Set.of(JsonNodeType.NUMBER, JsonNodeType.STRING);
}
