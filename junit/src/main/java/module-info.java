/**
 * {@code @TapedeckSandbox}: one sandbox per test class as a JUnit 5 extension, injected with its client settings.
 * Tests hold the sandbox's and core's types and JUnit's, so reading this module reads all three.
 */
module dev.tapedeck.junit {
    requires transitive dev.tapedeck.core;
    requires transitive dev.tapedeck.sandbox;
    requires transitive org.junit.jupiter.api;

    exports dev.tapedeck.junit;
}
