package dev.tapedeck.http.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.tapedeck.model.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jackson and core's {@link JsonValue}: DTOs declare provider data as {@code JsonValue} (or
 * {@code JsonValue.ObjectValue}) and the {@link Json} mapper reads it straight from the parser's tokens, numbers
 * as their exact decimal, without building a Jackson tree first; it writes JsonValues back as the JSON they hold.
 * {@link #of(JsonNode)} converts a tree that code already has.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /** The module {@link Json#mapper()} registers. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("tapedeck-json-values");
        module.addDeserializer(JsonValue.class, new Reader<>(JsonValue.class));
        module.addDeserializer(JsonValue.ObjectValue.class, new Reader<>(JsonValue.ObjectValue.class));
        module.addSerializer(JsonValue.class, new Writer());
        return module;
    }

    /** {@code node} as a JsonValue; a missing node is {@link JsonValue#NULL}. */
    public static JsonValue of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonValue.NULL;
        }
        if (node.isTextual()) {
            return JsonValue.text(node.textValue());
        }
        if (node.isNumber()) {
            return JsonValue.number(node.decimalValue());
        }
        if (node.isBoolean()) {
            return JsonValue.bool(node.booleanValue());
        }
        if (node.isArray()) {
            List<JsonValue> values = new ArrayList<>(node.size());
            node.forEach(element -> values.add(of(element)));
            return new JsonValue.ListValue(values);
        }
        if (node.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                members.put(field.getKey(), of(field.getValue()));
            }
            return new JsonValue.ObjectValue(members);
        }
        return JsonValue.text(node.asText());
    }

    /**
     * Reads the whole of one JSON document of {@code type} ({@link JsonValue} or {@link JsonValue.ObjectValue}) from
     * a parser that has read nothing yet, as the {@link Json} mapper would, without databind's per-type machinery:
     * JSON null is {@link JsonValue#NULL} (no value for {@code ObjectValue}); no content or another kind of value
     * than {@code type} is a {@link MismatchedInputException}.
     */
    public static <T extends JsonValue> Optional<T> readDocument(JsonParser parser, Class<T> type)
            throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw MismatchedInputException.from(parser, type, "No content to map due to end-of-input");
        }
        JsonValue value = Reader.read(parser);
        if (type.isInstance(value)) {
            return Optional.of(type.cast(value));
        }
        if (first == JsonToken.VALUE_NULL) {
            return Optional.empty();
        }
        throw MismatchedInputException.from(parser, type, "Cannot read " + type.getSimpleName() + " from " + first);
    }

    /** Reads one value from the current token on. */
    private static final class Reader<T extends JsonValue> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;

        Reader(Class<T> type) {
            super(type);
            this.type = type;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonValue value = read(parser);
            if (!type.isInstance(value)) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            return type.cast(value);
        }

        @Override
        public T getNullValue(DeserializationContext context) {
            return type.isInstance(JsonValue.NULL) ? type.cast(JsonValue.NULL) : null;
        }

        private static JsonValue read(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.FIELD_NAME) {
                JsonValue.ObjectValue.Builder members = JsonValue.ObjectValue.builder();
                if (token == JsonToken.START_OBJECT) {
                    token = parser.nextToken();
                }
                while (token == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    members.put(name, read(parser));
                    token = parser.nextToken();
                }
                return members.build();
            }
            if (token == JsonToken.START_ARRAY) {
                List<JsonValue> values = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    values.add(read(parser));
                }
                return new JsonValue.ListValue(values);
            }
            if (token == JsonToken.VALUE_STRING) {
                return JsonValue.text(parser.getText());
            }
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return JsonValue.number(parser.getDecimalValue());
            }
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return JsonValue.bool(token == JsonToken.VALUE_TRUE);
            }
            if (token == JsonToken.VALUE_NULL) {
                return JsonValue.NULL;
            }
            throw MismatchedInputException.from(parser, JsonValue.class,
                    "Unexpected token (" + token + "), expected a JSON value");
        }
    }

    /** Writes a value as the JSON it holds. */
    private static final class Writer extends StdSerializer<JsonValue> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(JsonValue.class);
        }

        @Override
        public void serialize(JsonValue value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (value instanceof JsonValue.TextValue text) {
                out.writeString(text.value());
            } else if (value instanceof JsonValue.NumberValue number) {
                out.writeNumber(number.value());
            } else if (value instanceof JsonValue.BooleanValue bool) {
                out.writeBoolean(bool.value());
            } else if (value instanceof JsonValue.ListValue list) {
                out.writeStartArray();
                for (JsonValue element : list.values()) {
                    serialize(element, out, provider);
                }
                out.writeEndArray();
            } else if (value instanceof JsonValue.ObjectValue object) {
                out.writeStartObject();
                for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                    out.writeFieldName(member.getKey());
                    serialize(member.getValue(), out, provider);
                }
                out.writeEndObject();
            } else {
                out.writeNull();
            }
        }
    }
}
