/**
 * The Notte provider: its factory is the only public type; the Feign interface and the wire records stay
 * internal, open to Jackson alone, which reads the records.
 */
module dev.tapedeck.provider.notte {
    requires dev.tapedeck.http;

    exports dev.tapedeck.provider.notte;

    opens dev.tapedeck.provider.notte.internal to com.fasterxml.jackson.databind;

    provides dev.tapedeck.spi.ProviderFactory with dev.tapedeck.provider.notte.NotteProviderFactory;
}
