package dev.tapedeck.cli;

import dev.tapedeck.ProviderInfo;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tapedeck providers}: the providers on the class path and in the plug-in folders, where each came from and
 * what it supports. Needs no keys.
 */
@Command(name = "providers", mixinStandardHelpOptions = true, description = "List the providers (class path and plug-in folders), where each came from, and what it supports.")
final class ProvidersCommand implements Callable<Integer> {

    @ParentCommand
    TapedeckCommand root;

    @Override
    public Integer call() {
        CliRun run = root.run();
        List<ProviderInfo> known = run.providers();
        List<String> wanted = run.options().providerIds();
        for (String id : wanted) {
            if (known.stream().noneMatch(p -> p.id().equals(id))) {
                throw CliFailure.usage("unknown provider '" + id + "'; known providers: "
                        + known.stream().map(ProviderInfo::id).collect(Collectors.joining(", ")));
            }
        }
        known.stream().filter(p -> wanted.isEmpty() || wanted.contains(p.id())).forEach(run.printer()::provider);
        run.printer().flush();
        return ExitCodes.OK;
    }
}
