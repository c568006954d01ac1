/**
 * The AnchorBrowser provider: its factory is the only public type; the Feign interface and the wire records stay
 * internal, open to Jackson alone, which reads the records.
 */
module dev.tapedeck.provider.anchor {
    requires dev.tapedeck.http;

    exports dev.tapedeck.provider.anchor;

    opens dev.tapedeck.provider.anchor.internal to com.fasterxml.jackson.databind;

    provides dev.tapedeck.spi.ProviderFactory with dev.tapedeck.provider.anchor.AnchorProviderFactory;
}
