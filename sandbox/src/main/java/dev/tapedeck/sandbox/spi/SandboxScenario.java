package dev.tapedeck.sandbox.spi;

/**
 * Which data the emulators serve. The default, {@link #DEMO}, reads like real agent sessions, so that a demo shows
 * what a user would see; {@link #HOSTILE} adds what only tests should meet: provider values built to attack a
 * client (suggested file names that climb out of the target folder, absolute paths). Emulators that have nothing
 * hostile to add serve the same data in both.
 */
public enum SandboxScenario {
    /** Realistic data only: the default. */
    DEMO,
    /** The demo data plus hostile names and payloads, for tests that check a client withstands them. */
    HOSTILE
}
