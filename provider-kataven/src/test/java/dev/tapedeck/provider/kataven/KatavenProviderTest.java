package dev.tapedeck.provider.kataven;

import dev.tapedeck.kit.ProviderContract;

/** Kataven Hub passes the provider contract against its sandbox emulator. */
class KatavenProviderTest extends ProviderContract {

    KatavenProviderTest() {
        super(new KatavenProviderFactory());
    }
}
