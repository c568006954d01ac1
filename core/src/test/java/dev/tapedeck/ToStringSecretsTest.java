package dev.tapedeck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.MediaAlternative;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.retry.RetryBudget;
import dev.tapedeck.retry.TokenBucket;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Secret;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** No toString of a config or model value shows user-info, a token, a key or a signature. */
class ToStringSecretsTest {

    private static final String KEY = "sk_live_toString_0123456789";
    private static final String PASSWORD = "hunter2-proxy-pass";
    private static final String SIGNATURE = "X-Amz-Signature=feedface0123";
    private static final String TOKEN = "token=tok_live_987654";
    private static final URI SIGNED = URI.create("https://media.example.com/r/1.mp4?X-Amz-Credential=AKIAXYZ&"
            + SIGNATURE);

    private static void assertClean(Object value) {
        assertThat(value.toString()).doesNotContain(KEY).doesNotContain(PASSWORD).doesNotContain("feedface")
                .doesNotContain("AKIAXYZ").doesNotContain("tok_live").doesNotContain("admin:");
    }

    @Test
    void configsShowNoKeyUserInfoOrQuery() {
        assertClean(ProviderConfig.builder().apiKey(KEY).environment(name -> Optional.empty())
                .baseUrl(URI.create("https://admin:" + PASSWORD + "@api.example.com/v1?" + TOKEN))
                .setting("proxy_password", PASSWORD).build());
        assertClean(Secret.of(KEY));
        assertClean(new TokenBucket(RetryBudget.defaults()));
    }

    @Test
    void sessionsShowTheirProviderDataWithCredentialsMaskedAndUrlsWithoutTheirQuery() {
        JsonValue configuration = new JsonValue.ObjectValue(Map.of("proxy", new JsonValue.ObjectValue(Map.of(
                "password", JsonValue.text(PASSWORD), "port", JsonValue.number(8080)))));
        Session session = Session.builder("anchor", SessionId.of("s1")).tags(List.of("prod"))
                .providerData("user_configuration", configuration)
                .providerData("callback", JsonValue.text(SIGNED.toString()))
                .providerData("signingKey", JsonValue.text(KEY))
                .unreadField("headless", JsonValue.text("yes")).build();

        assertClean(session);
        assertThat(session.toString()).contains("user_configuration").contains("\"port\":8080")
                .contains("https://media.example.com/r/1.mp4?…").contains("\"headless\":\"yes\"").contains("prod");
    }

    @Test
    void recordingsAndMediaRequestsShowUrlsWithoutTheirQuery() {
        Recording remote = Recording.builder("kataven", SessionId.of("c1"), RecordingId.of("r1"), RecordingFormat.AUDIO,
                new MediaLocation.RemoteUrl(SIGNED, Optional.of(Instant.EPOCH))).build();
        Recording playlist = Recording.builder("notte", SessionId.of("n1"), RecordingId.of("r1"), RecordingFormat.HLS,
                new MediaLocation.InlinePlaylist("#EXTM3U\nhttps://cdn.example.com/s0.ts?" + SIGNATURE + "\n",
                        Optional.of(SIGNED), Optional.empty())).build();

        Recording withData = Recording.builder("notte", SessionId.of("n1"), RecordingId.of("r1"), RecordingFormat.MP4,
                new MediaLocation.RemoteUrl(SIGNED, Optional.empty()))
                .alternative(MediaAlternative.of(RecordingFormat.HLS, new MediaLocation.RemoteUrl(SIGNED,
                        Optional.empty())))
                .providerData("links", new JsonValue.ListValue(List.of(JsonValue.text("wss://cdp.example.com/x?"
                        + TOKEN)))).providerData("api_key", JsonValue.text(KEY)).build();

        assertClean(remote);
        assertClean(playlist);
        assertClean(withData);
        assertClean(MediaRequest.part(SIGNED));
        assertClean(MediaRequest.part(URI.create("seg1.ts?" + SIGNATURE)));
        assertThat(MediaRequest.part(SIGNED).toString()).contains("https://media.example.com/r/1.mp4?…");
        assertClean(new MediaStream(new ByteArrayInputStream(new byte[0]), 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }
}
