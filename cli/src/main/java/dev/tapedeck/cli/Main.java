package dev.tapedeck.cli;

import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.model.TapedeckException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/**
 * The {@code tapedeck} command line. {@link #main} runs it and exits with its code; {@link #run} runs it
 * in-process and returns the code, for tests and embedding.
 *
 * <p>Every failure ends as one line {@code tapedeck: <message>} on stderr and an exit code from {@link
 * ExitCodes}; the stack trace follows only with {@code --verbose}.
 */
public final class Main {

    private Main() {
    }

    /** Runs the command with the process's streams and environment, then exits with its code. */
    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--verbose")) {
            // Read by slf4j-simple when the first logger is made, which is after this line.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        HttpLogging.configure(args);
        System.exit(run(args, System.out, System.err, CliEnvironment.system()));
    }

    /** Runs the command in-process with the process's environment; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CliEnvironment env = CliEnvironment.system();
        boolean terminal = env.terminal() && out == System.out;
        return run(args, out, err, new CliEnvironment(env.variables(), env.clock(), env.sleeper(), env.stdin(),
                terminal));
    }

    /** Runs the command in-process in {@code env}; returns the exit code and never calls {@code System.exit}. */
    public static int run(String[] args, PrintStream out, PrintStream err, CliEnvironment env) {
        TapedeckCommand root = new TapedeckCommand(env, out, err);
        CommandLine commandLine = new CommandLine(root);
        // before the settings below, which picocli hands only to the commands the root has when they are made
        CommandTree.addTo(commandLine, args);
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((e, arguments) -> usageError(root, e, err))
                .setExecutionStrategy(parsed -> {
                    checkFields(parsed);
                    return new CommandLine.RunLast().execute(parsed);
                })
                .setExecutionExceptionHandler((e, cl, parsed) -> failure(root, e, err));
        HelpLayout.apply(commandLine, () -> root.run().providers());
        try {
            int code = commandLine.execute(args);
            root.run().endNotes(code == ExitCodes.OK);
            return code;
        } catch (VirtualMachineError | LinkageError fatal) {
            // picocli hands only Exceptions to the handler above; an Error (out of memory, a broken plug-in class)
            // still gets one line, never a raw trace
            return fatal(root, fatal, err);
        } finally {
            root.close();
            out.flush();
            err.flush();
        }
    }

    /**
     * Refuses {@code --fields} naming a field the command does not print, listing those it does, before the command
     * does anything; and {@code --fields} with a command that prints no fields.
     */
    private static void checkFields(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.subcommand() != null) {
            last = last.subcommand();
        }
        if (!parsed.hasMatchedOption("--fields") && !last.hasMatchedOption("--fields")) {
            return;
        }
        List<String> requested = ((TapedeckCommand) parsed.commandSpec().userObject()).global.fields()
                .orElse(List.of());
        String command = last.commandSpec().name();
        java.util.Optional<FieldSet<?>> kind = OutputFields.forCommand(command);
        if (kind.isEmpty()) {
            throw new CommandLine.ParameterException(last.commandSpec().commandLine(), "--fields does not apply to "
                    + (last == parsed ? "tapedeck without a command" : command) + ", which prints no rows");
        }
        List<String> unknown = kind.get().unknown(requested);
        if (requested.isEmpty() || !unknown.isEmpty()) {
            throw new CommandLine.ParameterException(last.commandSpec().commandLine(), (requested.isEmpty()
                    ? "--fields names no field" : "unknown field" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown)) + " for " + kind.get().kind() + "; known fields: "
                    + String.join(", ", kind.get().names()));
        }
    }

    private static int usageError(TapedeckCommand root, CommandLine.ParameterException e, PrintStream err) {
        String message = e.getMessage() == null ? "invalid arguments" : e.getMessage().replace('\n', ' ').strip();
        String suggestion = suggestion(e);
        err.println("tapedeck: " + root.run().errors().scrub(message + suggestion)
                + (message.contains("--help") ? "" : " (see tapedeck --help)"));
        if (root.global != null && root.global.verbose) {
            e.printStackTrace(err);
        }
        return ExitCodes.USAGE;
    }

    /** Picocli's "did you mean" for a mistyped option or command, as the end of the one error line. */
    private static String suggestion(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException)) {
            return "";
        }
        List<String> suggestions = ((CommandLine.UnmatchedArgumentException) e).getSuggestions();
        return suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
    }

    private static int fatal(TapedeckCommand root, Error error, PrintStream err) {
        boolean verbose = root.global != null && root.global.verbose;
        String what = error instanceof OutOfMemoryError
                ? "ran out of memory (" + error.getMessage() + "); give Java more with JAVA_OPTS=-Xmx1g, or ask for "
                        + "less at a time (--limit, --parallel)"
                : "failed with " + error.getClass().getSimpleName()
                        + (error.getMessage() == null ? "" : ": " + error.getMessage().replace('\n', ' '));
        err.println("tapedeck: " + root.run().errors().scrub(what)
                + (verbose ? "" : " (run with --verbose for details)"));
        if (verbose) {
            error.printStackTrace(err);
        }
        return ExitCodes.OTHER;
    }

    private static int failure(TapedeckCommand root, Exception e, PrintStream err) {
        CliRun run = root.run();
        TapedeckError error = e instanceof CliFailure ? ((CliFailure) e).error()
                : e instanceof TapedeckException ? ((TapedeckException) e).error() : null;
        if (error != null) {
            err.println("tapedeck: " + run.errors().text(error));
        } else {
            String detail = e.getMessage() == null ? "" : ": " + e.getMessage().replace('\n', ' ');
            err.println("tapedeck: unexpected " + e.getClass().getSimpleName() + run.errors().scrub(detail)
                    + (run.options().verbose ? "" : " (run with --verbose for details)"));
        }
        if (run.options().verbose) {
            e.printStackTrace(err);
        }
        return error == null ? ExitCodes.OTHER : ExitCodes.of(error);
    }
}
