package dev.tapedeck.http;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the test's SLF4J backend (slf4j-simple, writing to whatever {@code System.err} is at the time, with the
 * levels of {@code simplelogger.properties}) logged during one test: {@code System.err} is swapped for a buffer
 * before each test and restored after it.
 */
final class CapturedLog implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        logs.reset();
        originalErr = System.err;
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setErr(originalErr);
    }

    /** Everything logged so far in this test. */
    String text() {
        return logs.toString(StandardCharsets.UTF_8);
    }
}
