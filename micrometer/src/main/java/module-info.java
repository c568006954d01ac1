/**
 * Tapedeck's metrics on a Micrometer {@code MeterRegistry}: an observer the configuration takes, so core never
 * depends on Micrometer. The registry is part of the signatures, so reading this module reads Micrometer.
 */
// Micrometer ships no module-info; micrometer.core is the Automatic-Module-Name it publishes, a stable name.
@SuppressWarnings("requires-transitive-automatic")
module dev.tapedeck.micrometer {
    requires transitive dev.tapedeck.core;
    requires transitive micrometer.core;

    exports dev.tapedeck.micrometer;
}
