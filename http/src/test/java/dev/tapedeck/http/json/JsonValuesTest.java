package dev.tapedeck.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapedeck.model.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    private final ObjectMapper mapper = Json.mapper();

    record Item(String id, JsonValue.ObjectValue config, List<JsonValue> items) {
    }

    private static final String DOCUMENT = "{\"s\":\"t\\u00e9xt\",\"i\":12345678901234567890123,\"d\":0.1000,"
            + "\"e\":1.5e400,\"b\":false,\"n\":null,\"l\":[1,[],{}],\"o\":{\"deep\":{\"er\":[true]}}}";

    @Test
    void readsEveryTypeExactlyAndWritesItBackUnchanged() throws Exception {
        JsonValue value = mapper.readValue(DOCUMENT, JsonValue.class);

        JsonValue.ObjectValue object = (JsonValue.ObjectValue) value;
        assertThat(object.get("i")).contains(JsonValue.number(new BigDecimal("12345678901234567890123")));
        assertThat(((JsonValue.NumberValue) object.get("d").orElseThrow()).value()).isEqualTo(new BigDecimal("0.1000"));
        assertThat(object.get("e")).contains(JsonValue.number(new BigDecimal("1.5e400")));
        assertThat(object.get("n")).contains(JsonValue.NULL);
        assertThat(mapper.writeValueAsString(value)).isEqualTo(value.toJson());
        assertThat(mapper.readTree(value.toJson())).isEqualTo(mapper.readTree(DOCUMENT));
        assertThat(JsonValues.of(mapper.readTree(DOCUMENT))).isEqualTo(value);
    }

    @Test
    void dtoFieldsReadAsJsonValues() throws Exception {
        Item item = mapper.readValue("{\"id\":\"x\",\"config\":{\"a\":1},\"items\":[{\"b\":2},\"odd\",null]}",
                Item.class);

        assertThat(item.config().toJson()).isEqualTo("{\"a\":1}");
        assertThat(item.items()).containsExactly(mapper.readValue("{\"b\":2}", JsonValue.class),
                JsonValue.text("odd"), JsonValue.NULL);
        assertThat(mapper.readValue("{\"id\":\"x\",\"config\":null}", Item.class).config()).isNull();
    }
}
