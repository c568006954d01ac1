package dev.tapedeck.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command accepts, before or after the command name. */
final class GlobalOptions {

    @Option(names = "--provider", paramLabel = "ID", split = ",", scope = ScopeType.INHERIT,
            description = "Provider id(s), comma-separated or repeated, e.g. anchor,notte. Default: all that apply.")
    List<String> providers = new ArrayList<>();

    @Option(names = "--base-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "API base URL of the one selected provider.")
    String baseUrl;

    @Option(names = "--sandbox", scope = ScopeType.INHERIT,
            description = "Start the built-in sandbox and point every provider at it; needs no keys.")
    boolean sandbox;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print JSON Lines on stdout.")
    boolean json;

    @Option(names = "--reveal-urls", scope = ScopeType.INHERIT,
            description = "With --json, print recordings' presigned URLs whole, signature included, for scripts that "
                    + "fetch them; by default their signature and credential parameters read REDACTED.")
    boolean revealUrls;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @Option(names = "--fields", paramLabel = "NAMES", split = ",", scope = ScopeType.INHERIT,
            description = "The fields to print, by their JSON names, comma-separated, for tables and --json alike, "
                    + "e.g. id,status,providerData. Default: all for --json, the usual columns for tables.")
    List<String> fields;

    /** The {@code --fields} names, trimmed, without blanks; empty when not given. */
    Optional<List<String>> fields() {
        if (fields == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        fields.stream().map(String::strip).filter(name -> !name.isEmpty() && !names.contains(name))
                .forEach(names::add);
        return Optional.of(names);
    }

    /** The {@code --base-url} value, checked. */
    Optional<URI> baseUrl() {
        return baseUrl == null ? Optional.empty() : CliRun.parseUrl(baseUrl);
    }

    /** The {@code --provider} ids, trimmed and lower-cased, without blanks or repeats. */
    List<String> providerIds() {
        List<String> ids = new ArrayList<>();
        for (String id : providers) {
            String clean = id.trim().toLowerCase(java.util.Locale.ROOT);
            if (!clean.isEmpty() && !ids.contains(clean)) {
                ids.add(clean);
            }
        }
        return ids;
    }
}
