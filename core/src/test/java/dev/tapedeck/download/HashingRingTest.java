package dev.tapedeck.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The ring hashes exactly what it is handed, in order, in at most its few buffers, and an interrupt ends a wait. */
class HashingRingTest {

    @Test
    void theBackgroundHashIsTheHashOfEveryByteHandedOverInOrderThroughAtMostFourBuffers() throws Exception {
        Random random = new Random(14);
        MessageDigest background = Hashing.sha256();
        MessageDigest direct = Hashing.sha256();
        Set<byte[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        try (HashingRing ring = new HashingRing((bytes, length) -> background.update(bytes, 0, length))) {
            for (int i = 0; i < 200; i++) {
                byte[] buffer = ring.buffer();
                arrays.add(buffer);
                int length = 1 + random.nextInt(buffer.length);
                random.nextBytes(buffer);
                direct.update(buffer, 0, length);
                ring.hand(length);
            }
            ring.await();
            assertThat(Hashing.hex(background.digest())).isEqualTo(Hashing.hex(direct.digest()));
        }
        assertThat(arrays).hasSizeLessThanOrEqualTo(HashingRing.BUFFERS);
    }

    @Test
    void aClosedRingLeavesItsBuffersToTheNextRingWhichHashesOnlyWhatItIsHanded() throws Exception {
        for (int i = 0; i < HashingRing.SPARE_BUFFERS; i++) {
            new HashingRing((bytes, length) -> { }).buffer(); // takes what earlier rings left, never gives it back
        }
        Set<byte[]> first = Collections.newSetFromMap(new IdentityHashMap<>());
        try (HashingRing ring = new HashingRing((bytes, length) -> { })) {
            for (int i = 0; i < HashingRing.BUFFERS; i++) {
                byte[] buffer = ring.buffer();
                first.add(buffer);
                Arrays.fill(buffer, (byte) 0x5a);
                ring.hand(buffer.length);
            }
            ring.await();
        }
        MessageDigest background = Hashing.sha256();
        try (HashingRing next = new HashingRing((bytes, length) -> background.update(bytes, 0, length))) {
            byte[] reused = next.buffer();
            assertThat(first).as("a buffer of the closed ring").contains(reused);
            reused[0] = 1;
            reused[1] = 2;
            next.hand(2);
            next.await();
        }
        assertThat(Hashing.hex(background.digest())).isEqualTo(Hashing.hex(Hashing.sha256().digest(new byte[] {1, 2})));
    }

    @Test
    void aTransferThatOutrunsItsHashingWaitsAndAnInterruptEndsTheWaitKeepingTheFlag() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        try (HashingRing ring = new HashingRing((bytes, length) -> awaitQuietly(release))) {
            Thread transfer = new Thread(() -> {
                try {
                    for (int i = 0; i <= HashingRing.BUFFERS + 1; i++) {
                        ring.buffer();
                        ring.hand(1);
                    }
                } catch (Throwable stopped) {
                    outcome.set(stopped);
                    flagAfter.set(Thread.currentThread().isInterrupted());
                }
            });
            transfer.start();
            while (transfer.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            transfer.interrupt();
            transfer.join(TimeUnit.MINUTES.toMillis(1));
            release.countDown();
        }
        assertThat(outcome.get()).isInstanceOf(InterruptedIOException.class);
        assertThat(flagAfter.get()).isTrue();
    }

    @Test
    void awaitReportsASinkThatFailed() throws Exception {
        try (HashingRing ring = new HashingRing((bytes, length) -> {
            throw new IllegalStateException("broken sink");
        })) {
            ring.buffer();
            ring.hand(1);
            assertThatThrownBy(ring::await).hasMessageContaining("broken sink");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }
}
