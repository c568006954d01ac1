package dev.tapedeck.provider.hyperbrowser;

import dev.tapedeck.kit.ProviderContract;

/** Hyperbrowser passes the provider contract against its sandbox emulator. */
class HyperbrowserProviderTest extends ProviderContract {

    HyperbrowserProviderTest() {
        super(new HyperbrowserProviderFactory());
    }
}
