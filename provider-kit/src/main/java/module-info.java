/**
 * The provider kit, for a provider's tests: the contract every provider passes against its sandbox emulator, test
 * fakes, and the published architecture rules. Its contracts are JUnit tests written with AssertJ and its rules
 * ArchUnit rules, so reading this module reads those libraries.
 */
// ArchUnit ships no module-info; its two names are the Automatic-Module-Names it publishes, stable names.
@SuppressWarnings("requires-transitive-automatic")
module dev.tapedeck.kit {
    requires transitive dev.tapedeck.core;
    requires transitive dev.tapedeck.sandbox;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires transitive org.assertj.core;
    requires transitive com.tngtech.archunit;
    requires transitive com.tngtech.archunit.junit5.api;
    requires java.net.http;

    exports dev.tapedeck.kit;
    exports dev.tapedeck.kit.fakes;
    exports dev.tapedeck.kit.rules;

    uses dev.tapedeck.spi.ProviderFactory;
}
