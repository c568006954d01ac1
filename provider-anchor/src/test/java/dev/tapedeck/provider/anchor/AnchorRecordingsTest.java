package dev.tapedeck.provider.anchor;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import dev.tapedeck.model.RecordingState;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnchorRecordingsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension media = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final SessionId SESSION = SessionId.of("sess_abc");
    private static final String LIST_PATH = "/v1/sessions/sess_abc/recordings";
    private static final String FETCH_PATH = "/v1/sessions/sess_abc/recordings/primary/fetch";

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private Connection connection;

    @BeforeEach
    void connect() {
        connection = TestSupport.connect(api.baseUrl(), sleeper);
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private String link(String name) {
        return media.baseUrl() + "/recordings/sess_abc/" + name + "?X-Amz-Credential=AKIA%2Fx&X-Amz-Signature=ab%2Bcd%3D";
    }

    private void stubList(String itemsJson) {
        api.stubFor(get(urlEqualTo(LIST_PATH)).willReturn(okJson("{\"data\":{\"count\":2,\"items\":" + itemsJson + "}}")));
    }

    @Test
    void listedRecordingsMapEveryFieldWithThePrimaryFirst() {
        stubList("""
                [{"id": "rec_2", "is_primary": false, "file_link": "%s", "suggested_file_name": "sess_abc-2.mp4",
                  "duration": "00:01:30", "size": 2048, "created_at": "2026-03-09T12:40:00Z"},
                 {"id": "rec_1", "is_primary": true, "file_link": "%s", "suggested_file_name": "sess_abc.mp4",
                  "duration": "PT7M", "size": 10485760, "created_at": "2026-03-09T12:34:56.789Z"}]
                """.formatted(link("rec_2.mp4"), link("rec_1.mp4")));

        List<Recording> all = connection.recordings().recordings(SESSION).get();

        assertThat(all).extracting(Recording::id).containsExactly(RecordingId.of("rec_1"), RecordingId.of("rec_2"));
        Recording primary = all.get(0);
        assertThat(primary.provider()).isEqualTo("anchor");
        assertThat(primary.sessionId()).isEqualTo(SESSION);
        assertThat(primary.primary()).isTrue();
        assertThat(primary.format()).isEqualTo(RecordingFormat.MP4);
        assertThat(primary.media()).isEqualTo(new MediaLocation.RemoteUrl(URI.create(link("rec_1.mp4")), Optional.empty()));
        assertThat(primary.fileName()).contains("sess_abc.mp4");
        assertThat(primary.duration()).contains(Duration.ofMinutes(7));
        assertThat(primary.rawDuration()).isEmpty();
        assertThat(primary.sizeBytes()).contains(10_485_760L);
        assertThat(primary.createdAt()).contains(Instant.parse("2026-03-09T12:34:56.789Z"));
        Recording second = all.get(1);
        assertThat(second.primary()).isFalse();
        assertThat(second.media()).isEqualTo(new MediaLocation.RemoteUrl(URI.create(link("rec_2.mp4")), Optional.empty()));
        assertThat(second.fileName()).contains("sess_abc-2.mp4");
        assertThat(second.duration()).contains(Duration.ofSeconds(90));
        assertThat(second.sizeBytes()).contains(2048L);
        assertThat(second.createdAt()).contains(Instant.parse("2026-03-09T12:40:00Z"));
        assertThat(connection.recordings().primaryRecording(SESSION).get()).isEqualTo(primary);
    }

    @Test
    void listRequestCarriesTheKeyHeaderAndAcceptsJson() {
        stubList("[]");

        assertThat(connection.recordings().recordings(SESSION).get()).isEmpty();

        LoggedRequest request = api.getAllServeEvents().get(0).getRequest();
        assertThat(request.getUrl()).isEqualTo(LIST_PATH);
        assertThat(request.getHeader("anchor-api-key")).isEqualTo(TestSupport.KEY);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(TestSupport.ourHeaders(request)).containsExactlyInAnyOrder("anchor-api-key", "accept");
    }

    @ParameterizedTest(name = "duration \"{0}\" is {1} ms")
    @CsvSource({
            "PT41.2S, 41200",
            "P1DT2H, 93600000",
            "01:02:03, 3723000",
            "01:02:03.250, 3723250",
            "07:00, 420000",
            "420, 420000",
            "420.5, 420500",
            "90s, 90000",
            "1m30s, 90000",
            "1h2m3s, 3723000",
            "1500ms, 1500"})
    void everyDurationShapeParses(String text, long millis) {
        stubList("[{\"id\": \"r\", \"is_primary\": true, \"duration\": \"" + text + "\"}]");

        Recording recording = connection.recordings().recordings(SESSION).get().get(0);

        assertThat(recording.duration()).contains(Duration.ofMillis(millis));
        assertThat(recording.rawDuration()).isEmpty();
    }

    @Test
    void aNumericDurationIsReadAsSeconds() {
        stubList("[{\"id\": \"r\", \"is_primary\": true, \"duration\": 12.5}]");

        assertThat(connection.recordings().recordings(SESSION).get().get(0).duration()).contains(Duration.ofMillis(12_500));
    }

    @Test
    void anUnparseableDurationKeepsItsRawText() {
        stubList("[{\"id\": \"r\", \"is_primary\": true, \"duration\": \"about seven minutes\"}]");

        Recording recording = connection.recordings().recordings(SESSION).get().get(0);

        assertThat(recording.duration()).isEmpty();
        assertThat(recording.rawDuration()).contains("about seven minutes");
    }

    @Test
    void aPrimaryWithoutFileLinkIsAProviderStreamAndAbsentFieldsStayEmpty() {
        stubList("[{\"id\": \"rec_1\", \"is_primary\": true, \"future_field\": {\"x\": 1}}]");

        Recording recording = connection.recordings().recordings(SESSION).get().get(0);

        assertThat(recording.media()).isInstanceOf(MediaLocation.ProviderStream.class);
        assertThat(recording.sizeBytes()).isEmpty();
        assertThat(recording.duration()).isEmpty();
        assertThat(recording.rawDuration()).isEmpty();
        assertThat(recording.createdAt()).isEmpty();
        assertThat(recording.fileName()).isEmpty();
    }

    @Test
    void anUnreadableCreatedAtLeavesTheTimeOutButKeepsTheRecording() {
        stubList("[{\"id\": \"rec_1\", \"is_primary\": true, \"created_at\": \"2026-99-99\"}]");

        Recording recording = connection.recordings().recordings(SESSION).get().get(0);

        assertThat(recording.id()).isEqualTo(RecordingId.of("rec_1"));
        assertThat(recording.createdAt()).isEmpty();
    }

    @Test
    void aPrimaryLinkOnTheApiOriginIsStreamedWithTheKeyInsteadOfFetchedWithout() {
        stubList("[{\"id\": \"rec_1\", \"is_primary\": true, \"file_link\": \"" + api.baseUrl()
                + "/v1/sessions/sess_abc/recordings/primary/fetch\"}]");

        assertThat(connection.recordings().recordings(SESSION).get().get(0).media())
                .isInstanceOf(MediaLocation.ProviderStream.class);
    }

    @Test
    void itemsWithoutIdsGetThePrimaryIdOrTheirPosition() {
        stubList("[{\"is_primary\": false, \"file_link\": \"" + link("a.mp4") + "\"}, {\"is_primary\": true}]");

        List<Recording> all = connection.recordings().recordings(SESSION).get();

        assertThat(all).extracting(Recording::id).containsExactly(RecordingId.of("primary"), RecordingId.of("recording-1"));
    }

    @Test
    void aNullItemListIsNoRecordingsAndThenNoPrimary() {
        api.stubFor(get(urlEqualTo(LIST_PATH)).willReturn(okJson("{\"data\":{\"count\":0,\"items\":null}}")));

        assertThat(connection.recordings().recordings(SESSION).get()).isEmpty();
        assertThat(connection.recordings().primaryRecording(SESSION).getLeft()).isInstanceOf(TapedeckError.NotFound.class);
    }

    @Test
    void aFileLinkIsFetchedWithoutTheKey() throws Exception {
        stubList("[{\"id\": \"rec_1\", \"is_primary\": true, \"file_link\": \"" + link("rec_1.mp4") + "\"}]");
        media.stubFor(get(urlEqualTo("/recordings/sess_abc/rec_1.mp4?X-Amz-Credential=AKIA%2Fx&X-Amz-Signature=ab%2Bcd%3D"))
                .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody("mp4-bytes")));

        Recording recording = connection.recordings().primaryRecording(SESSION).get();
        try (MediaStream stream = connection.recordings().openMedia(recording, MediaRequest.whole()).get()) {
            assertThat(new String(stream.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("mp4-bytes");
        }

        media.verify(getRequestedFor(urlEqualTo("/recordings/sess_abc/rec_1.mp4?X-Amz-Credential=AKIA%2Fx&X-Amz-Signature=ab%2Bcd%3D"))
                .withHeader("anchor-api-key", absent()));
        api.verify(0, getRequestedFor(urlEqualTo(FETCH_PATH)));
    }

    @Test
    void thePrimaryStreamIsFetchedWithTheKeyAcceptingMp4() throws Exception {
        stubList("[{\"id\": \"rec_1\", \"is_primary\": true}]");
        api.stubFor(get(urlEqualTo(FETCH_PATH)).willReturn(aResponse().withHeader("Content-Type", "video/mp4")
                .withHeader("ETag", "\"v1\"").withBody("primary-bytes")));

        Recording recording = connection.recordings().primaryRecording(SESSION).get();
        try (MediaStream stream = connection.recordings().openMedia(recording, MediaRequest.whole()).get()) {
            assertThat(new String(stream.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("primary-bytes");
            assertThat(stream.offset()).isZero();
            assertThat(stream.contentType()).contains("video/mp4");
            assertThat(stream.etag()).contains("\"v1\"");
        }

        api.verify(getRequestedFor(urlEqualTo(FETCH_PATH)).withHeader("Accept", equalTo("video/mp4"))
                .withHeader("anchor-api-key", equalTo(TestSupport.KEY)).withHeader("Range", absent()));
    }

    @Test
    void thePrimaryStreamResumesFromAnOffsetWithRangeAndIfRange() throws Exception {
        stubList("[{\"id\": \"rec_1\", \"is_primary\": true}]");
        api.stubFor(get(urlEqualTo(FETCH_PATH)).willReturn(aResponse().withStatus(206)
                .withHeader("Content-Range", "bytes 100-104/105").withHeader("Content-Type", "video/mp4")
                .withBody("tail!")));

        Recording recording = connection.recordings().primaryRecording(SESSION).get();
        try (MediaStream stream = connection.recordings().openMedia(recording,
                MediaRequest.from(100, Optional.of("\"v1\""))).get()) {
            assertThat(stream.offset()).isEqualTo(100);
            assertThat(stream.totalSize()).contains(105L);
            try (InputStream body = stream.body()) {
                assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("tail!");
            }
        }

        api.verify(getRequestedFor(urlEqualTo(FETCH_PATH)).withHeader("Range", equalTo("bytes=100-"))
                .withHeader("If-Range", equalTo("\"v1\"")));
    }

    @Test
    void aMissingPrimaryStreamIsNotFoundWithAHint() {
        stubList("[{\"id\": \"rec_1\", \"is_primary\": true}]");
        api.stubFor(get(urlEqualTo(FETCH_PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":404,\"message\":\"Recording not found\"}}")));

        Recording recording = connection.recordings().primaryRecording(SESSION).get();
        TapedeckError error = connection.recordings().openMedia(recording, MediaRequest.whole()).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(error.message()).contains("Recording not found").contains("once it has recorded");
    }

    @Test
    void aSecondaryRecordingWithoutLinkCannotBeOpened() {
        stubList("[{\"id\": \"rec_2\", \"is_primary\": false}]");

        Recording recording = connection.recordings().recordings(SESSION).get().get(0);
        TapedeckError error = connection.recordings().openMedia(recording, MediaRequest.whole()).getLeft();

        assertThat(recording.media()).isInstanceOf(MediaLocation.ProviderStream.class);
        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(error.message()).contains("rec_2").contains("no file link");
        assertThat(api.getAllServeEvents()).hasSize(1);
    }

    @Test
    void pauseAndResumePostAndReportTheProviderStatus() {
        api.stubFor(post(urlEqualTo("/v1/sessions/sess_abc/recordings/pause"))
                .willReturn(okJson("{\"data\":{\"status\":\"paused\"}}")));
        api.stubFor(post(urlEqualTo("/v1/sessions/sess_abc/recordings/resume"))
                .willReturn(okJson("{\"data\":{\"data\":{\"status\":\"resumed\"}}}")));

        RecordingState paused = connection.recordings().pause(SESSION).get();
        RecordingState resumed = connection.recordings().resume(SESSION).get();

        assertThat(paused).extracting(RecordingState::paused, RecordingState::providerStatus)
                .containsExactly(true, "paused");
        assertThat(paused.providerData().toJson()).isEqualTo("{\"data\":{\"status\":\"paused\"}}");
        assertThat(resumed).extracting(RecordingState::paused, RecordingState::providerStatus)
                .containsExactly(false, "resumed");
        assertThat(resumed.providerData().toJson()).isEqualTo("{\"data\":{\"data\":{\"status\":\"resumed\"}}}");
        api.verify(postRequestedFor(urlEqualTo("/v1/sessions/sess_abc/recordings/pause"))
                .withHeader("anchor-api-key", equalTo(TestSupport.KEY)));
        api.verify(postRequestedFor(urlEqualTo("/v1/sessions/sess_abc/recordings/resume"))
                .withHeader("anchor-api-key", equalTo(TestSupport.KEY)));
    }

    @Test
    void aPauseAnswerWithoutStatusGivesAnEmptyProviderStatus() {
        api.stubFor(post(urlEqualTo("/v1/sessions/sess_abc/recordings/pause")).willReturn(okJson("{\"data\":{}}")));

        RecordingState state = connection.recordings().pause(SESSION).get();

        assertThat(state.providerStatus()).isEmpty();
        assertThat(state.paused()).isTrue();
    }

    @Test
    void aFailedPauseIsNotRetriedOnceSent() {
        api.stubFor(post(urlEqualTo("/v1/sessions/sess_abc/recordings/pause")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"error\":{\"code\":500,\"message\":\"Failed to pause recording\"}}}")));

        TapedeckError error = connection.recordings().pause(SESSION).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(((TapedeckError.ProviderFailure) error).status()).isEqualTo(500);
        assertThat(error.message()).contains("Failed to pause recording");
        api.verify(1, postRequestedFor(urlEqualTo("/v1/sessions/sess_abc/recordings/pause")));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void resumingAnUnknownSessionIsNotFoundFromTheDoublyWrappedError() {
        api.stubFor(post(urlEqualTo("/v1/sessions/sess_abc/recordings/resume")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"error\":{\"code\":404,\"message\":\"Session not found\"}}}")));

        TapedeckError error = connection.recordings().resume(SESSION).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(error.message()).contains("Session not found").contains("running session");
        assertThat(error.message()).doesNotContain(TestSupport.KEY);
    }

    @Test
    void aRecordingOfAnotherProviderIsRefused() {
        Recording foreign = Recording.builder("notte", SESSION, RecordingId.of("replay"), RecordingFormat.MP4,
                new MediaLocation.ProviderStream("x")).primary(true).build();

        TapedeckError error = connection.recordings().openMedia(foreign, MediaRequest.whole()).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).contains("notte");
        assertThat(Set.copyOf(api.getAllServeEvents())).isEmpty();
    }
}
