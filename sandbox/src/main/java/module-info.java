/**
 * The embedded sandbox: the JDK's HTTP server emulating every provider found through {@link java.util.ServiceLoader}
 * (the bundled ones, and any jar that {@code provides} a {@link dev.tapedeck.sandbox.spi.ProviderEmulator}) plus a
 * media host. The emulator SPI hands out the JDK server's headers and Jackson trees, so reading this module reads
 * {@code jdk.httpserver} and Jackson.
 */
module dev.tapedeck.sandbox {
    requires transitive jdk.httpserver;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;

    exports dev.tapedeck.sandbox;
    exports dev.tapedeck.sandbox.anchor;
    exports dev.tapedeck.sandbox.browserbase;
    exports dev.tapedeck.sandbox.kataven;
    exports dev.tapedeck.sandbox.notte;
    exports dev.tapedeck.sandbox.steel;
    exports dev.tapedeck.sandbox.hyperbrowser;
    exports dev.tapedeck.sandbox.kernel;
    exports dev.tapedeck.sandbox.spi;

    uses dev.tapedeck.sandbox.spi.ProviderEmulator;

    provides dev.tapedeck.sandbox.spi.ProviderEmulator with dev.tapedeck.sandbox.anchor.AnchorEmulator,
            dev.tapedeck.sandbox.notte.NotteEmulator, dev.tapedeck.sandbox.kataven.KatavenEmulator,
            dev.tapedeck.sandbox.browserbase.BrowserbaseEmulator, dev.tapedeck.sandbox.steel.SteelEmulator,
            dev.tapedeck.sandbox.hyperbrowser.HyperbrowserEmulator,
            dev.tapedeck.sandbox.kernel.KernelEmulator;
}
