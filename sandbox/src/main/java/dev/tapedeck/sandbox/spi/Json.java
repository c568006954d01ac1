package dev.tapedeck.sandbox.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/** The JSON plumbing every emulator shares: one mapper and node builders. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** An empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** An empty array node. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** An array of the given strings. */
    public static ArrayNode strings(Collection<String> values) {
        ArrayNode array = array();
        values.forEach(array::add);
        return array;
    }

    /** The node as UTF-8 JSON bytes. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }
}
