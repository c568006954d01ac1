package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run gets only the command it names, and every command whenever the arguments leave a doubt; either way the
 * command reads its arguments as it did with the whole tree.
 */
class CommandTreeTest {

    private static final String[] EVERY = {"providers", "sessions", "recordings", "pause", "resume", "download",
        "archive", "sandbox", "completion", "help"};

    private static CommandLine treeFor(String... args) {
        CommandLine root = new CommandLine(new TapedeckCommand(CliEnvironment.of(Map.of()),
                new PrintStream(PrintStream.nullOutputStream()), new PrintStream(PrintStream.nullOutputStream())));
        CommandTree.addTo(root, args);
        return root;
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertThat(treeFor("--sandbox", "providers").getSubcommands()).containsOnlyKeys("providers");
        assertThat(treeFor("--provider", "sessions", "archive", "--out", "x").getSubcommands())
                .containsOnlyKeys("archive");
        assertThat(treeFor("--provider=anchor", "--timeout", "30s", "--json", "sessions").getSubcommands())
                .containsOnlyKeys("sessions");
        assertThat(treeFor("download", "--sandbox", "sess_1").getSubcommands()).containsOnlyKeys("download");
    }

    @Test
    void anyDoubtBuildsEveryCommand() {
        assertThat(treeFor().getSubcommands()).containsOnlyKeys(EVERY);
        assertThat(treeFor("--help").getSubcommands()).containsOnlyKeys(EVERY);
        assertThat(treeFor("help", "sessions").getSubcommands()).containsOnlyKeys(EVERY);
        assertThat(treeFor("completion", "bash").getSubcommands()).containsOnlyKeys(EVERY);
        assertThat(treeFor("provders").getSubcommands()).containsOnlyKeys(EVERY);
        assertThat(treeFor("--bogus", "providers").getSubcommands()).containsOnlyKeys(EVERY);
        assertThat(treeFor("--", "providers").getSubcommands()).containsOnlyKeys(EVERY);
        assertThat(treeFor("@arguments.txt").getSubcommands()).containsOnlyKeys(EVERY);
        assertThat(treeFor("--provider").getSubcommands()).containsOnlyKeys(EVERY);
    }

    @Test
    void globalOptionsAfterTheCommandStillApply() {
        CliHarness.Result result = CliHarness.empty().run("providers", "--json", "--provider", "notte");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("{\"id\":\"notte\"");
    }
}
