package dev.tapedeck.provider.browserbase;

import dev.tapedeck.kit.ProviderContract;

/** Browserbase passes the provider contract against its sandbox emulator. */
class BrowserbaseProviderTest extends ProviderContract {

    BrowserbaseProviderTest() {
        super(new BrowserbaseProviderFactory());
    }
}
