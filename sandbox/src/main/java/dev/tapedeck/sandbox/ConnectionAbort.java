package dev.tapedeck.sandbox;

import java.io.IOException;

/**
 * Thrown out of a handler to make the JDK server drop the connection: that is how a reset (no response at all) and
 * a truncated body (fewer bytes than the declared Content-Length) reach the client for real.
 */
final class ConnectionAbort extends IOException {
    private static final long serialVersionUID = 1L;

    ConnectionAbort(String reason) {
        super(reason);
    }
}
