package dev.tapedeck.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapedeck.model.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ItemFieldsTest {

    private final ObjectMapper mapper = Json.mapper();

    private ItemFields fields(String json) throws Exception {
        return ItemFields.of(mapper.readValue(json, JsonValue.class)).orElseThrow();
    }

    @Test
    void valuesOfTheExpectedTypeAreReadAndLeaveTheProviderData() throws Exception {
        ItemFields item = fields("{\"id\":\"s1\",\"headless\":\"TRUE\",\"credits\":\" 12.50 \",\"steps\":\"48\","
                + "\"tags\":[\"a\",null,\"b\"],\"at\":\"2026-03-09T12:34:56Z\",\"gone\":null,\"extra\":{\"x\":[1]}}");

        assertThat(item.text("id")).contains("s1");
        assertThat(item.bool("headless")).contains(true);
        assertThat(item.decimal("credits")).contains(new BigDecimal("12.50"));
        assertThat(item.whole("steps")).contains(48L);
        assertThat(item.texts("tags")).containsExactly("a", "b");
        assertThat(item.instant("at")).contains(Instant.parse("2026-03-09T12:34:56Z"));
        assertThat(item.text("gone")).isEmpty();
        assertThat(item.text("absent")).isEmpty();

        assertThat(item.providerData().toJson()).isEqualTo("{\"extra\":{\"x\":[1]}}");
        assertThat(item.unread()).isEmpty();
    }

    @Test
    void valuesOfAnotherTypeAreUnreadAndKeptRawInTheirPlace() throws Exception {
        ItemFields item = fields("{\"used_credits\":\"12,5\",\"headless\":\"yes\",\"tags\":\"a,b\",\"steps\":4.5,"
                + "\"created_at\":\"last tuesday\",\"list\":[1,\"x\"],\"keep\":true}");

        assertThat(item.decimal("used_credits")).isEmpty();
        assertThat(item.bool("headless")).isEmpty();
        assertThat(item.texts("tags")).isEmpty();
        assertThat(item.whole("steps")).isEmpty();
        assertThat(item.instant("created_at")).isEmpty();
        assertThat(item.texts("list")).isEmpty();

        assertThat(item.unread()).containsExactly("used_credits", "headless", "tags", "steps", "created_at", "list");
        assertThat(item.providerData().toJson()).isEqualTo("{\"used_credits\":\"12,5\",\"headless\":\"yes\","
                + "\"tags\":\"a,b\",\"steps\":4.5,\"created_at\":\"last tuesday\",\"list\":[1,\"x\"],\"keep\":true}");
    }

    @Test
    void aDocumentedMarkerStaysWithoutCountingAsUnread() throws Exception {
        ItemFields running = fields("{\"used_credits\":\"N/A\"}");
        ItemFields missing = fields("{}");

        assertThat(running.decimal("used_credits", "N/A")).isEmpty();
        assertThat(missing.decimal("used_credits", "N/A")).isEmpty();

        assertThat(running.unread()).isEmpty();
        assertThat(running.providerData().get("used_credits")).contains(JsonValue.text("N/A"));
        assertThat(missing.providerData().isEmpty()).isTrue();
    }

    @Test
    void onlyObjectsAreItems() throws Exception {
        assertThat(ItemFields.of(mapper.readValue("\"s1\"", JsonValue.class))).isEmpty();
        assertThat(ItemFields.of(JsonValue.NULL)).isEmpty();
    }
}
