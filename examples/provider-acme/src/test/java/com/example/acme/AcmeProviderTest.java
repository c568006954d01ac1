package com.example.acme;

import dev.tapedeck.kit.ProviderContract;

/** Acme passes the contract every provider passes, against its own sandbox emulator. */
class AcmeProviderTest extends ProviderContract {

    AcmeProviderTest() {
        super(new AcmeProviderFactory());
    }
}
