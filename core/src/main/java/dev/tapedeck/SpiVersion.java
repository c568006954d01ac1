package dev.tapedeck;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version of the provider SPI, {@code MAJOR.MINOR}. A provider states the version it was compiled against in its
 * {@link ProviderMetadata} by passing {@link #CURRENT}, a compile-time constant that javac copies into the provider's
 * class, so the value travels with the provider jar (the idea of SLF4J's {@code getRequestedApiVersion}).
 *
 * <p>The rule: a provider built for {@code M.n} runs on a Tapedeck that speaks {@code M.m} with {@code m >= n}.
 * Another major version changed the SPI incompatibly; a newer minor version may call what this Tapedeck lacks.
 * Discovery refuses any other provider with a message naming both versions.
 *
 * @param major incompatible changes
 * @param minor compatible additions
 */
public record SpiVersion(int major, int minor) {

    /** The SPI version this Tapedeck speaks; pass it to {@link ProviderMetadata#builder}. */
    public static final String CURRENT = "2.0";

    private static final Pattern FORM = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

    /** Checks for non-negative parts. */
    public SpiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("SPI version parts must not be negative: " + major + "." + minor);
        }
    }

    /** The version {@link #CURRENT}. */
    public static SpiVersion current() {
        return parse(CURRENT).orElseThrow();
    }

    /** {@code text} as a version, empty unless it has the form {@code MAJOR.MINOR}. */
    public static Optional<SpiVersion> parse(String text) {
        Matcher m = FORM.matcher(Objects.requireNonNullElse(text, "").strip());
        return m.matches() ? Optional.of(new SpiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** Whether a provider built for this version runs on a Tapedeck speaking {@code spoken}. */
    public boolean runsOn(SpiVersion spoken) {
        return major == spoken.major && minor <= spoken.minor;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
