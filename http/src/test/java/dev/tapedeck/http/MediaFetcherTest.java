package dev.tapedeck.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapedeck.kit.fakes.RecordingSleeper;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The credential-free media fetcher and the kit's streaming paths, over real local servers. */
class MediaFetcherTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)).build();

    @RegisterExtension
    static WireMockExtension media = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)).build();

    private final HttpKit kit = TestKits.kit(api.baseUrl(), new RecordingSleeper())
            .authHeader("Authorization", dev.tapedeck.spi.Secret.of("Bearer " + TestKits.KEY)).build();

    private static byte[] bytes(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) i;
        }
        return out;
    }

    @Test
    void followsRedirectsByHandWithoutEverSendingCredentials() throws Exception {
        api.stubFor(get(urlPathEqualTo("/v1/rec")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", media.baseUrl() + "/hop1?X-Amz-Signature=abc")));
        media.stubFor(get(urlPathEqualTo("/hop1")).willReturn(aResponse().withStatus(307).withHeader("Location", "/final")));
        media.stubFor(get(urlPathEqualTo("/final")).willReturn(aResponse().withBody("video")));

        Either<TapedeckError, MediaStream> result = kit.media().open(URI.create(api.baseUrl() + "/v1/rec"), 0, Optional.empty());

        try (MediaStream stream = result.get()) {
            assertThat(new String(stream.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("video");
        }
        List<LoggedRequest> all = new java.util.ArrayList<>(api.findAll(anyRequestedFor(anyUrl())));
        all.addAll(media.findAll(anyRequestedFor(anyUrl())));
        assertThat(all).hasSize(3).allSatisfy(request -> {
            assertThat(request.containsHeader("Authorization")).isFalse();
            assertThat(request.containsHeader("anchor-api-key")).isFalse();
            assertThat(request.containsHeader("Cookie")).isFalse();
            assertThat(request.getAllHeaderKeys()).allSatisfy(name -> assertThat(request.getHeader(name))
                    .doesNotContain(TestKits.KEY));
        });
    }

    @Test
    void aStoredObjectServedGzipEncodedArrivesDecodedOverARealConnection() throws Exception {
        byte[] events = "[{\"type\":4,\"data\":{}}]".getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gzipped)) {
            out.write(events);
        }
        media.stubFor(get(urlPathEqualTo("/events.json")).willReturn(aResponse().withHeader("Content-Encoding", "gzip")
                .withHeader("Content-Type", "application/json").withBody(gzipped.toByteArray())));

        Either<TapedeckError, MediaStream> opened = kit.media().open(URI.create(media.baseUrl() + "/events.json"), 0,
                Optional.empty());
        assertThat(opened.isRight()).as(opened.toString()).isTrue();
        try (MediaStream stream = opened.get()) {
            assertThat(stream.body().readAllBytes()).isEqualTo(events);
        }
    }

    @Test
    void stopsAfterFiveRedirects() {
        media.stubFor(get(urlPathMatching("/r/.*")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/r/again")));

        Either<TapedeckError, MediaStream> result = kit.media().open(URI.create(media.baseUrl() + "/r/0"), 0, Optional.empty());

        assertThat(result.getLeft()).isInstanceOf(TapedeckError.Transport.class);
        assertThat(result.getLeft().message()).contains("more than 5");
        media.verify(1 + MediaFetcher.MAX_REDIRECTS, anyRequestedFor(anyUrl()));
    }

    @Test
    void followsExactlyFiveRedirects() throws Exception {
        for (int i = 0; i < 5; i++) {
            media.stubFor(get(urlPathEqualTo("/h/" + i)).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", "/h/" + (i + 1))));
        }
        media.stubFor(get(urlPathEqualTo("/h/5")).willReturn(aResponse().withBody("ok")));

        try (MediaStream stream = kit.media().open(URI.create(media.baseUrl() + "/h/0"), 0, Optional.empty()).get()) {
            assertThat(stream.body().readAllBytes()).hasSize(2);
        }
    }

    @Test
    void rechecksEveryHopAgainstTheUrlPolicy() {
        media.stubFor(get(urlPathEqualTo("/plain")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://media.example.com/x.mp4")));
        media.stubFor(get(urlPathEqualTo("/userinfo")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://user:pw@localhost:" + api.getPort() + "/x.mp4")));

        TapedeckError insecure = kit.media().open(URI.create(media.baseUrl() + "/plain"), 0, Optional.empty()).getLeft();
        TapedeckError credentials = kit.media().open(URI.create(media.baseUrl() + "/userinfo"), 0, Optional.empty()).getLeft();

        // the media host sent the bad URL, not the caller: a provider failure, not an invalid request
        assertThat(insecure).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(insecure.message()).contains("https").contains("redirected there (HTTP 302)");
        assertThat(credentials).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(credentials.message()).contains("user-info").doesNotContain("pw");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void resumesWithRangeAndIfRangeAndReportsTheRange() throws Exception {
        media.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withStatus(206)
                .withHeader("Content-Range", "bytes 100-199/200").withHeader("ETag", "\"v1\"")
                .withHeader("Content-Type", "video/mp4").withBody(bytes(100))));

        try (MediaStream stream = kit.media().open(URI.create(media.baseUrl() + "/rec.mp4"), 100, Optional.of("\"v1\"")).get()) {
            assertThat(stream.offset()).isEqualTo(100);
            assertThat(stream.length()).contains(100L);
            assertThat(stream.totalSize()).contains(200L);
            assertThat(stream.etag()).contains("\"v1\"");
            assertThat(stream.contentType()).contains("video/mp4");
        }
        media.verify(getRequestedFor(urlPathEqualTo("/rec.mp4")).withHeader("Range", equalTo("bytes=100-"))
                .withHeader("If-Range", equalTo("\"v1\"")));
    }

    @Test
    void aRangeStartingElsewhereIsAnIntegrityError() {
        media.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withStatus(206)
                .withHeader("Content-Range", "bytes 0-199/200").withBody(bytes(200))));

        TapedeckError error = kit.media().open(URI.create(media.baseUrl() + "/rec.mp4"), 100, Optional.empty()).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Integrity.class);
        assertThat(error.message()).contains("byte 100").contains("from 0");
    }

    @Test
    void aServerThatIgnoresTheRangeRestartsFromZeroWithItsLengthAsTotal() throws Exception {
        media.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withStatus(200).withBody(bytes(300))));

        try (MediaStream stream = kit.media().open(URI.create(media.baseUrl() + "/rec.mp4"), 100, Optional.empty()).get()) {
            assertThat(stream.offset()).isZero();
            assertThat(stream.totalSize()).contains(300L);
            assertThat(stream.body().readAllBytes()).hasSize(300);
        }
    }

    @Test
    void fromOffsetZeroNoRangeIsSent() throws Exception {
        media.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withBody(bytes(10))));

        kit.media().open(URI.create(media.baseUrl() + "/rec.mp4"), 0, Optional.of("\"v1\"")).get().close();

        media.verify(getRequestedFor(urlPathEqualTo("/rec.mp4")).withoutHeader("Range").withoutHeader("If-Range"));
    }

    @Test
    void mapsExpiredMissingAndUnsatisfiableMedia() {
        media.stubFor(get(urlPathEqualTo("/403")).willReturn(aResponse().withStatus(403).withBody("<Error>AccessDenied</Error>")));
        media.stubFor(get(urlPathEqualTo("/404")).willReturn(aResponse().withStatus(404)));
        media.stubFor(get(urlPathEqualTo("/416")).willReturn(aResponse().withStatus(416)));
        media.stubFor(get(urlPathEqualTo("/500")).willReturn(aResponse().withStatus(500)));

        assertThat(open("/403?X-Amz-Signature=secret123")).isInstanceOfSatisfying(TapedeckError.Forbidden.class,
                e -> assertThat(e.message()).contains("expired or was refused").doesNotContain("secret123"));
        assertThat(open("/404")).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(open("/416")).isInstanceOf(TapedeckError.Integrity.class);
        assertThat(open("/500")).isInstanceOf(TapedeckError.ProviderFailure.class);
    }

    @Test
    void aMediaHostAnswering401IsARefusedLinkThatNeverBlamesTheApiKey() {
        media.stubFor(get(urlPathEqualTo("/401")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"Unauthorized\"}")));
        media.stubFor(get(urlPathEqualTo("/403")).willReturn(aResponse().withStatus(403)));

        assertThat(open("/401?X-Amz-Signature=secret123")).isInstanceOfSatisfying(TapedeckError.Forbidden.class,
                e -> assertThat(e.message()).contains("the media URL").contains("expired or was refused (HTTP 401")
                        .doesNotContain("API_KEY").doesNotContain("secret123"));
        assertThat(open("/403")).isInstanceOfSatisfying(TapedeckError.Forbidden.class,
                e -> assertThat(e.message()).contains("expired or was refused (HTTP 403").doesNotContain("API_KEY"));
    }

    @Test
    void aUrlThePolicyRefusesIsTheProvidersFailureAndIsNeverRequested() {
        TapedeckError plain = kit.media().open(URI.create("http://media.example.com/rec.mp4?sig=abc"), 0,
                Optional.empty()).getLeft();
        TapedeckError ftp = kit.media().open(URI.create("ftp://media.example.com/rec.mp4"), 0, Optional.empty()).getLeft();

        assertThat(plain).isInstanceOfSatisfying(TapedeckError.ProviderFailure.class, failure -> {
            assertThat(failure.message()).contains("plain http is allowed only to loopback addresses")
                    .contains("the provider sent this URL").doesNotContain("sig=abc");
            assertThat(failure.retryable()).isFalse();
        });
        assertThat(ftp).isInstanceOf(TapedeckError.ProviderFailure.class);
    }

    @Test
    void aClosedKitSendsNothingAndSaysTheConnectionIsClosed() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse().withBody("{}")));
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1/recording")).willReturn(aResponse().withBody("x")));
        media.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withBody("x")));
        TestKits.Api client = kit.api(TestKits.Api.class);

        kit.close();

        List<TapedeckError> errors = List.of(
                kit.call(() -> client.session("s1")).getLeft(),
                kit.stream(() -> client.recording("s1")).getLeft(),
                kit.media().open(URI.create(media.baseUrl() + "/rec.mp4"), 0, Optional.empty()).getLeft());
        assertThat(errors).allSatisfy(error -> {
            assertThat(error).isInstanceOf(TapedeckError.Misconfigured.class);
            assertThat(error.message()).contains("connection is closed");
        });
        api.verify(0, anyRequestedFor(anyUrl()));
        media.verify(0, anyRequestedFor(anyUrl()));
    }

    private TapedeckError open(String path) {
        return kit.media().open(URI.create(media.baseUrl() + path), 0, Optional.empty()).getLeft();
    }

    @Test
    void aBodyThatStallsAfterTheHeadersTimesOutOnTheReadIdleTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 4000);
            exchange.getResponseBody().write(bytes(1000));
            exchange.getResponseBody().flush();
            try {
                release.await();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stall");
            MediaStream stream = kit.media().open(url, 0, Optional.empty()).get();

            assertThat(stream.length()).contains(4000L);
            assertThatThrownBy(() -> stream.body().readAllBytes()).isInstanceOf(SocketTimeoutException.class);
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    @Test
    void streamHandsOverLargeBodiesUnbufferedAndChecksTheRange() throws Exception {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1/recording")).willReturn(aResponse()
                .withHeader("Content-Type", "video/mp4").withBody(bytes(64 * 1024))));
        TestKits.Api client = kit.api(TestKits.Api.class);

        try (MediaStream stream = kit.stream(() -> client.recording("s1")).get()) {
            assertThat(stream.body()).isNotInstanceOf(ByteArrayInputStream.class);
            assertThat(stream.totalSize()).contains(64L * 1024);
            assertThat(stream.body().readAllBytes()).hasSize(64 * 1024);
        }
        api.verify(getRequestedFor(urlPathEqualTo("/v1/sessions/s1/recording"))
                .withHeader("anchor-api-key", equalTo(TestKits.KEY)));
    }

    @Test
    void streamRejectsARangeThatStartsElsewhere() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1/recording")).willReturn(aResponse().withStatus(206)
                .withHeader("Content-Range", "bytes 50-99/100").withBody(bytes(50))));

        TapedeckError error = kit.stream(() -> kit.api(TestKits.Api.class).recordingFrom("s1", 10)).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Integrity.class);
        api.verify(getRequestedFor(urlPathEqualTo("/v1/sessions/s1/recording")).withHeader("Range", equalTo("bytes=10-")));
    }

    @Test
    void streamMapsErrorsLikeApiCalls() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1/recording")).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"no recording\"}")));

        TapedeckError error = kit.stream(() -> kit.api(TestKits.Api.class).recording("s1")).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(error.message()).contains("no recording");
    }

    private static Recording recording(MediaLocation location) {
        return Recording.builder("anchor", SessionId.of("s1"), RecordingId.of("r1"), RecordingFormat.MP4, location).build();
    }

    @Test
    void openMediaRoutesEachKindOfLocation() throws Exception {
        media.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withBody("mp4")));
        media.stubFor(get(urlPathEqualTo("/hls/seg1.ts")).willReturn(aResponse().withBody("ts")));
        AtomicReference<MediaRequest> asked = new AtomicReference<>();

        MediaStream remote = kit.openMedia(recording(new MediaLocation.RemoteUrl(URI.create(media.baseUrl() + "/rec.mp4"),
                Optional.empty())), MediaRequest.whole(), r -> Either.left(null)).get();
        MediaStream segment = kit.openMedia(recording(new MediaLocation.InlinePlaylist("#EXTM3U",
                Optional.of(URI.create(media.baseUrl() + "/hls/index.m3u8")), Optional.empty())),
                MediaRequest.part(URI.create("seg1.ts")), r -> Either.left(null)).get();
        Either<TapedeckError, MediaStream> provider = kit.openMedia(recording(new MediaLocation.ProviderStream("primary")),
                MediaRequest.from(5, Optional.empty()), r -> {
                    asked.set(r);
                    return Either.right(new MediaStream(new ByteArrayInputStream(new byte[0]), 5, Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty()));
                });
        TapedeckError wholePlaylist = kit.openMedia(recording(new MediaLocation.InlinePlaylist("#EXTM3U",
                Optional.empty(), Optional.empty())), MediaRequest.whole(), r -> Either.left(null)).getLeft();

        assertThat(remote.body().readAllBytes()).isEqualTo("mp4".getBytes(StandardCharsets.UTF_8));
        assertThat(segment.body().readAllBytes()).isEqualTo("ts".getBytes(StandardCharsets.UTF_8));
        assertThat(provider.get().offset()).isEqualTo(5);
        assertThat(asked.get().offset()).isEqualTo(5);
        assertThat(wholePlaylist).isInstanceOf(TapedeckError.InvalidRequest.class);
        remote.close();
        segment.close();
    }

    @Test
    void openMediaRefusesAnotherProvidersRecordingBeforeAnyRequest() {
        Recording foreign = Recording.builder("notte", SessionId.of("s1"), RecordingId.of("r1"), RecordingFormat.MP4,
                new MediaLocation.RemoteUrl(URI.create(media.baseUrl() + "/rec.mp4"), Optional.empty())).build();
        AtomicReference<MediaRequest> asked = new AtomicReference<>();

        TapedeckError error = kit.openMedia(foreign, MediaRequest.whole(), r -> {
            asked.set(r);
            return Either.left(null);
        }).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).isEqualTo("anchor cannot open a recording of notte; open it through that "
                + "provider's connection");
        assertThat(kit.ownRecording(foreign).getLeft()).isEqualTo(error);
        assertThat(asked.get()).isNull();
        media.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void openMediaWithoutAProviderStreamRefusesOneAndStillFetchesUrls() throws Exception {
        media.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withBody("mp4")));

        TapedeckError error = kit.openMedia(recording(new MediaLocation.ProviderStream("primary")), MediaRequest.whole())
                .getLeft();
        try (MediaStream remote = kit.openMedia(recording(new MediaLocation.RemoteUrl(
                URI.create(media.baseUrl() + "/rec.mp4"), Optional.empty())), MediaRequest.whole()).get()) {
            assertThat(remote.body().readAllBytes()).isEqualTo("mp4".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).isEqualTo("anchor recordings are never provider streams; list the recording again");
    }

    private final RecordingSleeper mediaSleeper = new RecordingSleeper();

    /** A kit whose sleeper the media tests read. */
    private HttpKit sleepingKit() {
        return TestKits.kit(api.baseUrl(), mediaSleeper).build();
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 502, 503})
    void aMediaAnswerWithRetryAfterInSecondsIsRetriedAfterThatWait(int status) throws Exception {
        TestKits.onceThenOk(media, "/rec.mp4", status, "Retry-After", "2", "video");

        try (MediaStream stream = sleepingKit().media().open(URI.create(media.baseUrl() + "/rec.mp4"), 0,
                Optional.empty()).get()) {
            assertThat(stream.body().readAllBytes()).isEqualTo("video".getBytes(StandardCharsets.UTF_8));
        }

        media.verify(2, getRequestedFor(urlPathEqualTo("/rec.mp4")));
        assertThat(mediaSleeper.sleeps()).containsExactly(Duration.ofMillis(2100));
    }

    @Test
    void aMediaRetryAfterAsAnHttpDateIsMeasuredOnTheInjectedClock() throws Exception {
        TestKits.onceThenOk(media, "/rec.mp4", 429, "Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                TestKits.NOW.plusSeconds(20).atOffset(ZoneOffset.UTC)), "video");

        sleepingKit().media().open(URI.create(media.baseUrl() + "/rec.mp4"), 0, Optional.empty()).get().close();

        media.verify(2, getRequestedFor(urlPathEqualTo("/rec.mp4")));
        assertThat(mediaSleeper.sleeps()).containsExactly(Duration.ofSeconds(21));
    }

    @Test
    void persistent5xxFromAMediaHostGivesUpAfterTwoRetriesWithItsRequestId() {
        media.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withStatus(500)
                .withHeader("x-amz-request-id", "4442587FB7D0A2F9")));

        TapedeckError error = sleepingKit().media().open(URI.create(media.baseUrl() + "/rec.mp4"), 0,
                Optional.empty()).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(error.message()).endsWith("(request id 4442587FB7D0A2F9)");
        media.verify(3, getRequestedFor(urlPathEqualTo("/rec.mp4")));
        assertThat(mediaSleeper.sleeps()).hasSize(2);
    }

    @Test
    void aMediaWaitAboveTheCapFailsAtOnceAsRateLimitedCarryingTheWait() {
        media.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "600")));

        TapedeckError error = sleepingKit().media().open(URI.create(media.baseUrl() + "/rec.mp4"), 0,
                Optional.empty()).getLeft();

        assertThat(error).isInstanceOfSatisfying(TapedeckError.RateLimited.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(600)));
        media.verify(1, getRequestedFor(urlPathEqualTo("/rec.mp4")));
        assertThat(mediaSleeper.sleeps()).isEmpty();
    }

    @Test
    void aMediaHostsXShouldRetryIsIgnored() {
        media.stubFor(get(urlPathEqualTo("/busy.mp4")).willReturn(aResponse().withStatus(503)
                .withHeader("X-Should-Retry", "false")));
        media.stubFor(get(urlPathEqualTo("/gone.mp4")).willReturn(aResponse().withStatus(404)
                .withHeader("X-Should-Retry", "true")));

        sleepingKit().media().open(URI.create(media.baseUrl() + "/busy.mp4"), 0, Optional.empty());
        sleepingKit().media().open(URI.create(media.baseUrl() + "/gone.mp4"), 0, Optional.empty());

        media.verify(3, getRequestedFor(urlPathEqualTo("/busy.mp4")));
        media.verify(1, getRequestedFor(urlPathEqualTo("/gone.mp4")));
    }

    @Test
    void aMediaHostThatRefusesConnectionsIsTriedThreeTimes() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        TapedeckError error = sleepingKit().media().open(URI.create("http://127.0.0.1:" + closedPort + "/rec.mp4"), 0,
                Optional.empty()).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Transport.class);
        assertThat(error.message()).contains("could not connect");
        assertThat(mediaSleeper.sleeps()).hasSize(2);
    }
}
