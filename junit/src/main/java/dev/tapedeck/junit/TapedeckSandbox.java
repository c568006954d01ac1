package dev.tapedeck.junit;

import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.sandbox.spi.SandboxScenario;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Starts one embedded sandbox for the annotated test class (its {@code @Nested} classes share it), resets it after
 * every test ({@link dev.tapedeck.sandbox.Sandbox#reset()}: faults, counters, the clock, every emulation's state) and
 * closes it after the last, with everything opened through it. Its tests take as parameters the {@code Sandbox},
 * {@link SandboxClients}, the sandbox's {@code ManualClock}, {@code Faults}, {@code Counters} and {@link ClockSleeper},
 * and, with {@link SandboxProvider}, a provider's {@code ClientSettings}, {@code ProviderConfig} or {@code Connection}.
 *
 * <p>The sandbox runs on a {@code ManualClock} that stands still unless a test moves it (or a {@link ClockSleeper}
 * does, when a connection waits to retry), so every test sees the same times. The methods of one class run one at a
 * time, since they share the sandbox; classes may run in parallel, each with its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TapedeckSandboxExtension.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface TapedeckSandbox {

    /** The seed of the sandbox's data; the same seed gives the same sessions and recordings. */
    long seed() default SandboxOptions.DEFAULT_SEED;

    /** Which data the emulators serve: the realistic demo, or the demo plus hostile values. */
    SandboxScenario scenario() default SandboxScenario.DEMO;

    /**
     * Settings of emulated providers as {@code provider.key=value}, by the keys their emulators document, e.g.
     * {@code "kataven.ready_after_polls=3"}.
     */
    String[] settings() default {};

    /**
     * Where the manual clock starts and is set back to after every test, as an ISO-8601 instant
     * ({@code 2026-03-09T12:00:00Z}); empty (the default): the second the sandbox starts.
     */
    String clockStart() default "";

    /**
     * Whether the pauses of faults (added latency, dribbled bodies) move the manual clock instead of waiting: a body
     * sent a byte every two seconds then takes no time, yet two seconds pass per byte for every deadline that reads
     * the clock. Off by default: pauses really wait, as read-idle timeouts need.
     */
    boolean pausesOnTheClock() default false;

    /** Threads serving each of the sandbox's two servers. */
    int threads() default 4;
}
