package dev.tapedeck.cli;

import dev.tapedeck.EnvironmentVariable;
import dev.tapedeck.ProviderInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The values of the secret environment variables the providers declare (each API key, and every setting a provider
 * marks secret), masked wherever the command's output would show them, in any letter case and percent-encoded: a
 * provider may echo its key inside an answer's fields ("debug": "key=..."), which reach stdout as provider data,
 * and stdout must never carry a key. Error lines and logs are masked by the HTTP kit already. Values shorter than
 * {@value #SHORTEST} characters are left alone: masking a word that short would garble ordinary output, and no real
 * key is that short.
 */
final class EchoedSecrets implements UnaryOperator<String> {

    /** What a masked value reads. */
    static final String MASK = "****";

    /** The shortest value that is masked. */
    static final int SHORTEST = 8;

    private final List<Pattern> values;

    private EchoedSecrets(List<Pattern> values) {
        this.values = values;
    }

    /** The secret values {@code variables} holds for the variables {@code providers} declare secret. */
    static EchoedSecrets of(List<ProviderInfo> providers, Function<String, Optional<String>> variables) {
        return new EchoedSecrets(providers.stream().flatMap(info -> info.metadata().environment().stream())
                .filter(EnvironmentVariable::secret).map(variable -> variables.apply(variable.name()))
                .flatMap(Optional::stream).map(String::strip).filter(value -> value.length() >= SHORTEST)
                .flatMap(value -> Stream.of(value, URLEncoder.encode(value, StandardCharsets.UTF_8))).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(value -> Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList());
    }

    /** {@code text} with every secret value masked. */
    @Override
    public String apply(String text) {
        String out = text;
        for (Pattern value : values) {
            out = value.matcher(out).replaceAll(MASK);
        }
        return out;
    }
}
