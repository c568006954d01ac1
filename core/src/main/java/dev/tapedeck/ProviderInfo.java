package dev.tapedeck;

import dev.tapedeck.model.Capabilities;
import java.util.Objects;

/**
 * A provider found by discovery.
 *
 * @param metadata     what the provider declares about itself
 * @param factoryClass the class that registered it, for diagnosing duplicates
 * @param source       where it came from: {@link #CLASS_PATH}, or the jar (or folder) of the class loader that
 *                     found it, e.g. a plug-in of the command line
 */
public record ProviderInfo(ProviderMetadata metadata, String factoryClass, String source) {

    /** The {@link #source} of a provider found on Tapedeck's own class path. */
    public static final String CLASS_PATH = "class path";

    /** Checks for nulls. */
    public ProviderInfo {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(factoryClass, "factoryClass");
        Objects.requireNonNull(source, "source");
    }

    /** Its id. */
    public String id() {
        return metadata.id();
    }

    /** Its name for people. */
    public String displayName() {
        return metadata.displayName();
    }

    /** What it supports. */
    public Capabilities capabilities() {
        return metadata.capabilities();
    }
}
