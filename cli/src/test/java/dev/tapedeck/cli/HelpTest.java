package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.EnvironmentVariable;
import dev.tapedeck.ProviderInfo;
import dev.tapedeck.Tapedeck;
import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --help} and {@code help} say: the global options once, under the main help; examples; every provider's
 * environment variables from its metadata (a plug-in's too); each command's own options only.
 */
class HelpTest {

    @Test
    void theMainHelpShowsTheGlobalOptionsExamplesEveryProvidersVariablesAndTheExitCodes() {
        CliHarness.Result help = CliHarness.empty().run("--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("Global options", "--sandbox", "--timeout", "Examples:",
                "tapedeck --sandbox archive --out archive", "Environment:", Plugins.VARIABLE, "JAVA_OPTS",
                "Exit codes:", "completion", "help");
        for (ProviderInfo provider : Tapedeck.providers()) {
            for (EnvironmentVariable variable : provider.metadata().environment()) {
                assertThat(help.out()).contains(variable.name());
            }
        }
        assertThat(help.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void aCommandsHelpShowsItsOwnOptionsAndPointsToTheGlobalOnes() {
        CliHarness.Result help = CliHarness.empty().run("archive", "--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("Usage: tapedeck archive [OPTIONS]", "--out", "--parallel",
                "Global options (--provider, --sandbox, --json, --timeout, ...)", "see tapedeck --help");
        assertThat(help.out()).doesNotContain("--sandbox ", "--api-body-limit", "--reveal-urls");
    }

    @Test
    void theHelpCommandSaysWhatHelpSays() {
        assertThat(CliHarness.empty().run("help", "sessions").out())
                .isEqualTo(CliHarness.empty().run("sessions", "--help").out());
        assertThat(CliHarness.empty().run("help").out()).isEqualTo(CliHarness.empty().run("--help").out());
    }

    @Test
    void aPlugInsVariablesAreListedFromItsMetadata(@TempDir Path temp) {
        Path plugins = temp.resolve("plugins");
        PluginJar.acme(temp.resolve("acme-build"), plugins.resolve("acme.jar"), "SpiVersion.CURRENT");

        CliHarness.Result help = CliHarness.empty().with(Plugins.VARIABLE, plugins + File.pathSeparator).run("--help");

        assertThat(help.out()).contains("ACME_API_KEY", "ACME_BASE_URL");
    }
}
