package dev.tapedeck.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code tapedeck} command itself: the global options; {@link CommandTree} adds the commands under it and {@link
 * HelpLayout} lays out its help.
 */
@Command(name = "tapedeck", mixinStandardHelpOptions = true, version = "tapedeck 0.1.0",
        description = "List, pause, resume, download and archive browser and call session recordings "
                + "across hosted agent platforms: the bundled providers and any provider jar in a plug-in folder "
                + "(~/.tapedeck/plugins, $TAPEDECK_PLUGINS).")
final class TapedeckCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    private final CliEnvironment env;
    private final PrintStream out;
    private final PrintStream err;
    private CliRun run;

    TapedeckCommand(CliEnvironment env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** The state of this run, created on first use with the parsed global options. */
    CliRun run() {
        if (run == null) {
            run = new CliRun(global, env, out, err);
        }
        return run;
    }

    /** Closes what the run opened. */
    void close() {
        if (run != null) {
            run.close();
        }
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command; try tapedeck --help (commands: "
                + String.join(", ", spec.subcommands().keySet()) + ")");
    }
}
