package dev.tapedeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapedeck.sandbox.anchor.AnchorApi;
import dev.tapedeck.sandbox.anchor.AnchorSeed;
import dev.tapedeck.sandbox.kataven.KatavenSeed;
import dev.tapedeck.sandbox.notte.NotteApi;
import dev.tapedeck.sandbox.notte.NotteSeed;
import dev.tapedeck.sandbox.anchor.AnchorEmulator;
import dev.tapedeck.sandbox.anchor.AnchorRecording;
import dev.tapedeck.sandbox.anchor.AnchorSession;
import dev.tapedeck.sandbox.spi.SandboxScenario;
import dev.tapedeck.sandbox.kataven.KatavenApi;
import dev.tapedeck.sandbox.kataven.KatavenBehaviour;
import dev.tapedeck.sandbox.kataven.KatavenCall;
import dev.tapedeck.sandbox.kataven.KatavenEmulator;
import dev.tapedeck.sandbox.notte.NotteEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SandboxLifecycleTest {

    @Test
    void it_starts_on_two_free_ports_with_one_base_url_per_provider_and_closes_idempotently() {
        Sandbox sandbox = Sandbox.start();
        try {
            assertThat(sandbox.clientSettings("anchor").baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/anchor");
            assertThat(sandbox.clientSettings("notte").baseUrl().toString()).endsWith("/notte");
            assertThat(sandbox.clientSettings("kataven").baseUrl().toString()).endsWith("/kataven/api/v1");
            assertThat(sandbox.mediaBaseUrl().getPort()).isNotEqualTo(sandbox.clientSettings("anchor").baseUrl().getPort());
            assertThat(sandbox.emulated()).contains("anchor", "kataven", "notte").isSorted();
            assertThat(sandbox.emulated()).allSatisfy(p -> assertThat(sandbox.clientSettings(p).baseUrl().getPath())
                    .startsWith("/" + p));
            assertThat(sandbox.problems()).isEmpty();
            assertThatThrownBy(() -> sandbox.clientSettings("nosuch")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the sandbox emulates no provider 'nosuch'; it emulates "
                            + String.join(", ", sandbox.emulated()));
            assertThat(Http.get(Http.uri(sandbox.clientSettings("anchor").baseUrl(), "/v1/sessions"), "anchor-api-key",
                    sandbox.clientSettings("anchor").apiKey()).statusCode()).isEqualTo(200);
            assertThat(Http.get(Http.uri(sandbox.clientSettings("anchor").baseUrl().resolve("/"), "elsewhere")).statusCode())
                    .isEqualTo(404);
        } finally {
            sandbox.close();
            sandbox.close();
        }
        assertThatThrownBy(() -> Http.get(Http.uri(sandbox.clientSettings("anchor").baseUrl(), "/v1/sessions")))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void the_default_credentials_are_documented_constants_and_can_be_overridden() {
        try (Sandbox sandbox = Sandbox.start()) {
            assertThat(sandbox.clientSettings("anchor").apiKey()).isEqualTo(AnchorEmulator.DEFAULT_API_KEY);
            assertThat(sandbox.clientSettings("notte").apiKey()).isEqualTo(NotteEmulator.DEFAULT_API_KEY);
            assertThat(sandbox.clientSettings("kataven").apiKey()).isEqualTo(KatavenEmulator.DEFAULT_TOKEN);
            assertThat(sandbox.clientSettings("kataven").settings().get("account_id")).isEqualTo(KatavenEmulator.DEFAULT_ACCOUNT_ID);
            assertThat(sandbox.emulation("kataven", KatavenApi.class).liveKey()).isEqualTo(KatavenEmulator.DEFAULT_LIVE_KEY);
            assertThatThrownBy(() -> sandbox.clientSettings("media").apiKey()).isInstanceOf(IllegalArgumentException.class);
        }
        SandboxOptions custom = SandboxOptions.builder().setting("anchor", AnchorEmulator.API_KEY, "a-key").setting("kataven", KatavenEmulator.ACCOUNT_ID, "acme")
                .setting("kataven", KatavenEmulator.LIVE_KEY, "sk_live_acme_123").threads(2).build();
        try (Sandbox sandbox = Sandbox.start(custom)) {
            assertThat(Http.get(Http.uri(sandbox.clientSettings("anchor").baseUrl(), "/v1/sessions"), "anchor-api-key", "a-key")
                    .statusCode()).isEqualTo(200);
            assertThat(Http.get(Http.uri(sandbox.clientSettings("anchor").baseUrl(), "/v1/sessions"), "anchor-api-key",
                    AnchorEmulator.DEFAULT_API_KEY).statusCode()).isEqualTo(401);
            assertThat(sandbox.clientSettings("kataven").settings().get("account_id")).isEqualTo("acme");
        }
        assertThat(custom.toString()).doesNotContain("a-key").doesNotContain("sk_live_acme_123");
    }

    @Test
    void invalid_options_are_refused_with_the_name_of_the_value() {
        assertThatThrownBy(() -> Sandbox.start(SandboxOptions.builder()
                .setting("kataven", KatavenEmulator.ACCOUNT_ID, "Bad Id").build()))
                .hasMessageContaining("kataven.account_id");
        assertThatThrownBy(() -> Sandbox.start(SandboxOptions.builder()
                .setting("kataven", KatavenEmulator.TOKEN, "sk_live_x_y").build()))
                .hasMessageContaining("kataven.token");
        assertThatThrownBy(() -> Sandbox.start(SandboxOptions.builder()
                .setting("kataven", KatavenEmulator.READY_AFTER_POLLS, "many").build()))
                .hasMessage("the sandbox setting kataven.ready_after_polls must be a whole number, was 'many'");
        assertThatThrownBy(() -> SandboxOptions.builder().setting("kataven", "Ready After", "1"))
                .hasMessageContaining("sandbox setting key");
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
            assertThat(anchor(a).sessions()).isEqualTo(anchor(b).sessions());
            assertThat(notte(a).sessions()).isEqualTo(notte(b).sessions());
            assertThat(anchor(c).sessions()).isNotEqualTo(anchor(a).sessions());
            assertThat(anchor(c).sessions()).extracting(AnchorSession::id, AnchorSession::status,
                    s -> s.recordings().size()).isEqualTo(anchor(a).sessions().stream()
                    .map(s -> org.assertj.core.groups.Tuple.tuple(s.id(), s.status(), s.recordings().size()))
                    .collect(Collectors.toList()));
            assertThat(kataven(c).calls()).isEqualTo(kataven(a).calls());
        }
    }

    @Test
    void the_demo_names_files_like_real_recordings_and_only_the_hostile_scenario_adds_names_that_attack() {
        try (Sandbox demo = Sandbox.start(SandboxOptions.builder().threads(1).build());
             Sandbox hostile = Sandbox.start(SandboxOptions.builder().threads(1).scenario(SandboxScenario.HOSTILE)
                     .build())) {
            List<String> demoNames = fileNames(anchor(demo));
            List<String> hostileNames = fileNames(anchor(hostile));

            assertThat(demo.options().scenario()).isEqualTo(SandboxScenario.DEMO);
            assertThat(demoNames).allMatch(name -> name.matches("sess_\\d{4}(-tab-\\d)?\\.mp4"), "a plain file name");
            assertThat(hostileNames).contains("../../evil.mp4", "/etc/cron.d/evil.mp4");
            assertThat(anchor(hostile).sessions()).extracting(AnchorSession::id, AnchorSession::status,
                    s -> s.recordings().size()).isEqualTo(anchor(demo).sessions().stream()
                    .map(s -> org.assertj.core.groups.Tuple.tuple(s.id(), s.status(), s.recordings().size()))
                    .collect(Collectors.toList()));
        }
    }

    private static List<String> fileNames(AnchorSeed seed) {
        return seed.sessions().stream().flatMap(s -> s.recordings().stream()).map(AnchorRecording::suggestedFileName)
                .collect(Collectors.toList());
    }

    @Test
    void the_seeded_data_has_the_documented_sizes_ids_and_designated_examples() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.builder().threads(1).build())) {
            AnchorSeed anchor = anchor(sandbox);
            NotteSeed notte = notte(sandbox);
            KatavenSeed kataven = kataven(sandbox);
            assertThat(anchor.sessions()).hasSize(125).first().extracting(AnchorSession::id).isEqualTo("sess_0001");
            assertThat(notte.sessions()).hasSizeGreaterThanOrEqualTo(30);
            assertThat(kataven.calls()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(anchor.running().running()).isTrue();
            assertThat(anchor.withSeveralRecordings().recordings()).hasSize(3);
            assertThat(anchor.withLargeRecording().primaryRecording().orElseThrow().size())
                    .isEqualTo(AnchorEmulator.DEFAULT_LARGE_RECORDING_BYTES);
            assertThat(anchor.recordingDisabled().recordingEnabled()).isFalse();
            assertThat(notte.active().activeAt(sandbox.startedAt())).isTrue();
            assertThat(notte.closedWithMp4().activeAt(sandbox.startedAt())).isFalse();
            Map<KatavenBehaviour, Long> behaviours = kataven.calls().stream()
                    .collect(Collectors.groupingBy(KatavenCall::behaviour, Collectors.counting()));
            assertThat(behaviours.keySet()).containsExactlyInAnyOrder(KatavenBehaviour.values());
            assertThat(kataven.call(KatavenBehaviour.NOT_CONFIGURED).id()).isEqualTo("call_0011");
            assertThat(kataven.call(KatavenBehaviour.INTERNAL_ERROR).id()).isEqualTo("call_0012");
        }
    }

    @Test
    void reset_forgets_faults_counters_emulation_state_and_time_but_keeps_the_ports() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-09T12:00:00Z"));
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.builder().clock(clock).threads(1).build())) {
            java.net.URI base = sandbox.clientSettings("anchor").baseUrl();
            String key = sandbox.clientSettings("anchor").apiKey();
            String running = anchor(sandbox).running().id();
            assertThat(Http.send("POST", Http.uri(base, "/v1/sessions/" + running + "/recordings/pause"),
                    "anchor-api-key", key).statusCode()).isEqualTo(200);
            assertThat(sandbox.emulation("anchor", AnchorApi.class).isPaused(running)).isTrue();
            sandbox.faults().failNext(Origin.API, 3, 503);
            clock.advance(Duration.ofHours(1));

            sandbox.reset();

            assertThat(sandbox.clientSettings("anchor").baseUrl()).isEqualTo(base);
            assertThat(sandbox.counters().requests(Origin.API)).isZero();
            assertThat(sandbox.faults().pending(Origin.API)).isZero();
            assertThat(clock.instant()).isEqualTo(sandbox.startedAt());
            assertThat(sandbox.emulation("anchor", AnchorApi.class).isPaused(running)).isFalse();
            assertThat(Http.get(Http.uri(base, "/v1/sessions"), "anchor-api-key", key).statusCode()).isEqualTo(200);
            assertThat(sandbox.counters().requests("anchor")).isEqualTo(1);
        }
    }

    @Test
    void reset_drops_an_answer_still_dribbling_at_its_next_pause() throws Exception {
        java.util.concurrent.CountDownLatch paused = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger pauses = new java.util.concurrent.atomic.AtomicInteger();
        Pauser waitingForTheTest = duration -> {
            pauses.incrementAndGet();
            paused.countDown();
            release.await();
        };
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.builder().pauser(waitingForTheTest).threads(1).build())) {
            sandbox.faults().dribbleNext(Origin.API, 1, 16, Duration.ofSeconds(1));
            java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<byte[]>> answer = Http.CLIENT.sendAsync(
                    java.net.http.HttpRequest.newBuilder(Http.uri(sandbox.clientSettings("anchor").baseUrl(),
                            "/v1/sessions")).header("anchor-api-key", sandbox.clientSettings("anchor").apiKey())
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(paused.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            sandbox.reset();
            release.countDown();

            assertThat(answer).failsWithin(Duration.ofSeconds(30));
            // the pause under way when the sandbox was reset was the last: the rest of the body was never sent
            assertThat(pauses.get()).isEqualTo(1);
        }
    }

    @Test
    void main_options_parse_and_the_description_prints_urls_and_keys() {
        SandboxOptions options = SandboxMain.parse(new String[] {"--seed", "42", "--setting", "notte.close_after=5"});
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.settings("notte")).containsEntry("close_after", "5");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--setting", "close_after"}))
                .hasMessageContaining("PROVIDER.KEY=VALUE");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port"})).hasMessageContaining("missing value");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--colour", "red"})).hasMessageContaining("unknown");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.builder().threads(1).build())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SandboxMain.describe(sandbox, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String printed = bytes.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains(sandbox.clientSettings("anchor").baseUrl().toString(), sandbox.clientSettings("notte").baseUrl().toString(),
                    sandbox.clientSettings("kataven").baseUrl().toString(), sandbox.mediaBaseUrl().toString(), sandbox.clientSettings("anchor").apiKey(),
                    sandbox.clientSettings("notte").apiKey(), sandbox.clientSettings("kataven").apiKey(), sandbox.clientSettings("kataven").settings().get("account_id"));
        }
    }

    private static AnchorSeed anchor(Sandbox sandbox) {
        return sandbox.emulation("anchor", AnchorApi.class).seed();
    }

    private static NotteSeed notte(Sandbox sandbox) {
        return sandbox.emulation("notte", NotteApi.class).seed();
    }

    private static KatavenSeed kataven(Sandbox sandbox) {
        return sandbox.emulation("kataven", KatavenApi.class).seed();
    }
}
