package dev.tapedeck.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands under {@code tapedeck}, added to the root only as far as a run needs them. Picocli builds the model of
 * every command it is given by reflection, which was most of the start-up time (see docs/performance.md,
 * "Start-up"); a run that names a command gets that one only, with the global options it inherits. Whenever the
 * arguments leave any doubt (no command, an unknown word or option, {@code --}, an {@code @file}, {@code help}, {@code
 * completion}, which need the whole tree) every command is added, so help, suggestions and errors read as before.
 */
final class CommandTree {

    /** Every command, in the order {@code tapedeck --help} lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private CommandTree() {
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("providers", ProvidersCommand::new);
        commands.put("sessions", SessionsCommand::new);
        commands.put("recordings", RecordingsCommand::new);
        commands.put("pause", PauseCommand::new);
        commands.put("resume", ResumeCommand::new);
        commands.put("download", DownloadCommand::new);
        commands.put("archive", ArchiveCommand::new);
        commands.put("sandbox", SandboxCommand::new);
        commands.put("completion", CompletionCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return commands;
    }

    /** Adds to {@code root} the command {@code args} name, or every command when that is not certain. */
    static void addTo(CommandLine root, String[] args) {
        Optional<String> named = named(root, args).filter(name -> !name.equals("help") && !name.equals("completion"));
        if (named.isPresent()) {
            root.addSubcommand(named.get(), COMMANDS.get(named.get()).get());
        } else {
            COMMANDS.forEach((name, command) -> root.addSubcommand(name, command.get()));
        }
    }

    /**
     * The command {@code args} run: the first word that is no global option or an option's value, when it names a
     * command and everything before it is a known global option.
     */
    static Optional<String> named(CommandLine root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || arg.equals("-")) {
                return COMMANDS.containsKey(arg) ? Optional.of(arg) : Optional.empty();
            }
            if (arg.equals("--")) {
                return Optional.empty();
            }
            int equals = arg.indexOf('=');
            OptionSpec option = root.getCommandSpec().findOption(equals < 0 ? arg : arg.substring(0, equals));
            if (option == null) {
                return Optional.empty();
            }
            if (equals < 0 && option.arity().max() > 0) {
                i++;
            }
        }
        return Optional.empty();
    }
}
