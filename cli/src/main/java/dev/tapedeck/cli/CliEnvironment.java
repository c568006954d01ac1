package dev.tapedeck.cli;

import dev.tapedeck.retry.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * What a run of the CLI reads besides its arguments: environment variables, the clock and sleeper it waits with,
 * standard input, and whether standard output is a terminal (which turns progress bars on).
 *
 * <p>{@link #system()} is the real process; tests build their own so that a run needs no real keys and never
 * sleeps.
 *
 * @param variables environment variables by name
 * @param clock     the clock for deadlines
 * @param sleeper   how retries and polls wait
 * @param stdin     the {@code sandbox} command's stop signal: it stops when this ends (Ctrl-D at a terminal)
 * @param terminal  whether stdout and stderr are an interactive terminal
 */
public record CliEnvironment(Function<String, Optional<String>> variables, Clock clock, Sleeper sleeper,
        InputStream stdin, boolean terminal) {

    /** Checks for nulls. */
    public CliEnvironment {
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(stdin, "stdin");
    }

    /**
     * The real process: its environment, system clock, real sleeping and console; its stdin as the sandbox's stop
     * signal at a terminal, else an input that never ends (see {@link EndlessInput}).
     */
    public static CliEnvironment system() {
        boolean terminal = stdoutIsTerminal();
        return new CliEnvironment(name -> Optional.ofNullable(System.getenv(name)), Clock.systemUTC(),
                Sleeper.system(), terminal ? System.in : new EndlessInput(), terminal);
    }

    /**
     * The stop signal of a process that is not at a terminal: it never ends, so a {@code tapedeck sandbox} started in
     * the background, by a script or by a test harness with no standard input runs until it is killed, instead of
     * stopping at once on the empty input. Interrupting the reading thread ends it.
     */
    private static final class EndlessInput extends InputStream {
        private final CountDownLatch never = new CountDownLatch(1);

        @Override
        public int read() throws IOException {
            try {
                never.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
            return -1;
        }
    }

    /** A non-interactive environment holding exactly {@code variables}, with real time and an empty stdin. */
    public static CliEnvironment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return new CliEnvironment(name -> Optional.ofNullable(copy.get(name)), Clock.systemUTC(), Sleeper.system(),
                InputStream.nullInputStream(), false);
    }

    /** This environment with another sleeper. */
    public CliEnvironment withSleeper(Sleeper value) {
        return new CliEnvironment(variables, clock, value, stdin, terminal);
    }

    /** This environment with another clock. */
    public CliEnvironment withClock(Clock value) {
        return new CliEnvironment(variables, value, sleeper, stdin, terminal);
    }

    /**
     * On Java 17 to 21 a console exists only when stdin and stdout are a terminal. From Java 22 {@code
     * System.console()} exists even when redirected and {@code Console.isTerminal()} tells, so it is asked when
     * present (reflectively, since the code is compiled for 17).
     */
    private static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = console.getClass().getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (ReflectiveOperationException | RuntimeException olderJdk) {
            return true;
        }
    }
}
