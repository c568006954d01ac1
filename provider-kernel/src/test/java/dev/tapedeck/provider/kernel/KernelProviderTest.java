package dev.tapedeck.provider.kernel;

import dev.tapedeck.kit.ProviderContract;

/** Kernel passes the provider contract against its sandbox emulator. */
class KernelProviderTest extends ProviderContract {

    KernelProviderTest() {
        super(new KernelProviderFactory());
    }
}
