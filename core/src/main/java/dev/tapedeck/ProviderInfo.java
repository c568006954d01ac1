package dev.tapedeck;

import dev.tapedeck.model.Capabilities;
import java.util.Objects;

/**
 * A provider found on the classpath.
 *
 * @param id           its id
 * @param displayName  its name for people
 * @param capabilities what it supports
 * @param factoryClass the class that registered it, for diagnosing duplicates
 */
public record ProviderInfo(String id, String displayName, Capabilities capabilities, String factoryClass) {
    /** Checks for nulls. */
    public ProviderInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(factoryClass, "factoryClass");
    }
}
