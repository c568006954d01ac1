package dev.tapedeck.provider.anchor;

import dev.tapedeck.kit.ProviderContract;

/** AnchorBrowser passes the provider contract against its sandbox emulator. */
class AnchorProviderTest extends ProviderContract {

    AnchorProviderTest() {
        super(new AnchorProviderFactory());
    }
}
