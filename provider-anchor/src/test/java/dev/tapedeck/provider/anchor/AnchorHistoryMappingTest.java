package dev.tapedeck.provider.anchor;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.Connection;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnchorHistoryMappingTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Connection connection;

    @BeforeEach
    void connect() {
        connection = TestSupport.connect(api.baseUrl(), new RecordingSleeper());
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private static String page(long page, long totalPages, String... items) {
        return "{\"data\":{\"sessions\":[" + String.join(",", items) + "],\"total\":" + (totalPages * 2)
                + ",\"page\":" + page + ",\"total_pages\":" + totalPages + "}}";
    }

    private static String item(String id, String extraFields) {
        return "{\"id\":\"" + id + "\",\"status\":\"completed\",\"headless\":true,\"recording\":false,"
                + "\"used_credits\":1,\"created_at\":\"2026-03-09T12:00:00Z\",\"user_configuration\":{},"
                + "\"task_initiated\":false,\"task_executions_count\":0,\"api_key_name\":\"k\",\"browser_ip\":null"
                + extraFields + "}";
    }

    private void stubPage(long number, String body) {
        api.stubFor(get(urlEqualTo("/v1/sessions?page=" + number + "&limit=50")).willReturn(okJson(body)));
    }

    private Session only(String itemJson) {
        stubPage(1, page(1, 1, itemJson));
        Page<Session> page = connection.history().fetchPage(SessionQuery.all(), Optional.empty()).get();
        assertThat(page.items()).hasSize(1);
        return page.items().get(0);
    }

    @Test
    void theDocumentExampleMapsEveryField() {
        stubPage(1, TestSupport.resource("history-example.json"));

        Page<Session> page = connection.history().fetchPage(SessionQuery.all(), Optional.empty()).get();

        assertThat(page.total()).contains(145L);
        assertThat(page.next()).contains(PageToken.ofPage(2));
        assertThat(page.items()).hasSize(1);
        Session session = page.items().get(0);
        assertThat(session.provider()).isEqualTo("anchor");
        assertThat(session.id()).isEqualTo(SessionId.of("sess_123456"));
        assertThat(session.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(session.providerStatus()).isEqualTo("completed");
        assertThat(session.tags()).containsExactly("production", "scraping");
        assertThat(session.domains()).containsExactly("example.com");
        assertThat(session.recordingEnabled()).contains(true);
        assertThat(session.credits()).contains(new BigDecimal("12.5"));
        assertThat(session.steps()).contains(48L);
        assertThat(session.duration()).contains(Duration.ofSeconds(420));
        assertThat(session.createdAt()).contains(Instant.parse("2026-03-09T12:34:56.789Z"));
        assertThat(session.endedAt()).isEmpty();
        assertThat(session.providerData().toJson()).isEqualTo("{\"headless\":false,\"proxy_bytes\":102400,"
                + "\"proxy_type\":\"anchor_proxy\",\"user_configuration\":{\"session\":{\"idle_timeout\":300}},"
                + "\"task_initiated\":true,\"task_executions_count\":2,\"api_key_name\":\"automation-key\","
                + "\"browser_ip\":\"192.0.2.10\"}");
        assertThat(session.unreadFields()).isEmpty();
    }

    @ParameterizedTest(name = "used_credits {0} reads as {1}")
    @CsvSource(value = {"12.5|12.5", "\"12.50\"|12.50", "\" 7 \"|7", "\"N/A\"|", "null|", "\"\"|"}, delimiter = '|')
    void usedCreditsAcceptsNumbersDecimalStringsAndNotAvailable(String wire, String expected) {
        Session session = only(item("s1", "").replace("\"used_credits\":1", "\"used_credits\":" + wire));

        if (expected == null) {
            assertThat(session.credits()).isEmpty();
        } else {
            assertThat(session.credits()).contains(new BigDecimal(expected));
        }
        assertThat(session.unreadFields()).isEmpty();
    }

    @Test
    void creditsNotAvailableWhileRunningDifferFromNoCredits() {
        Session running = only(item("s1", "").replace("\"used_credits\":1", "\"used_credits\":\"N/A\""));
        Session missing = only(item("s1", "").replace("\"used_credits\":1,", ""));

        assertThat(running.credits()).isEmpty();
        assertThat(missing.credits()).isEmpty();
        assertThat(running.providerData().get("used_credits")).contains(JsonValue.text("N/A"));
        assertThat(missing.providerData().get("used_credits")).isEmpty();
        assertThat(running.unreadFields()).isEmpty();
    }

    @Test
    void aMistypedFieldKeepsTheItemWithItsRawValueAndNamesTheField() {
        stubPage(1, page(1, 1, item("s-before", ""), item("s-odd", ",\"tags\":\"a,b\",\"domains\":[\"x.example\"]")
                .replace("\"used_credits\":1", "\"used_credits\":\"12,5\"")
                .replace("\"headless\":true", "\"headless\":\"yes\"")
                .replace("\"recording\":false", "\"recording\":\"yes\""), item("s-after", "")));

        Page<Session> page = connection.history().fetchPage(SessionQuery.all(), Optional.empty()).get();

        assertThat(page.items()).extracting(s -> s.id().value()).containsExactly("s-before", "s-odd", "s-after");
        Session odd = page.items().get(1);
        assertThat(odd.unreadFields()).containsExactly("recording", "used_credits", "tags");
        assertThat(odd.providerData().get("tags")).contains(JsonValue.text("a,b"));
        assertThat(odd.providerData().get("used_credits")).contains(JsonValue.text("12,5"));
        assertThat(odd.providerData().get("recording")).contains(JsonValue.text("yes"));
        assertThat(odd.providerData().get("headless")).contains(JsonValue.text("yes"));
        assertThat(odd.tags()).isEmpty();
        assertThat(odd.credits()).isEmpty();
        assertThat(odd.domains()).containsExactly("x.example");
        assertThat(page.items().get(0).unreadFields()).isEmpty();
        assertThat(page.items().get(2).unreadFields()).isEmpty();
    }

    @Test
    void numbersSentAsDecimalStringsOrNotAvailableReadAsTheyWouldAsNumbers() {
        Session session = only(item("s1", ",\"steps\":\"12\",\"duration\":\"90.5\",\"proxy_bytes\":\"N/A\"")
                .replace("\"task_executions_count\":0", "\"task_executions_count\":\"3\""));

        assertThat(session.steps()).contains(12L);
        assertThat(session.duration()).contains(Duration.ofMillis(90_500));
        assertThat(session.providerData().get("proxy_bytes")).contains(JsonValue.text("N/A"));
        assertThat(session.providerData().get("task_executions_count")).contains(JsonValue.text("3"));
    }

    @Test
    void nullArraysAndNullableFieldsBecomeEmpty() {
        Session session = only(item("s1", ",\"tags\":null,\"domains\":null,\"steps\":null,\"duration\":null,"
                + "\"proxy_bytes\":null,\"proxy_type\":null").replace("\"user_configuration\":{}",
                "\"user_configuration\":null"));

        assertThat(session.tags()).isEmpty();
        assertThat(session.domains()).isEmpty();
        assertThat(session.steps()).isEmpty();
        assertThat(session.duration()).isEmpty();
        assertThat(session.providerData().get("proxy_type")).contains(JsonValue.NULL);
        assertThat(session.providerData().get("user_configuration")).contains(JsonValue.NULL);
        assertThat(session.providerData().get("headless")).contains(JsonValue.bool(true));
        assertThat(session.providerData().get("api_key_name")).contains(JsonValue.text("k"));
        assertThat(session.providerData().members()).doesNotContainKeys("tags", "domains", "steps", "duration");
        assertThat(session.unreadFields()).isEmpty();
    }

    @Test
    void unknownFieldsOfAnItemAreKeptTypedAndUnknownFieldsOfThePageIgnored() {
        stubPage(1, "{\"meta\":{\"v\":2},\"data\":{\"cursor\":\"x\",\"sessions\":["
                + item("s1", ",\"new_field\":[1,2],\"nested\":{\"a\":null}") + "],\"total\":1,\"page\":1,"
                + "\"total_pages\":1}}");

        Page<Session> page = connection.history().fetchPage(SessionQuery.all(), Optional.empty()).get();

        assertThat(page.items()).extracting(Session::id).containsExactly(SessionId.of("s1"));
        assertThat(page.next()).isEmpty();
        assertThat(page.items().get(0).providerData().get("new_field")).contains(new JsonValue.ListValue(List.of(
                JsonValue.number(1), JsonValue.number(2))));
        assertThat(page.items().get(0).providerData().get("nested").map(JsonValue::toJson)).contains("{\"a\":null}");
    }

    @Test
    void fractionalDurationAndWholeFloatStepsAreRead() {
        Session session = only(item("s1", ",\"duration\":41.25,\"steps\":12.0"));

        assertThat(session.duration()).contains(Duration.ofMillis(41_250));
        assertThat(session.steps()).contains(12L);
    }

    @ParameterizedTest(name = "status {0} is {1}")
    @CsvSource({"completed, COMPLETED", "running, ACTIVE", "active, ACTIVE", "ACTIVE, ACTIVE", "failed, FAILED",
            "error, FAILED", "timeout, TIMED_OUT", "timed_out, TIMED_OUT", "idle, UNKNOWN"})
    void statusWordsMapToNeutralStatusesKeepingTheRawWord(String word, SessionStatus expected) {
        Session session = only(item("s1", "").replace("\"status\":\"completed\"", "\"status\":\"" + word + "\""));

        assertThat(session.status()).isEqualTo(expected);
        assertThat(session.providerStatus()).isEqualTo(word);
    }

    @Test
    void autoPaginationFollowsTotalPagesAndStopsOnTheLastPage() {
        stubPage(1, page(1, 3, item("s1", ""), item("s2", "")));
        stubPage(2, page(2, 3, item("s3", "")));
        stubPage(3, page(3, 3, item("s4", "")));

        List<String> ids = connection.history().sessions(SessionQuery.all()).get()
                .map(s -> s.id().value()).collect(Collectors.toList());

        assertThat(ids).containsExactly("s1", "s2", "s3", "s4");
        api.verify(3, getRequestedFor(urlPathEqualTo("/v1/sessions")));
    }

    @Test
    void anEmptyLastPageEndsTheListing() {
        stubPage(1, page(1, 2, item("s1", "")));
        stubPage(2, page(2, 2));

        assertThat(connection.history().sessions(SessionQuery.all()).get().count()).isEqualTo(1);
        api.verify(2, getRequestedFor(urlPathEqualTo("/v1/sessions")));
    }

    @Test
    void totalPagesLargerThanTheDataStopsAtTheFirstEmptyPage() {
        stubPage(1, page(1, 15, item("s1", "")));
        stubPage(2, page(2, 15, item("s2", "")));
        stubPage(3, page(3, 15));

        List<String> ids = connection.history().sessions(SessionQuery.all()).get()
                .map(s -> s.id().value()).collect(Collectors.toList());

        assertThat(ids).containsExactly("s1", "s2");
        api.verify(3, getRequestedFor(urlPathEqualTo("/v1/sessions")));
        api.verify(0, getRequestedFor(urlEqualTo("/v1/sessions?page=4&limit=50")));
    }

    @Test
    void theQueryLimitTrimsTheListingAndPicksTheSmallestLegalPageSize() {
        api.stubFor(get(urlEqualTo("/v1/sessions?page=1&limit=10")).willReturn(okJson(page(1, 9,
                item("s1", ""), item("s2", ""), item("s3", ""), item("s4", "")))));

        List<String> ids = connection.history().sessions(SessionQuery.builder().limit(3).build()).get()
                .map(s -> s.id().value()).collect(Collectors.toList());

        assertThat(ids).containsExactly("s1", "s2", "s3");
        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/sessions")));
    }

    @Test
    void aSessionWithoutAUsableIdIsSkippedAndTheRestOfThePageIsKept() {
        stubPage(1, page(1, 1, item("", ""), "null", item("s-ok", "")));

        Page<Session> page = connection.history().fetchPage(SessionQuery.all(), Optional.empty()).get();

        assertThat(page.items()).extracting(s -> s.id().value()).containsExactly("s-ok");
    }

    @Test
    void anUnreadableCreatedAtIsAbsentAndKeptRawWithoutFailingThePage() {
        String odd = "{\"id\":\"s-odd\",\"status\":\"completed\",\"created_at\":\"last tuesday\"}";
        stubPage(1, page(1, 1, odd, item("s-fine", "")));

        Page<Session> page = connection.history().fetchPage(SessionQuery.all(), Optional.empty()).get();

        assertThat(page.items()).hasSize(2);
        Session session = page.items().get(0);
        assertThat(session.createdAt()).isEmpty();
        assertThat(session.providerData().get("created_at")).contains(JsonValue.text("last tuesday"));
        assertThat(session.unreadFields()).containsExactly("created_at");
        assertThat(page.items().get(1).createdAt()).contains(Instant.parse("2026-03-09T12:00:00Z"));
    }

    @Test
    void aBodyWithoutDataIsAProviderFailure() {
        stubPage(1, "{}");

        assertThat(connection.history().fetchPage(SessionQuery.all(), Optional.empty()).getLeft())
                .isInstanceOf(TapedeckError.ProviderFailure.class);
    }

    @Test
    void aForeignPageTokenIsRefusedWithoutARequest() {
        TapedeckError error = connection.history().fetchPage(SessionQuery.all(), Optional.of(new PageToken("abc")))
                .getLeft();

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).contains("abc");
        assertThat(api.getAllServeEvents()).isEmpty();
    }
}
