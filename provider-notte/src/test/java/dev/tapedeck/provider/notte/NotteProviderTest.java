package dev.tapedeck.provider.notte;

import dev.tapedeck.kit.ProviderContract;

/** NotteBrowser passes the provider contract against its sandbox emulator. */
class NotteProviderTest extends ProviderContract {

    NotteProviderTest() {
        super(new NotteProviderFactory());
    }
}
