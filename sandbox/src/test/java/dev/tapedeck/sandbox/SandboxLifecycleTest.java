package dev.tapedeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SandboxLifecycleTest {

    @Test
    void it_starts_on_two_free_ports_with_one_base_url_per_provider_and_closes_idempotently() {
        Sandbox sandbox = Sandbox.start();
        try {
            assertThat(sandbox.anchorBaseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/anchor");
            assertThat(sandbox.notteBaseUrl().toString()).endsWith("/notte");
            assertThat(sandbox.katavenBaseUrl().toString()).endsWith("/kataven");
            assertThat(sandbox.mediaBaseUrl().getPort()).isNotEqualTo(sandbox.anchorBaseUrl().getPort());
            assertThat(sandbox.baseUrl("media")).isEqualTo(sandbox.mediaBaseUrl());
            assertThat(Sandbox.PROVIDERS).allSatisfy(p -> assertThat(sandbox.baseUrl(p).getPath()).isEqualTo("/" + p));
            assertThatThrownBy(() -> sandbox.baseUrl("browserbase")).isInstanceOf(IllegalArgumentException.class);
            assertThat(Http.get(Http.uri(sandbox.anchorBaseUrl(), "/v1/sessions"), "anchor-api-key",
                    sandbox.apiKey("anchor")).statusCode()).isEqualTo(200);
            assertThat(Http.get(Http.uri(sandbox.anchorBaseUrl().resolve("/"), "elsewhere")).statusCode())
                    .isEqualTo(404);
        } finally {
            sandbox.close();
            sandbox.close();
        }
        assertThatThrownBy(() -> Http.get(Http.uri(sandbox.anchorBaseUrl(), "/v1/sessions")))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void the_default_credentials_are_documented_constants_and_can_be_overridden() {
        try (Sandbox sandbox = Sandbox.start()) {
            assertThat(sandbox.apiKey("anchor")).isEqualTo(SandboxOptions.DEFAULT_ANCHOR_API_KEY);
            assertThat(sandbox.apiKey("notte")).isEqualTo(SandboxOptions.DEFAULT_NOTTE_API_KEY);
            assertThat(sandbox.apiKey("kataven")).isEqualTo(SandboxOptions.DEFAULT_KATAVEN_TOKEN);
            assertThat(sandbox.katavenAccountId()).isEqualTo(SandboxOptions.DEFAULT_KATAVEN_ACCOUNT_ID);
            assertThat(sandbox.katavenLiveKey()).isEqualTo(SandboxOptions.DEFAULT_KATAVEN_LIVE_KEY);
            assertThatThrownBy(() -> sandbox.apiKey("media")).isInstanceOf(IllegalArgumentException.class);
        }
        SandboxOptions custom = SandboxOptions.builder().anchorApiKey("a-key").katavenAccountId("acme")
                .katavenLiveKey("sk_live_acme_123").threads(2).build();
        try (Sandbox sandbox = Sandbox.start(custom)) {
            assertThat(Http.get(Http.uri(sandbox.anchorBaseUrl(), "/v1/sessions"), "anchor-api-key", "a-key")
                    .statusCode()).isEqualTo(200);
            assertThat(Http.get(Http.uri(sandbox.anchorBaseUrl(), "/v1/sessions"), "anchor-api-key",
                    SandboxOptions.DEFAULT_ANCHOR_API_KEY).statusCode()).isEqualTo(401);
            assertThat(sandbox.katavenAccountId()).isEqualTo("acme");
        }
        assertThat(custom.toString()).doesNotContain("a-key").doesNotContain("sk_live_acme_123");
    }

    @Test
    void invalid_options_are_refused_with_the_name_of_the_value() {
        assertThatThrownBy(() -> SandboxOptions.builder().katavenAccountId("Bad Id").build())
                .hasMessageContaining("katavenAccountId");
        assertThatThrownBy(() -> SandboxOptions.builder().katavenToken("sk_live_x_y").build())
                .hasMessageContaining("katavenToken");
        assertThatThrownBy(() -> SandboxOptions.builder().apiPort(70000).build()).hasMessageContaining("apiPort");
        assertThatThrownBy(() -> SandboxOptions.builder().presignTtl(Duration.ZERO).build())
                .hasMessageContaining("presignTtl");
    }

    @Test
    void a_port_in_use_is_reported_as_an_unchecked_io_error() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Sandbox.start(SandboxOptions.builder().apiPort(taken.getLocalPort()).build()))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot bind");
        }
    }

    @Test
    void a_start_that_fails_on_the_api_port_releases_the_media_port_it_had_bound() throws Exception {
        int mediaPort;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            mediaPort = probe.getLocalPort();
        }
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Sandbox.start(SandboxOptions.builder().apiPort(taken.getLocalPort())
                    .mediaPort(mediaPort).build())).isInstanceOf(UncheckedIOException.class);
        }
        try (ServerSocket again = new ServerSocket(mediaPort, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(mediaPort);
        }
    }

    @Test
    void the_same_seed_gives_the_same_data_and_another_seed_keeps_ids_and_behaviours() {
        Instant start = Instant.parse("2026-03-10T00:00:00Z");
        try (Sandbox a = Sandbox.start(SandboxOptions.builder().clock(new ManualClock(start)).threads(1).build());
             Sandbox b = Sandbox.start(SandboxOptions.builder().clock(new ManualClock(start)).threads(1).build());
             Sandbox c = Sandbox.start(SandboxOptions.builder().clock(new ManualClock(start)).seed(7).threads(1)
                     .build())) {
            assertThat(a.data().anchorSessions()).isEqualTo(b.data().anchorSessions());
            assertThat(a.data().notteSessions()).isEqualTo(b.data().notteSessions());
            assertThat(c.data().anchorSessions()).isNotEqualTo(a.data().anchorSessions());
            assertThat(c.data().anchorSessions()).extracting(AnchorSession::id, AnchorSession::status,
                    s -> s.recordings().size()).isEqualTo(a.data().anchorSessions().stream()
                    .map(s -> org.assertj.core.groups.Tuple.tuple(s.id(), s.status(), s.recordings().size()))
                    .collect(Collectors.toList()));
            assertThat(c.data().katavenCalls()).isEqualTo(a.data().katavenCalls());
        }
    }

    @Test
    void the_seeded_data_has_the_documented_sizes_ids_and_designated_examples() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.builder().threads(1).build())) {
            SeedData data = sandbox.data();
            assertThat(data.anchorSessions()).hasSize(125).first().extracting(AnchorSession::id).isEqualTo("sess_0001");
            assertThat(data.notteSessions()).hasSizeGreaterThanOrEqualTo(30);
            assertThat(data.katavenCalls()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(data.anchorRunning().running()).isTrue();
            assertThat(data.anchorWithSeveralRecordings().recordings()).hasSize(3);
            assertThat(data.anchorWithLargeRecording().primaryRecording().orElseThrow().size())
                    .isEqualTo(sandbox.options().largeRecordingBytes());
            assertThat(data.anchorRecordingDisabled().recordingEnabled()).isFalse();
            assertThat(data.notteActive().activeAt(sandbox.startedAt())).isTrue();
            assertThat(data.notteClosedWithMp4().activeAt(sandbox.startedAt())).isFalse();
            Map<KatavenBehaviour, Long> behaviours = data.katavenCalls().stream()
                    .collect(Collectors.groupingBy(KatavenCall::behaviour, Collectors.counting()));
            assertThat(behaviours.keySet()).containsExactlyInAnyOrder(KatavenBehaviour.values());
            assertThat(data.katavenCall(KatavenBehaviour.NOT_CONFIGURED).id()).isEqualTo("call_0011");
            assertThat(data.katavenCall(KatavenBehaviour.INTERNAL_ERROR).id()).isEqualTo("call_0012");
        }
    }

    @Test
    void main_options_parse_and_the_description_prints_urls_and_keys() {
        SandboxOptions options = SandboxMain.parse(new String[] {"--seed", "42", "--notte-close-after", "5"});
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.notteCloseAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port"})).hasMessageContaining("missing value");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--colour", "red"})).hasMessageContaining("unknown");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.builder().threads(1).build())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SandboxMain.describe(sandbox, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String printed = bytes.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains(sandbox.anchorBaseUrl().toString(), sandbox.notteBaseUrl().toString(),
                    sandbox.katavenBaseUrl().toString(), sandbox.mediaBaseUrl().toString(), sandbox.apiKey("anchor"),
                    sandbox.apiKey("notte"), sandbox.apiKey("kataven"), sandbox.katavenAccountId());
        }
    }
}
