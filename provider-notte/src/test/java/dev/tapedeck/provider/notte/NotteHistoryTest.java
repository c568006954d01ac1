package dev.tapedeck.provider.notte;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tapedeck.Connection;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.Sort;
import dev.tapedeck.model.TapedeckError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NotteHistoryTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PAGE_ONE = """
            {"items": [
              {"session_id": "s-active", "status": "active", "created_at": "2025-05-01T10:00:00.123456",
               "last_accessed_at": "2025-05-01T10:05:00", "idle_timeout_minutes": 3, "max_duration_minutes": 15,
               "duration": "PT41.286072S", "steps": [{"type": "goto"}, {"type": "click"}],
               "browser_type": "chromium", "credit_usage": "0.25",
               "cdp_url": "wss://cdp.notte.cc/s-active?token=secret-cdp-token",
               "viewer_url": "https://viewer.notte.cc/s-active?token=secret-viewer-token"},
              {"session_id": "s-closed", "status": "closed", "created_at": "2025-05-02T08:00:00Z",
               "closed_at": "2025-05-02T08:10:00+02:00", "last_accessed_at": "2025-05-02T08:09:00Z",
               "idle_timeout_minutes": 3, "duration": "PT10M"}
            ], "page": 1, "page_size": 2, "has_next": true, "has_previous": false}
            """;

    private static final String PAGE_TWO = """
            {"items": [
              {"session_id": "s-error", "status": "error", "created_at": "2025-05-03T00:00:00Z",
               "error": "browser crashed", "duration": "about a minute"},
              {"session_id": "s-timeout", "status": "timed_out", "created_at": "2025-05-04T00:00:00Z",
               "closed_at": "2025-05-04T00:15:00Z"},
              {"session_id": "s-new", "status": "paused", "created_at": "2025-05-05T00:00:00Z"}
            ], "page": 2, "page_size": 2, "has_next": false, "has_previous": true}
            """;

    private Connection connection;

    @BeforeEach
    void connect() {
        connection = new NotteProviderFactory().connect(TestSupport.config(api.baseUrl(),
                new RecordingSleeper()).build()).get();
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private void stubTwoPages(int pageSize) {
        api.stubFor(get(urlEqualTo("/sessions?only_active=false&page=1&page_size=" + pageSize))
                .willReturn(okJson(PAGE_ONE)));
        api.stubFor(get(urlEqualTo("/sessions?only_active=false&page=2&page_size=" + pageSize))
                .willReturn(okJson(PAGE_TWO)));
    }

    private List<Session> list(SessionQuery query) {
        return connection.history().sessions(query).get().collect(Collectors.toList());
    }

    @Test
    void listsEveryPageOfHistoryIncludingInactiveSessionsWithTheBearerKey() {
        stubTwoPages(100);

        List<Session> sessions = list(SessionQuery.all());

        assertThat(sessions).extracting(s -> s.id().value())
                .containsExactly("s-active", "s-closed", "s-error", "s-timeout", "s-new");
        List<LoggedRequest> requests = api.findAll(getRequestedFor(urlPathEqualTo("/sessions")));
        assertThat(requests).extracting(LoggedRequest::getUrl).containsExactly(
                "/sessions?only_active=false&page=1&page_size=100",
                "/sessions?only_active=false&page=2&page_size=100");
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TestSupport.KEY);
            assertThat(TestSupport.ourHeaders(request)).isEqualTo(Set.of("authorization"));
        });
    }

    @Test
    void mapsEveryFieldOfASession() {
        stubTwoPages(100);

        Map<String, Session> byId = list(SessionQuery.all()).stream()
                .collect(Collectors.toMap(s -> s.id().value(), s -> s));

        Session active = byId.get("s-active");
        assertThat(active.provider()).isEqualTo("notte");
        assertThat(active.status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(active.providerStatus()).isEqualTo("active");
        assertThat(active.createdAt()).contains(Instant.parse("2025-05-01T10:00:00.123456Z"));
        assertThat(active.endedAt()).isEmpty();
        assertThat(active.duration()).contains(Duration.ofSeconds(41, 286_072_000));
        assertThat(active.steps()).contains(2L);
        assertThat(active.credits()).contains(new BigDecimal("0.25"));
        assertThat(active.tags()).isEmpty();
        assertThat(active.domains()).isEmpty();
        assertThat(active.recordingEnabled()).isEmpty();
        assertThat(active.providerData().toJson()).isEqualTo("{\"last_accessed_at\":\"2025-05-01T10:05:00\","
                + "\"idle_timeout_minutes\":3,\"max_duration_minutes\":15,\"steps\":[{\"type\":\"goto\"},"
                + "{\"type\":\"click\"}],\"browser_type\":\"chromium\","
                + "\"cdp_url\":\"wss://cdp.notte.cc/s-active?token=secret-cdp-token\","
                + "\"viewer_url\":\"https://viewer.notte.cc/s-active?token=secret-viewer-token\"}");
        assertThat(active.unreadFields()).isEmpty();
        assertThat(active.toString()).doesNotContain("secret-cdp-token").doesNotContain("secret-viewer-token");

        Session closed = byId.get("s-closed");
        assertThat(closed.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(closed.providerStatus()).isEqualTo("closed");
        assertThat(closed.endedAt()).contains(Instant.parse("2025-05-02T06:10:00Z"));
        assertThat(closed.duration()).contains(Duration.ofMinutes(10));

        Session failed = byId.get("s-error");
        assertThat(failed.status()).isEqualTo(SessionStatus.FAILED);
        assertThat(failed.duration()).isEmpty();
        assertThat(failed.providerData().get("error")).contains(JsonValue.text("browser crashed"));
        assertThat(failed.providerData().get("duration")).contains(JsonValue.text("about a minute"));
        assertThat(failed.unreadFields()).containsExactly("duration");

        assertThat(byId.get("s-timeout").status()).isEqualTo(SessionStatus.TIMED_OUT);
        assertThat(byId.get("s-timeout").endedAt()).contains(Instant.parse("2025-05-04T00:15:00Z"));
        assertThat(byId.get("s-new").status()).isEqualTo(SessionStatus.UNKNOWN);
        assertThat(byId.get("s-new").providerStatus()).isEqualTo("paused");
    }

    @Test
    void statusFilterIsAppliedByCoreOnEveryPage() {
        stubTwoPages(100);

        List<Session> sessions = list(SessionQuery.builder().status(SessionStatus.COMPLETED).build());

        assertThat(sessions).extracting(s -> s.id().value()).containsExactly("s-closed");
        api.verify(2, getRequestedFor(urlPathEqualTo("/sessions")));
    }

    @Test
    void createdRangeIsAppliedByCore() {
        stubTwoPages(100);

        List<Session> sessions = list(SessionQuery.builder().createdFrom(Instant.parse("2025-05-02T00:00:00Z"))
                .createdTo(Instant.parse("2025-05-03T12:00:00Z")).build());

        assertThat(sessions).extracting(s -> s.id().value()).containsExactly("s-closed", "s-error");
    }

    @Test
    void requestedPageSizeIsSentAndClampedToNottesLimit() {
        stubTwoPages(2);
        assertThat(list(SessionQuery.builder().pageSize(2).build())).hasSize(5);

        stubTwoPages(100);
        assertThat(list(SessionQuery.builder().pageSize(500).build())).hasSize(5);

        api.verify(getRequestedFor(urlEqualTo("/sessions?only_active=false&page=1&page_size=2")));
        api.verify(getRequestedFor(urlEqualTo("/sessions?only_active=false&page=1&page_size=100")));
    }

    @Test
    void limitStopsPagingEarly() {
        stubTwoPages(2);

        assertThat(list(SessionQuery.builder().limit(2).build())).hasSize(2);

        api.verify(1, getRequestedFor(urlPathEqualTo("/sessions")));
        api.verify(getRequestedFor(urlEqualTo("/sessions?only_active=false&page=1&page_size=2")));
    }

    @Test
    void fetchPageReturnsOnePageWithTheNextPageToken() {
        stubTwoPages(100);

        Page<Session> first = connection.history().fetchPage(SessionQuery.all(), Optional.empty()).get();
        Page<Session> second = connection.history().fetchPage(SessionQuery.all(), first.next()).get();

        assertThat(first.items()).hasSize(2);
        assertThat(first.next()).contains(PageToken.ofPage(2));
        assertThat(first.total()).isEmpty();
        assertThat(second.items()).hasSize(3);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void aPageTokenThatIsNotAPageNumberIsRefused() {
        TapedeckError error = connection.history().fetchPage(SessionQuery.all(),
                Optional.of(new PageToken("cursor-xyz"))).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).contains("cursor-xyz");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void filtersOnDataNotteDoesNotHaveAreRefusedByNameBeforeAnyRequest() {
        SessionQuery query = SessionQuery.builder().tag("prod").domain("example.com").search("checkout")
                .sort(Sort.parse("created_at:desc")).build();

        TapedeckError error = connection.history().sessions(query).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Unsupported.class);
        assertThat(error.provider()).isEqualTo("notte");
        assertThat(((TapedeckError.Unsupported) error).what()).contains("tags").contains("domains")
                .contains("search").contains("sort");
        assertThat(error.message()).contains("tags", "domains", "search", "sort");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void anyProviderFilterIsUnsupportedByName() {
        TapedeckError error = connection.history().sessions(SessionQuery.builder()
                .providerFilter("include_system", "true").build()).getLeft();

        assertThat(error).isInstanceOfSatisfying(TapedeckError.Unsupported.class,
                unsupported -> assertThat(unsupported.what()).contains("include_system"));
        assertThat(error.message()).contains("include_system");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void aSessionWithoutAnIdIsSkippedAndTheRestOfThePageIsListedOddIdsIncluded() {
        api.stubFor(get(urlPathEqualTo("/sessions")).willReturn(okJson("""
                {"items": [{"session_id": "", "status": "closed"}, {"status": "closed"}, null,
                           {"session_id": "  ", "status": "closed"}, {"session_id": "..", "status": "closed"},
                           {"session_id": "s-ok", "status": "closed"}], "page": 1, "has_next": false}
                """)));

        List<Session> sessions = list(SessionQuery.all());

        // A blank or all-dots id is still the provider's id for a session: kept, so the session does not vanish.
        assertThat(sessions).extracting(s -> s.id().value()).containsExactly("  ", "..", "s-ok");
    }

    @Test
    void unreadableTimestampsAreAbsentAndKeptRawWithoutFailingThePage() {
        api.stubFor(get(urlPathEqualTo("/sessions")).willReturn(okJson("""
                {"items": [
                  {"session_id": "s-odd", "status": "closed", "created_at": "yesterday",
                   "closed_at": {"seconds": 5}, "last_accessed_at": "2025-13-45T99:00:00"},
                  {"session_id": "s-fine", "status": "closed", "created_at": "2025-05-02T08:00:00Z"}
                ], "page": 1, "has_next": false}
                """)));

        Map<String, Session> byId = list(SessionQuery.all()).stream()
                .collect(Collectors.toMap(s -> s.id().value(), s -> s));

        Session odd = byId.get("s-odd");
        assertThat(odd.createdAt()).isEmpty();
        assertThat(odd.endedAt()).isEmpty();
        assertThat(odd.providerData().toJson()).isEqualTo("{\"created_at\":\"yesterday\",\"closed_at\":"
                + "{\"seconds\":5},\"last_accessed_at\":\"2025-13-45T99:00:00\"}");
        assertThat(odd.unreadFields()).containsExactly("created_at", "closed_at");
        assertThat(byId.get("s-fine").createdAt()).contains(Instant.parse("2025-05-02T08:00:00Z"));
    }

    @Test
    void aMistypedFieldKeepsTheSessionWithItsRawValueAndNamesTheField() {
        api.stubFor(get(urlPathEqualTo("/sessions")).willReturn(okJson("""
                {"items": [
                  {"session_id": "s-1", "status": "closed", "created_at": "2025-05-02T08:00:00Z"},
                  {"session_id": "s-odd", "status": "closed", "credit_usage": "1,5", "steps": "many",
                   "idle_timeout_minutes": "three", "duration": true},
                  "not a session",
                  {"session_id": "s-3", "status": "closed"}
                ], "page": 1, "has_next": false}
                """)));

        List<Session> sessions = list(SessionQuery.all());

        assertThat(sessions).extracting(s -> s.id().value()).containsExactly("s-1", "s-odd", "s-3");
        Session odd = sessions.get(1);
        assertThat(odd.unreadFields()).containsExactly("credit_usage", "steps", "duration");
        assertThat(odd.providerData().toJson()).isEqualTo("{\"credit_usage\":\"1,5\",\"steps\":\"many\","
                + "\"idle_timeout_minutes\":\"three\",\"duration\":true}");
        assertThat(odd.credits()).isEmpty();
        assertThat(odd.steps()).isEmpty();
    }

    @Test
    void emptyListEndsTheListing() {
        api.stubFor(get(urlPathEqualTo("/sessions")).willReturn(okJson("""
                {"items": [], "page": 1, "page_size": 100, "has_next": false, "has_previous": false}
                """)));

        assertThat(list(SessionQuery.all())).isEmpty();
        api.verify(1, getRequestedFor(urlPathEqualTo("/sessions")));
    }
}
