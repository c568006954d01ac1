package dev.tapedeck.cli;

import dev.tapedeck.EnvironmentVariable;
import dev.tapedeck.ProviderInfo;
import dev.tapedeck.model.Redaction;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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

    private final UnaryOperator<String> values;

    private EchoedSecrets(UnaryOperator<String> values) {
        this.values = values;
    }

    /** The secret values {@code variables} holds for the variables {@code providers} declare secret. */
    static EchoedSecrets of(List<ProviderInfo> providers, Function<String, Optional<String>> variables) {
        return new EchoedSecrets(Redaction.values(providers.stream()
                .flatMap(info -> info.metadata().environment().stream())
                .filter(EnvironmentVariable::secret).map(variable -> variables.apply(variable.name()))
                .flatMap(Optional::stream).map(String::strip).filter(value -> value.length() >= SHORTEST).toList(),
                MASK));
    }

    /** {@code text} with every secret value masked. */
    @Override
    public String apply(String text) {
        return values.apply(text);
    }
}
