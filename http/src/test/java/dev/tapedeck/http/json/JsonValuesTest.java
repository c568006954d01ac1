package dev.tapedeck.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.tapedeck.model.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** The decoder's fast path must read every document as the mapper does, and refuse what it refuses. */
    @ParameterizedTest
    @ValueSource(strings = {DOCUMENT, "[1,\"a\",{}]", "\"text\"", "-0.0", "true", "null", " {} ", "{\"a\":1} trailing"})
    void readDocumentReadsWhatTheMapperReads(String document) throws Exception {
        assertThat(JsonValues.readDocument(mapper.createParser(document), JsonValue.class))
                .contains(mapper.readValue(document, JsonValue.class));
        Optional<JsonValue.ObjectValue> object = readOrRefused(document, JsonValue.ObjectValue.class);
        assertThat(object).isEqualTo(readOrRefused(document, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{\"a\":", "[1,", "{\"a\" 1}", "<html>"})
    void readDocumentRefusesWhatTheMapperRefuses(String document) {
        assertThatThrownBy(() -> mapper.readValue(document, JsonValue.class)).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> JsonValues.readDocument(mapper.createParser(document), JsonValue.class))
                .isInstanceOf(java.io.IOException.class);
    }

    /** With {@code type}, the fast path; without, the mapper's answer as the decoder used to give it. */
    private Optional<JsonValue.ObjectValue> readOrRefused(String document, Class<JsonValue.ObjectValue> type)
            throws Exception {
        try {
            return type != null ? JsonValues.readDocument(mapper.createParser(document), type)
                    : Optional.ofNullable(mapper.readValue(document, JsonValue.ObjectValue.class));
        } catch (MismatchedInputException refused) {
            return Optional.of(JsonValue.ObjectValue.builder().put("refused", JsonValue.text("yes")).build());
        }
    }
}
