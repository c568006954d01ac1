package dev.tapedeck.provider.steel;

import dev.tapedeck.kit.ProviderContract;

/** Steel passes the provider contract against its sandbox emulator. */
class SteelProviderTest extends ProviderContract {

    SteelProviderTest() {
        super(new SteelProviderFactory());
    }
}
