package dev.tapedeck.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Timeouts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The global options that tune the network, {@code --timeout}, {@code --idle-timeout}, {@code --api-body-limit} and
 * {@code --allow-private-addresses}: each reaches the provider's config and changes what happens over real HTTP, and
 * an error they could cure names the option, not the Java setting behind it. Time passes on the sandbox's clock,
 * except for the one real silence that an idle timeout needs.
 */
class NetworkOptionsTest {

    @RegisterExtension
    static WireMockExtension kataven = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private final SandboxTime time = new SandboxTime();
    private Sandbox sandbox;
    private CliHarness cli;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandbox.start(SandboxOptions.builder().clock(time.clock()).pauser(time).build());
        cli = CliHarness.pointingAt(sandbox).time(time.clock(), time);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void theOptionsReachEveryProvidersConfigAndTheDefaultsStayTheLibrarys() {
        ProviderConfig tuned = config("--timeout", "PT30S", "--idle-timeout", "2m", "--api-body-limit", "16MiB",
                "--allow-private-addresses");
        ProviderConfig plain = config();

        assertThat(tuned.timeouts()).isEqualTo(new Timeouts(Timeouts.defaults().connect(), Duration.ofMinutes(2),
                Optional.of(Duration.ofSeconds(30))));
        assertThat(tuned.apiBodyLimit()).isEqualTo(16L << 20);
        assertThat(tuned.allowPrivateAddresses()).isTrue();
        assertThat(plain.timeouts()).isEqualTo(Timeouts.defaults());
        assertThat(plain.apiBodyLimit()).isEqualTo(ProviderConfig.DEFAULT_API_BODY_LIMIT);
        assertThat(plain.allowPrivateAddresses()).isFalse();
    }

    @Test
    void timeoutEndsAnApiCallWhoseBodyTricklesInAndNamesTheOption() {
        sandbox.faults().dribbleNext(Origin.API, 1, 1, Duration.ofSeconds(2));

        CliHarness.Result result = cli.run("--provider", "anchor", "--timeout", "30s", "sessions", "--limit", "3");

        assertOneLine(result, ExitCodes.UNAVAILABLE, "took longer than the overall timeout of 30 s", "(--timeout)");
        assertThat(sandbox.counters().requests("anchor")).isEqualTo(1);
    }

    @Test
    void idleTimeoutEndsASilentAnswerAfterItsRetriesAndNamesTheOption() {
        sandbox.faults().latencyNext(Origin.API, 3, SandboxTime.STALL);

        CliHarness.Result result = cli.run("--provider", "anchor", "--idle-timeout", "200ms", "sessions");

        assertOneLine(result, ExitCodes.UNAVAILABLE, "timed out waiting for data", "(--idle-timeout)");
        assertThat(sandbox.counters().requests("anchor")).isEqualTo(3);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void apiBodyLimitRefusesALargerPageAndALargerLimitLetsItThrough() {
        CliHarness.Result refused = cli.run("--provider", "anchor", "--api-body-limit", "1KiB", "sessions");
        CliHarness.Result allowed = cli.run("--provider", "anchor", "--api-body-limit", "1MiB", "sessions");

        assertOneLine(refused, ExitCodes.UNAVAILABLE, "more than the 1 KiB Tapedeck reads", "(--api-body-limit)");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
    }

    @Test
    void aLinkToAnotherAddressOfThisMachineIsRefusedNamingTheOptionThatWouldAllowIt() throws Exception {
        kataven.stubFor(get(urlPathEqualTo("/api/v1/sessions/call_1/recording")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"url\":\"http://0.0.0.0:1/latest/meta-data/iam.mp3\","
                        + "\"expires_at\":\"2030-01-01T00:00:00Z\"}")));
        CliHarness katavenCli = CliHarness.empty().with("KATAVEN_API_KEY", "kt-test-0123456789")
                .with("KATAVEN_ACCOUNT_ID", "acme").with("KATAVEN_BASE_URL", kataven.baseUrl() + "/api/v1");

        CliHarness.Result result = katavenCli.run("--provider", "kataven", "download", "call_1", "--out",
                dir.toString());

        // 0.0.0.0 is refused like 169.254.169.254 or 10.0.0.1 (see AddressPolicyTest), but should the refusal ever
        // break, this test's request still stays on this machine
        assertOneLine(result, ExitCodes.UNAVAILABLE, "0.0.0.0 is an address of this machine",
                "(--allow-private-addresses)");
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void badValuesAreOneUsageLineNamingTheOption() {
        assertOneLine(cli.run("--timeout", "0s", "sessions"), ExitCodes.USAGE, "--timeout must be longer than zero");
        assertOneLine(cli.run("--idle-timeout", "soon", "sessions"), ExitCodes.USAGE, "'--idle-timeout'",
                "'soon' is not a duration");
        assertOneLine(cli.run("sessions", "--api-body-limit", "lots"), ExitCodes.USAGE, "'--api-body-limit'",
                "'lots' is not a size");
        assertOneLine(cli.run("--api-body-limit", "99999999999GiB", "sessions"), ExitCodes.USAGE,
                "more bytes than can be counted");
    }

    /** The config a run with {@code options} gives the anchor provider. */
    private static ProviderConfig config(String... options) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        TapedeckCommand root = new TapedeckCommand(CliEnvironment.of(java.util.Map.of()), sink, sink);
        String[] args = java.util.Arrays.copyOf(options, options.length + 1);
        args[options.length] = "providers";
        CommandLine commandLine = new CommandLine(root);
        CommandTree.addTo(commandLine, args);
        commandLine.parseArgs(args);
        return root.run().config("anchor");
    }

    private static void assertOneLine(CliHarness.Result result, int exitCode, String... parts) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.errLines()).as(result.toString()).singleElement().satisfies(line -> {
            assertThat(line).startsWith("tapedeck: ").contains(parts).doesNotContain("ProviderConfig");
        });
    }
}
