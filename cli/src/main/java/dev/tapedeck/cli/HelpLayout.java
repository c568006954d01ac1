package dev.tapedeck.cli;

import dev.tapedeck.EnvironmentVariable;
import dev.tapedeck.ProviderInfo;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How {@code --help} reads. The global options are described once, under {@code tapedeck --help}, not repeated under
 * every command (they are still accepted before or after any command, and still completed); a command's help shows
 * its own options and points to the global ones. {@code tapedeck --help} ends with examples, the environment
 * variables of every provider found (read from their metadata, plug-ins included, so a new provider needs no edit
 * here), and the exit codes.
 */
final class HelpLayout {

    /** Commands that show the main jobs against the sandbox, which needs no keys. */
    static final List<String> EXAMPLES = List.of(
            "tapedeck --sandbox archive --out archive      # every recording, resumably",
            "tapedeck --sandbox sessions --limit 5         # the newest of all providers",
            "tapedeck --sandbox --json sessions --since 2026-01-01",
            "tapedeck --sandbox download SESSION_ID --out downloads",
            "tapedeck providers                            # what each one supports",
            "tapedeck sandbox --port 8080                  # for your own tests",
            "source <(tapedeck completion bash)            # completion (or zsh)");

    /** The width the help is laid out for, picocli's default. */
    private static final int WIDTH = 80;
    private static final int NAME_COLUMN = 22;

    private static final String GLOBAL = "%nGlobal options (--provider, --sandbox, --json, --timeout, ...) go before or "
            + "after the command; see tapedeck --help.%n";

    private HelpLayout() {
    }

    /**
     * Lays out the help of {@code root} and its commands; {@code providers} is asked only when the main help is
     * printed.
     */
    static void apply(CommandLine root, Supplier<List<ProviderInfo>> providers) {
        UsageMessageSpec usage = root.getCommandSpec().usageMessage();
        usage.customSynopsis("tapedeck [OPTIONS] COMMAND [COMMAND OPTIONS]%n");
        usage.optionListHeading("%nGlobal options, before or after the command:%n");
        usage.commandListHeading("%nCommands (tapedeck help COMMAND tells more):%n");
        usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER, help -> footer(providers));
        for (CommandLine command : root.getSubcommands().values()) {
            ownOptionsOnly(command);
        }
    }

    private static void ownOptionsOnly(CommandLine command) {
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_SYNOPSIS, Help::abbreviatedSynopsis);
        usage.optionListHeading("%nOptions:%n");
        usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> help.optionListExcludingGroups(
                help.commandSpec().options().stream().filter(o -> !o.inherited()).collect(Collectors.toList())));
        usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER, help -> help.createHeading(GLOBAL));
    }

    /** The examples, the environment variables and the exit codes, as plain text laid out for {@link #WIDTH}. */
    static String footer(Supplier<List<ProviderInfo>> providers) {
        StringBuilder text = new StringBuilder("\nExamples:\n");
        EXAMPLES.forEach(example -> text.append("  ").append(example).append('\n'));
        text.append("\nEnvironment:\n");
        for (ProviderInfo provider : providers.get()) {
            for (EnvironmentVariable variable : provider.metadata().environment()) {
                entry(text, variable.name(), TerminalText.safe(variable.purpose()));
            }
        }
        entry(text, Plugins.VARIABLE, "more plug-in folders besides ~/.tapedeck/plugins, separated like PATH");
        entry(text, "JAVA_OPTS", "options for the JVM, e.g. -Xmx1g");
        text.append('\n');
        wrap(text, "Exit codes: 0 ok, 2 usage, 3 not found, 4 unauthorized, 5 not ready, 6 rate limited, provider or "
                + "network failure, 7 unsupported, 8 integrity, 1 other.", 0);
        return text.toString();
    }

    private static void entry(StringBuilder text, String name, String purpose) {
        String head = "  " + name;
        text.append(head);
        if (head.length() + 1 > NAME_COLUMN + 2) {
            text.append('\n').append(" ".repeat(NAME_COLUMN + 3));
        } else {
            text.append(" ".repeat(NAME_COLUMN + 3 - head.length()));
        }
        wrap(text, purpose, NAME_COLUMN + 3);
    }

    /** Appends {@code words} wrapped at {@link #WIDTH}, the line after the first indented by {@code indent}. */
    private static void wrap(StringBuilder text, String words, int indent) {
        int column = text.length() - text.lastIndexOf("\n") - 1;
        for (String word : words.split(" ")) {
            if (column > indent && column + 1 + word.length() > WIDTH) {
                text.append('\n').append(" ".repeat(indent));
                column = indent;
            } else if (column > indent) {
                text.append(' ');
                column++;
            }
            text.append(word);
            column += word.length();
        }
        text.append('\n');
    }
}
