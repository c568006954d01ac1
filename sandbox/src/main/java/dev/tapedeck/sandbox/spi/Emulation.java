package dev.tapedeck.sandbox.spi;

/**
 * One provider's API running in a sandbox: it answers the calls routed to it and tells a client how to reach it.
 * Thread-safe: the sandbox serves calls from several threads.
 */
public interface Emulation extends ApiHandler {

    /** What a client of this provider needs to use the emulation: base URL, API key, extra settings. */
    ClientSettings clientSettings();
}
