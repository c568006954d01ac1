package dev.tapedeck.provider.anchor;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tapedeck.Connection;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.Sort;
import dev.tapedeck.model.TapedeckError;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnchorHistoryRequestTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Connection connection;

    @BeforeEach
    void connect() {
        connection = TestSupport.connect(api.baseUrl(), new RecordingSleeper());
        api.stubFor(get(urlPathEqualTo("/v1/sessions")).willReturn(okJson(
                "{\"data\":{\"sessions\":[],\"total\":0,\"page\":1,\"total_pages\":0}}")));
    }

    @AfterEach
    void close() {
        connection.close();
    }

    /** The raw URL (path and encoded query) of the only request sent for {@code query}'s page {@code token}. */
    private String sentUrl(SessionQuery query, Optional<PageToken> token) {
        connection.history().fetchPage(query, token).get();
        assertThat(api.getAllServeEvents()).hasSize(1);
        return api.getAllServeEvents().get(0).getRequest().getUrl();
    }

    private TapedeckError refused(SessionQuery query) {
        TapedeckError error = connection.history().sessions(query).getLeft();
        assertThat(api.getAllServeEvents()).isEmpty();
        return error;
    }

    @Test
    void theFirstPageOfEverythingAsksForTheLargestLegalPageWithKeyAndJson() {
        assertThat(sentUrl(SessionQuery.all(), Optional.empty())).isEqualTo("/v1/sessions?page=1&limit=50");

        LoggedRequest request = api.getAllServeEvents().get(0).getRequest();
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getHeader("anchor-api-key")).isEqualTo(TestSupport.KEY);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(TestSupport.ourHeaders(request)).containsExactlyInAnyOrder("anchor-api-key", "accept");
    }

    @Test
    void everyFilterIsSentInTheDocumentsOrderAndEncoded() {
        SessionQuery query = SessionQuery.builder()
                .status(SessionStatus.ACTIVE)
                .tag("production").tag("nightly run").tag("a&b")
                .domain("example.com").domain("bücher.de")
                .search("login flow+2")
                .createdFrom(Instant.parse("2026-03-01T00:00:00Z"))
                .createdTo(Instant.parse("2026-03-09T23:59:59.999Z"))
                .sort(Sort.parse("used_credits:desc"))
                .pageSize(15)
                .providerFilter("profile_name", "Default profile")
                .providerFilter("extra_stealth", "FALSE")
                .providerFilter("proxy", "true")
                .providerFilter("playground", "false")
                .providerFilter("task_initiated", "True")
                .providerFilter("batch_id", "batch/7")
                .build();

        assertThat(sentUrl(query, Optional.of(PageToken.ofPage(3)))).isEqualTo("/v1/sessions?page=3&limit=20"
                + "&sort_by=used_credits&sort_order=desc"
                + "&search=login%20flow%2B2"
                + "&status=running"
                + "&tags=production%2Cnightly%20run%2Ca%26b"
                + "&domains=example.com%2Cb%C3%BCcher.de"
                + "&created_from=2026-03-01T00%3A00%3A00Z"
                + "&created_to=2026-03-09T23%3A59%3A59.999Z"
                + "&batch_id=batch%2F7&task_initiated=true&playground=false&proxy=true&extra_stealth=false"
                + "&profile_name=Default%20profile");
    }

    @ParameterizedTest(name = "page size {0} is sent as limit={1}")
    @CsvSource({"1, 10", "9, 10", "10, 10", "11, 20", "20, 20", "21, 50", "49, 50", "50, 50", "51, 50", "1000, 50"})
    void pageSizesAreRaisedToALegalOneAndCappedAtFifty(int requested, int sent) {
        SessionQuery query = SessionQuery.builder().pageSize(requested).build();

        assertThat(sentUrl(query, Optional.empty())).isEqualTo("/v1/sessions?page=1&limit=" + sent);
    }

    @ParameterizedTest(name = "neutral status {0} is sent as status={1}")
    @CsvSource({"ACTIVE, running", "COMPLETED, completed", "FAILED, failed", "TIMED_OUT, timed_out"})
    void neutralStatusesAreSentAsAnchorsWords(SessionStatus status, String word) {
        SessionQuery query = SessionQuery.builder().status(status).build();

        assertThat(sentUrl(query, Optional.empty())).isEqualTo("/v1/sessions?page=1&limit=50&status=" + word);
    }

    @Test
    void anchorsOwnStatusWordPassesAsAProviderFilter() {
        SessionQuery query = SessionQuery.builder().providerFilter("status", "idle").build();

        assertThat(sentUrl(query, Optional.empty())).isEqualTo("/v1/sessions?page=1&limit=50&status=idle");
    }

    @Test
    void sortingAscendingSendsAsc() {
        SessionQuery query = SessionQuery.builder().sort(Sort.parse("session_id")).build();

        assertThat(sentUrl(query, Optional.empty()))
                .isEqualTo("/v1/sessions?page=1&limit=50&sort_by=session_id&sort_order=asc");
    }

    @Test
    void anUnknownStatusCannotBeFiltered() {
        TapedeckError error = refused(SessionQuery.builder().status(SessionStatus.UNKNOWN).build());

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).contains("unknown").contains("provider filter 'status'");
    }

    @Test
    void aNeutralAndARawStatusTogetherAreRefused() {
        TapedeckError error = refused(SessionQuery.builder().status(SessionStatus.ACTIVE)
                .providerFilter("status", "running").build());

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).contains("status");
    }

    @Test
    void anUnknownProviderFilterIsUnsupportedNamingTheAllowedOnes() {
        TapedeckError error = refused(SessionQuery.builder().providerFilter("only_active", "true").build());

        assertThat(error).isInstanceOfSatisfying(TapedeckError.Unsupported.class,
                unsupported -> assertThat(unsupported.what()).contains("only_active"));
        assertThat(error.message()).contains("'only_active'").contains("batch_id (text), task_initiated (boolean), "
                + "playground (boolean), proxy (boolean), extra_stealth (boolean), profile_name (text), status (text)");
    }

    @Test
    void aKnownProviderFilterWithABadValueStaysAnInvalidRequest() {
        TapedeckError error = refused(SessionQuery.builder().providerFilter("proxy", "maybe").build());

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).contains("'proxy'").contains("maybe");
    }

    @Test
    void aBooleanProviderFilterMustBeTrueOrFalse() {
        TapedeckError error = refused(SessionQuery.builder().providerFilter("playground", "yes").build());

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).contains("'playground'").contains("true or false").contains("'yes'");
    }

    @Test
    void aBlankTextProviderFilterIsRefused() {
        TapedeckError error = refused(SessionQuery.builder().providerFilter("batch_id", "  ").build());

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).contains("'batch_id'");
    }

    @Test
    void aTagWithACommaIsRefusedRatherThanSplit() {
        TapedeckError error = refused(SessionQuery.builder().tag("a,b").build());

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).contains("'a,b'").contains("comma");
    }

    @Test
    void aDomainWithACommaIsRefusedRatherThanSplit() {
        TapedeckError error = refused(SessionQuery.builder().domain("a.com,b.com").build());

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).contains("domain");
    }
}
