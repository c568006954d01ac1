/**
 * Tapedeck's neutral API: connections, the model, errors, the provider SPI, downloads and the archive. Providers
 * are found with {@link java.util.ServiceLoader}, on the module path through their {@code provides} clauses and on
 * the class path through {@code META-INF/services}. Vavr's {@code Either} is part of every signature, so reading
 * this module reads Vavr.
 */
module dev.tapedeck.core {
    requires transitive io.vavr;

    exports dev.tapedeck;
    exports dev.tapedeck.archive;
    exports dev.tapedeck.download;
    exports dev.tapedeck.model;
    exports dev.tapedeck.observe;
    exports dev.tapedeck.retry;
    exports dev.tapedeck.spi;
    exports dev.tapedeck.wait;

    uses dev.tapedeck.spi.ProviderFactory;
}
