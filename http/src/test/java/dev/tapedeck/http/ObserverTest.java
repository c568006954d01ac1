package dev.tapedeck.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.MediaStream;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.observe.CallEvent;
import dev.tapedeck.observe.RetryEvent;
import dev.tapedeck.observe.TapedeckObserver;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the configured observer hears: each call's end, each retry, each media body's bytes; and that it cannot
 * break a call.
 */
class ObserverTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<Object> heard = new CopyOnWriteArrayList<>();
    private final AtomicLong mediaBytes = new AtomicLong();

    private final TapedeckObserver recording = new TapedeckObserver() {
        @Override
        public void callEnded(CallEvent call) {
            heard.add(call);
        }

        @Override
        public void retrying(RetryEvent retry) {
            heard.add(retry);
        }

        @Override
        public void mediaOpened(String provider, String operation) {
            heard.add("opened " + provider + " " + operation);
        }

        @Override
        public void mediaReceived(String provider, String operation, long bytes) {
            mediaBytes.addAndGet(bytes);
        }

        @Override
        public void mediaClosed(String provider, String operation) {
            heard.add("closed " + provider + " " + operation);
        }
    };

    private HttpKit kit(TapedeckObserver observer) {
        return TestKits.kit(api.baseUrl(), TestKits.configBuilder(sleeper, Optional.of(Duration.ofMinutes(1)))
                .observer(observer).build()).build();
    }

    @Test
    void aRetriedCallIsOneRetryAndOneSuccessfulCallOfItsOperation() {
        TestKits.onceThenOk(api, "/v1/sessions/s1", 503, "x-request-id", "r1", "{\"id\":\"s1\"}");
        HttpKit kit = kit(recording);

        kit.call(() -> kit.api(TestKits.Api.class).session("s1")).get();

        assertThat(heard).hasSize(2);
        assertThat(heard.get(0)).isEqualTo(new RetryEvent("anchor", "session", 1, "http_503", sleeper.sleeps().get(0)));
        CallEvent call = (CallEvent) heard.get(1);
        assertThat(call.provider()).isEqualTo("anchor");
        assertThat(call.operation()).isEqualTo("session");
        assertThat(call.retries()).isEqualTo(1);
        assertThat(call.succeeded()).isTrue();
    }

    @Test
    void aFailedCallEndsWithTheErrorTheCallerSees() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s2")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"no such session\"}")));
        HttpKit kit = kit(recording);

        TapedeckError error = kit.call(() -> kit.api(TestKits.Api.class).session("s2")).getLeft();

        assertThat(heard).singleElement().isInstanceOfSatisfying(CallEvent.class, call -> {
            assertThat(call.error()).contains(error);
            assertThat(call.retries()).isZero();
        });
    }

    @Test
    void aMediaFetchIsACallOfOperationMediaAndItsBodyCountsEveryByteOnceAndClosesOnce() throws Exception {
        api.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withStatus(200).withBody(new byte[50_000])));
        HttpKit kit = kit(recording);

        try (MediaStream stream = kit.media().open(URI.create(api.baseUrl() + "/rec.mp4?sig=x"), 0, Optional.empty())
                .get(); InputStream body = stream.body()) {
            body.readAllBytes();
            body.close();
        }

        assertThat(heard).hasSize(3);
        assertThat(((CallEvent) heard.get(0)).operation()).isEqualTo(CallEvent.MEDIA);
        assertThat(heard.subList(1, 3)).containsExactly("opened anchor media", "closed anchor media");
        assertThat(mediaBytes).hasValue(50_000);
    }

    @Test
    void anObserverThatThrowsNeverBreaksTheCall() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"s1\"}")));
        HttpKit kit = kit(new TapedeckObserver() {
            @Override
            public void callEnded(CallEvent call) {
                throw new IllegalStateException("a broken metrics backend");
            }
        });

        assertThat(kit.call(() -> kit.api(TestKits.Api.class).session("s1")).get()).containsEntry("id", "s1");
    }
}
