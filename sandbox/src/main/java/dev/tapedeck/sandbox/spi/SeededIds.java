package dev.tapedeck.sandbox.spi;

import java.util.Random;
import java.util.UUID;

/** Ids that look like a provider's real ones, made from an emulation's seeded random, so a seed gives the same ids. */
public final class SeededIds {

    private SeededIds() {
    }

    /** A random (version 4, IETF variant) UUID in its usual lower-case text, drawn from {@code random}. */
    public static String uuid(Random random) {
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
    }
}
