package dev.tapedeck.kit.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A held pause waits for its release; an unheld one, or one after the release, returns at once. */
class HeldPauserTest {

    @Test
    void aHeldPauseReturnsOnlyOnceReleased() throws Exception {
        HeldPauser pauser = new HeldPauser();
        pauser.pause(Duration.ofHours(1));
        pauser.hold();
        CountDownLatch returned = new CountDownLatch(1);
        Thread serving = new Thread(() -> {
            try {
                pauser.pause(Duration.ofSeconds(1));
                returned.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        serving.start();

        assertThat(returned.getCount()).as("still held").isEqualTo(1);
        pauser.release();
        // a safety net against a hung thread, not a measurement
        assertThat(returned.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(pauser.gaveUp()).isFalse();
        pauser.pause(Duration.ofHours(1));
    }
}
