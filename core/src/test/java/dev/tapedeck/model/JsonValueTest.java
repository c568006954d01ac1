package dev.tapedeck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueTest {

    private static JsonValue.ObjectValue object(Object... namesAndValues) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], (JsonValue) namesAndValues[i + 1]);
        }
        return new JsonValue.ObjectValue(members);
    }

    @Test
    void toJsonWritesEveryTypeAsSentInOrderWithEscapes() {
        JsonValue value = object("z", JsonValue.text("a\"b\\c\n\u0001\u2028"), "n", JsonValue.number(new BigDecimal(
                "12.50")), "t", JsonValue.bool(true), "nothing", JsonValue.NULL, "list", new JsonValue.ListValue(
                List.of(JsonValue.number(1), object(), new JsonValue.ListValue(List.of()))));

        assertThat(value.toJson()).isEqualTo("{\"z\":\"a\\\"b\\\\c\\n\\u0001\\u2028\",\"n\":12.50,\"t\":true,"
                + "\"nothing\":null,\"list\":[1,{},[]]}");
    }

    @Test
    void numbersAreEqualByValueWhateverTheirScale() {
        assertThat(JsonValue.number(new BigDecimal("12.5"))).isEqualTo(JsonValue.number(new BigDecimal("12.50")))
                .hasSameHashCodeAs(JsonValue.number(new BigDecimal("12.50")));
        assertThat(JsonValue.number(new BigDecimal("0.0"))).isEqualTo(JsonValue.number(0))
                .hasSameHashCodeAs(JsonValue.number(0));
        assertThat(JsonValue.number(new BigDecimal("12.5"))).isNotEqualTo(JsonValue.text("12.5"));
    }

    @Test
    void objectsAreImmutableAndRefuseNulls() {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        members.put("a", JsonValue.NULL);
        JsonValue.ObjectValue value = new JsonValue.ObjectValue(members);
        members.put("b", JsonValue.NULL);

        assertThat(value.members()).containsOnlyKeys("a");
        assertThat(value.get("a")).contains(JsonValue.NULL);
        assertThat(value.get("b")).isEmpty();
        assertThatThrownBy(() -> value.members().put("c", JsonValue.NULL)).isInstanceOf(UnsupportedOperationException.class);
        members.put("c", null);
        assertThatThrownBy(() -> new JsonValue.ObjectValue(members)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new JsonValue.ListValue(Arrays.asList(JsonValue.NULL, null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aBuilderHandsItsMembersOverOnceAndObjectsShareFrozenMembers() {
        JsonValue.ObjectValue.Builder builder = JsonValue.ObjectValue.builder().put("b", JsonValue.NULL)
                .put("a", JsonValue.text("x")).put("b", JsonValue.number(2));
        JsonValue.ObjectValue built = builder.build();

        assertThat(built).isEqualTo(object("b", JsonValue.number(2), "a", JsonValue.text("x")))
                .hasSameHashCodeAs(object("b", JsonValue.number(2), "a", JsonValue.text("x")));
        assertThat(built.members().keySet()).containsExactly("b", "a");
        assertThat(built.toJson()).isEqualTo("{\"b\":2,\"a\":\"x\"}");
        assertThatThrownBy(() -> builder.put("c", JsonValue.NULL)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> built.members().put("c", JsonValue.NULL))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.members().entrySet().iterator().next().setValue(JsonValue.NULL))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.members().keySet().remove("a"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> JsonValue.ObjectValue.builder().put("n", null))
                .isInstanceOf(NullPointerException.class);
        // an object made from another's members shares them: they can change no more than the first's
        assertThat(new JsonValue.ObjectValue(built.members()).members()).isSameAs(built.members());
        assertThat(new JsonValue.ObjectValue(Map.copyOf(built.members()))).isEqualTo(built);
    }

    @Test
    void toStringMasksCredentialMembersAndShowsUrlsWithoutTheirQueryAtAnyDepth() {
        JsonValue value = object("user_configuration", object("proxy", object("password", JsonValue.text("hunter2"),
                "port", JsonValue.number(8080))), "connectUrl", JsonValue.text("wss://c.example/x?signingKey=eyJ"),
                "pages", new JsonValue.ListValue(List.of(JsonValue.text("https://cdn.example/0.m3u8?sig=abc"))),
                "api_key_name", JsonValue.text("automation-key"), "token", JsonValue.NULL);

        assertThat(value.toString()).isEqualTo("{\"user_configuration\":{\"proxy\":{\"password\":\"REDACTED\","
                + "\"port\":8080}},\"connectUrl\":\"wss://c.example/x?…\",\"pages\":[\"https://cdn.example/0.m3u8?…\"],"
                + "\"api_key_name\":\"automation-key\",\"token\":null}");
        assertThat(value.toJson()).contains("hunter2").contains("signingKey=eyJ").contains("sig=abc");
    }

    @Test
    void maskedRendersUrlsAsAsked() {
        JsonValue value = object("link", JsonValue.text("https://cdn.example/0.mp4?X-Amz-Signature=abc&e=1"));

        assertThat(value.masked(Redaction::credentials).toJson())
                .isEqualTo("{\"link\":\"https://cdn.example/0.mp4?X-Amz-Signature=REDACTED&e=1\"}");
    }
}
