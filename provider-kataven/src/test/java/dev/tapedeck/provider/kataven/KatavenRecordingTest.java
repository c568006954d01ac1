package dev.tapedeck.provider.kataven;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.sandbox.ManualClock;
import dev.tapedeck.spi.ProviderConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class KatavenRecordingTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension media = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SESSION = "sess_01HZ2N";
    private static final String PATH = "/api/v1/sessions/" + SESSION + "/recording";

    private final ManualClock clock = new ManualClock(TestSupport.NOW);

    private Connection connect(ProviderConfig.Builder config) {
        return new KatavenProviderFactory().connect(config.build()).get();
    }

    private Connection connect() {
        return connect(TestSupport.config(api.baseUrl(), clock, new RecordingSleeper()));
    }

    private static String signed(String path) {
        return path + "?X-Amz-Credential=AKIA%2F20250601&X-Amz-Expires=300&X-Amz-Signature=0f%2Bab%3D";
    }

    private Recording fetch(String body) {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(body)));
        try (Connection connection = connect()) {
            return connection.recordings().primaryRecording(SessionId.of(SESSION)).get();
        }
    }

    static Stream<Arguments> bodies() {
        String url = "https://bucket.s3.amazonaws.com/rec/a.mp3?X-Amz-Signature=abc";
        Instant now = TestSupport.NOW;
        return Stream.of(
                Arguments.of("{\"url\": \"" + url + "\", \"expires_at\": \"2025-06-01T12:04:00Z\"}",
                        Instant.parse("2025-06-01T12:04:00Z")),
                Arguments.of("{\"recording_url\": \"" + url + "\", \"expires_in\": 120}", now.plusSeconds(120)),
                Arguments.of("{\"presigned_url\": \"" + url + "\", \"expires_at\": 1748779500}",
                        Instant.ofEpochSecond(1748779500)),
                Arguments.of("{\"signed_url\": \"" + url + "\", \"expiresAt\": \"2025-06-01T12:03:00\"}",
                        Instant.parse("2025-06-01T12:03:00Z")),
                Arguments.of("{\"data\": {\"url\": \"" + url + "\", \"expires_in\": \"90\"}}", now.plusSeconds(90)),
                Arguments.of("{\"data\": {\"presigned_url\": \"" + url + "\"}, \"expires_at\": 1748779560000}",
                        Instant.ofEpochMilli(1748779560000L)),
                Arguments.of("{\"url\": \"" + url + "\"}", now.plus(Duration.ofMinutes(5))),
                Arguments.of("{\"url\": \"" + url + "\", \"expires_at\": \"soon\"}", now.plus(Duration.ofMinutes(5))),
                Arguments.of("{\"recording\": \"" + url + "\", \"expires\": \"2025-06-01T12:02:00Z\"}",
                        Instant.parse("2025-06-01T12:02:00Z")),
                Arguments.of("{\"id\": \"s\", \"dashboard_url\": \"https://app.example/s\", \"audio_url\": \"" + url
                        + "\", \"ttl\": 60}", now.plusSeconds(60)),
                Arguments.of("\"" + url + "\"", now.plus(Duration.ofMinutes(5))));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void readsTheUrlAndExpiryLeniently(String body, Instant expectedExpiry) {
        Recording recording = fetch(body);

        assertThat(recording.provider()).isEqualTo("kataven");
        assertThat(recording.sessionId()).isEqualTo(SessionId.of(SESSION));
        assertThat(recording.id()).isEqualTo(RecordingId.of("recording"));
        assertThat(recording.primary()).isTrue();
        assertThat(recording.format()).isEqualTo(RecordingFormat.AUDIO);
        assertThat(recording.media()).isEqualTo(new MediaLocation.RemoteUrl(
                URI.create("https://bucket.s3.amazonaws.com/rec/a.mp3?X-Amz-Signature=abc"),
                Optional.of(expectedExpiry)));
        assertThat(recording.fileName()).contains(SESSION + "-recording.mp3");
        assertThat(recording.duration()).isEmpty();
        assertThat(recording.sizeBytes()).isEmpty();
        assertThat(recording.createdAt()).isEmpty();
    }

    @Test
    void fileNameHasNoExtensionWhenTheUrlDoesNotNameAnAudioType() {
        Recording recording = fetch("{\"url\": \"https://cdn.example/rec/abc?sig=1\"}");

        assertThat(recording.fileName()).contains(SESSION + "-recording");
    }

    @Test
    void bodyWithoutARecognisableUrlIsAProviderFailureNamingItsFields() {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(okJson("{\"status\": \"ok\", \"data\": {\"link\": \"x\"}}")));

        TapedeckError error;
        try (Connection connection = connect()) {
            error = connection.recordings().recordings(SessionId.of(SESSION)).getLeft();
        }

        assertThat(error).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(((TapedeckError.ProviderFailure) error).retryable()).isFalse();
        assertThat(error.message()).contains("no recording URL").contains("data.link").contains("status")
                .contains(SESSION);
    }

    @Test
    void tokenKeyRequestCarriesBearerAndAccountIdOnly() {
        fetch("{\"url\": \"https://cdn.example/a.mp3\"}");

        LoggedRequest request = api.findAll(getRequestedFor(urlEqualTo(PATH))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TestSupport.JWT);
        assertThat(request.getHeader("X-Account-ID")).isEqualTo(TestSupport.ACCOUNT);
        assertThat(TestSupport.ourHeaders(request)).isEqualTo(Set.of("authorization", "x-account-id"));
    }

    @Test
    void liveKeyWithoutAccountIdSendsNoAccountHeader() {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(okJson("{\"url\": \"https://cdn.example/a.mp3\"}")));
        ProviderConfig.Builder config = ProviderConfig.builder().apiKey(TestSupport.LIVE_KEY)
                .baseUrl(URI.create(api.baseUrl())).environment(name -> Optional.empty()).clock(clock);

        try (Connection connection = connect(config)) {
            assertThat(connection.recordings().recordings(SessionId.of(SESSION)).isRight()).isTrue();
        }

        LoggedRequest request = api.findAll(getRequestedFor(urlEqualTo(PATH))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TestSupport.LIVE_KEY);
        assertThat(request.containsHeader("X-Account-ID")).isFalse();
        assertThat(TestSupport.ourHeaders(request)).isEqualTo(Set.of("authorization"));
    }

    @Test
    void pathPrefixIsConfigurable() {
        api.stubFor(get(urlEqualTo("/v1/sessions/" + SESSION + "/recording"))
                .willReturn(okJson("{\"url\": \"https://cdn.example/a.mp3\"}")));

        try (Connection connection = connect(TestSupport.config(api.baseUrl(), clock,
                new RecordingSleeper()).setting("path_prefix", "v1/"))) {
            assertThat(connection.recordings().recordings(SessionId.of(SESSION)).isRight()).isTrue();
        }

        api.verify(1, getRequestedFor(urlEqualTo("/v1/sessions/" + SESSION + "/recording")));
    }

    @ParameterizedTest(name = "base path {0} -> {1}")
    @CsvSource({
            "/v1/, /v1",                 // a base URL that carries the API version is used as it is
            "/gw/api/v1, /gw/api/v1",
            "/kataven, /kataven/api/v1"}) // a gateway path is where Kataven is mounted: the API lives below it
    void theDefaultPrefixIsAddedUnlessTheBasePathEndsInTheApiVersion(String basePath, String apiPath) {
        String recording = apiPath + "/sessions/" + SESSION + "/recording";
        api.stubFor(get(urlEqualTo(recording)).willReturn(okJson("{\"url\": \"https://cdn.example/a.mp3\"}")));

        try (Connection connection = connect(TestSupport.config(api.baseUrl() + basePath, clock,
                new RecordingSleeper()))) {
            assertThat(connection.recordings().recordings(SessionId.of(SESSION)).isRight()).isTrue();
        }

        api.verify(1, getRequestedFor(urlEqualTo(recording)));
    }

    @Test
    void sessionIdTravelsAsOneEncodedSegment() {
        api.stubFor(get(urlPathEqualTo("/api/v1/sessions/a%2F..%2Fb/recording"))
                .willReturn(okJson("{\"url\": \"https://cdn.example/a.mp3\"}")));

        try (Connection connection = connect()) {
            assertThat(connection.recordings().recordings(SessionId.of("a/../b")).isRight()).isTrue();
        }

        api.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/sessions/a%2F..%2Fb/recording")));
    }

    @Test
    void presignedUrlIsFetchedWithoutAnyOfOurHeaders() throws Exception {
        String url = media.baseUrl() + signed("/rec/call.mp3");
        api.stubFor(get(urlEqualTo(PATH)).willReturn(okJson("{\"url\": \"" + url + "\", \"expires_in\": 300}")));
        media.stubFor(get(urlPathEqualTo("/rec/call.mp3")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withBody("ID3-audio")));

        try (Connection connection = connect()) {
            Recording recording = connection.recordings().primaryRecording(SessionId.of(SESSION)).get();
            try (MediaStream stream = connection.recordings().openMedia(recording, MediaRequest.whole()).get()) {
                assertThat(new String(stream.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ID3-audio");
                assertThat(stream.contentType()).contains("audio/mpeg");
            }
        }

        List<LoggedRequest> fetched = media.findAll(getRequestedFor(urlPathEqualTo("/rec/call.mp3")));
        assertThat(fetched).hasSize(1);
        assertThat(fetched.get(0).getUrl()).isEqualTo(signed("/rec/call.mp3"));
        assertThat(fetched.get(0).containsHeader("Authorization")).isFalse();
        assertThat(fetched.get(0).containsHeader("X-Account-ID")).isFalse();
        assertThat(TestSupport.ourHeaders(fetched.get(0))).isEmpty();
        api.verify(1, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void anExpiredUrlIsFetchedAgainFromKatavenBeforeUse() throws Exception {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(
                "{\"url\": \"" + media.baseUrl() + "/rec/old.mp3?sig=1\", \"expires_in\": 300}")));
        media.stubFor(get(urlPathEqualTo("/rec/new.mp3")).willReturn(aResponse().withStatus(200).withBody("fresh")));

        try (Connection connection = connect()) {
            Recording stale = connection.recordings().primaryRecording(SessionId.of(SESSION)).get();
            api.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(
                    "{\"url\": \"" + media.baseUrl() + "/rec/new.mp3?sig=2\"}")));
            clock.advance(Duration.ofSeconds(301));

            try (MediaStream stream = connection.recordings().openMedia(stale, MediaRequest.whole()).get()) {
                assertThat(new String(stream.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("fresh");
            }
        }

        api.verify(2, getRequestedFor(urlEqualTo(PATH)));
        media.verify(0, getRequestedFor(urlPathEqualTo("/rec/old.mp3")));
        media.verify(1, getRequestedFor(urlPathEqualTo("/rec/new.mp3")));
    }

    @Test
    void aUrlStillValidIsUsedWithoutAskingKatavenAgain() throws Exception {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(
                "{\"url\": \"" + media.baseUrl() + "/rec/a.mp3?sig=1\", \"expires_in\": 300}")));
        media.stubFor(get(urlPathEqualTo("/rec/a.mp3")).willReturn(aResponse().withStatus(200).withBody("a")));

        try (Connection connection = connect()) {
            Recording recording = connection.recordings().primaryRecording(SessionId.of(SESSION)).get();
            clock.advance(Duration.ofSeconds(200));
            try (MediaStream stream = connection.recordings().openMedia(recording, MediaRequest.whole()).get()) {
                assertThat(stream.body().readAllBytes()).hasSize(1);
            }
        }

        api.verify(1, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void refreshAsksKatavenForAFreshUrl() {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(okJson("{\"url\": \"https://cdn.example/a.mp3?v=1\"}")));
        try (Connection connection = connect()) {
            Recording first = connection.recordings().primaryRecording(SessionId.of(SESSION)).get();
            clock.advance(Duration.ofMinutes(10));
            api.stubFor(get(urlEqualTo(PATH)).willReturn(okJson("{\"url\": \"https://cdn.example/a.mp3?v=2\"}")));

            Recording fresh = connection.recordings().refresh(first).get();

            assertThat(fresh.media()).isEqualTo(new MediaLocation.RemoteUrl(URI.create("https://cdn.example/a.mp3?v=2"),
                    Optional.of(TestSupport.NOW.plus(Duration.ofMinutes(15)))));
        }
    }

    @Test
    void historyPauseAndResumeAreUnsupportedWithoutAnyRequest() {
        try (Connection connection = connect()) {
            TapedeckError history = connection.history().sessions(SessionQuery.all()).getLeft();
            TapedeckError pause = connection.recordings().pause(SessionId.of(SESSION)).getLeft();
            TapedeckError resume = connection.recordings().resume(SessionId.of(SESSION)).getLeft();

            assertThat(history).isInstanceOf(TapedeckError.Unsupported.class);
            assertThat(history.provider()).isEqualTo("kataven");
            assertThat(history.message()).contains("session history");
            assertThat(pause).isInstanceOf(TapedeckError.Unsupported.class);
            assertThat(resume).isInstanceOf(TapedeckError.Unsupported.class);
        }
        assertThat(api.getAllServeEvents()).isEmpty();
    }
}
