package dev.tapedeck;

import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.ProviderFilter;

/** Metadata of the test providers of core's tests. */
public final class TestMetadata {

    private TestMetadata() {
    }

    /** Provider {@code id} with {@code capabilities} and the given provider filters, built for the current SPI. */
    public static ProviderMetadata of(String id, Capabilities capabilities, ProviderFilter... filters) {
        return ProviderMetadata.builder(id, id.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + id.substring(1),
                        SpiVersion.CURRENT)
                .documentation("https://docs.example.com/" + id)
                .defaultBaseUrl("https://api.example.com/" + id)
                .capabilities(capabilities)
                .providerFilters(filters)
                .build();
    }
}
