package dev.tapedeck.spi;

import java.util.Objects;

/** A credential that never prints itself: {@code toString} shows a mask, only {@link #reveal()} gives the value. */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a non-blank value. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        if (value.isBlank()) {
            throw new IllegalArgumentException("secret is blank");
        }
        return new Secret(value.strip());
    }

    /** The value, for the one place that sends it. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
