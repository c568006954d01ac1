package dev.tapedeck.cli;

import dev.tapedeck.Connection;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a one-session action at each selected provider and reports: with one provider its failure ends the
 * command; with several, the command succeeds when any provider did, and a failure other than "not found" (the
 * session lives elsewhere) is noted on stderr. When all failed, the error is the most telling failure on one line;
 * when every provider said "not found", that line holds each provider's answer, so none is hidden;
 * {@code --verbose} notes the others too.
 */
final class EachProvider {

    private EachProvider() {
    }

    /** Applies {@code action} at every connection, hands each success to {@code onSuccess}; returns the exit code. */
    static <T> int run(CliRun run, List<Connection> connections,
            Function<Connection, Either<TapedeckError, T>> action, BiConsumer<Connection, T> onSuccess) {
        List<TapedeckError> failures = new ArrayList<>();
        int successes = 0;
        for (Connection connection : connections) {
            Either<TapedeckError, T> result = action.apply(connection);
            if (result.isRight()) {
                onSuccess.accept(connection, result.get());
                successes++;
            } else if (connections.size() == 1) {
                run.printer().flush();
                throw new CliFailure(result.getLeft());
            } else {
                failures.add(result.getLeft());
            }
        }
        run.printer().flush();
        if (successes > 0) {
            failures.stream().filter(f -> !(f instanceof TapedeckError.NotFound))
                    .forEach(f -> run.problem(run.errors().text(f)));
            return ExitCodes.OK;
        }
        TapedeckError telling = failures.stream().filter(f -> !(f instanceof TapedeckError.NotFound)).findFirst()
                .orElseGet(() -> failures.size() == 1 ? failures.get(0) : nowhere(run, failures));
        if (run.options().verbose) {
            failures.stream().filter(f -> f != telling).forEach(f -> run.note(run.errors().text(f)));
        }
        throw new CliFailure(telling);
    }

    /** One "not found" that quotes what each provider answered. */
    private static TapedeckError nowhere(CliRun run, List<TapedeckError> failures) {
        return new TapedeckError.NotFound("", "not found at any provider: " + failures.stream()
                .map(run.errors()::text).collect(Collectors.joining("; ")));
    }
}
