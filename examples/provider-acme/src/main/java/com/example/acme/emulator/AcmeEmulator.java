package com.example.acme.emulator;

import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.ProviderEmulator;

/**
 * Acme's API in the Tapedeck sandbox, written from Acme's API reference (never from the provider's classes), so that
 * {@code tapedeck --sandbox} and the provider kit work without an Acme account. Settings: {@code api_key}.
 */
public final class AcmeEmulator implements ProviderEmulator {

    /** The setting that changes the key the emulation accepts. */
    public static final String API_KEY = "api_key";

    @Override
    public String providerId() {
        return "acme";
    }

    @Override
    public Emulation start(EmulatorContext context) {
        return new AcmeEmulation(context, context.text(API_KEY, "acme-sandbox-key-0123456789abcdef"));
    }
}
