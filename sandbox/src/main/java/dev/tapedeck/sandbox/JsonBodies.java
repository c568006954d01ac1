package dev.tapedeck.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/** The JSON plumbing every API shares: one mapper, node builders, timestamps and the providers' error bodies. */
final class JsonBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private JsonBodies() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ArrayNode strings(Collection<String> values) {
        ArrayNode array = array();
        values.forEach(array::add);
        return array;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }

    /** {@code 2026-03-09T12:34:56.789Z}, the form of AnchorBrowser's examples. */
    static String millis(Instant instant) {
        return MILLIS_UTC.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** AnchorBrowser's {@code ErrorResponse}: {@code {"error":{"code":..,"message":..}}}. */
    static ObjectNode anchorError(int code, String message) {
        ObjectNode body = object();
        body.putObject("error").put("code", code).put("message", message);
        return body;
    }

    /** Notte's error body: {@code {"message":..,"detail":..}}. */
    static ObjectNode notteError(String message, String detail) {
        return object().put("message", message).put("detail", detail);
    }

    /** One entry of Notte's 422 {@code HTTPValidationError.detail} list. */
    static ObjectNode notteViolation(String where, String name, String message, String type, String input) {
        ObjectNode violation = object();
        violation.putArray("loc").add(where).add(name);
        violation.put("msg", message).put("type", type).put("input", input);
        return violation;
    }
}
