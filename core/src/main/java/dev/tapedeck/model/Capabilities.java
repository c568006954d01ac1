package dev.tapedeck.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one provider supports: its operations and, for session history, how it supports each filter.
 *
 * @param operations     supported operations
 * @param historyFilters how each neutral filter is supported; a filter not in the map is refused
 */
public record Capabilities(Set<Capability> operations, Map<SessionFilter, FilterSupport> historyFilters) {

    /** Freezes both collections. */
    public Capabilities {
        operations = Collections.unmodifiableSet(operations.isEmpty()
                ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(operations));
        historyFilters = Collections.unmodifiableMap(historyFilters.isEmpty()
                ? new EnumMap<>(SessionFilter.class) : new EnumMap<>(historyFilters));
    }

    /** Starts an empty set of capabilities. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the provider supports {@code capability}. */
    public boolean supports(Capability capability) {
        return operations.contains(capability);
    }

    /** How the provider supports {@code filter}, empty when it does not. */
    public Optional<FilterSupport> support(SessionFilter filter) {
        return Optional.ofNullable(historyFilters.get(filter));
    }

    /** A short human-readable list such as {@code list_recordings, pause_resume}. */
    public String describe() {
        return operations.stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** Mutable builder. */
    public static final class Builder {
        private final Set<Capability> operations = EnumSet.noneOf(Capability.class);
        private final Map<SessionFilter, FilterSupport> filters = new EnumMap<>(SessionFilter.class);

        private Builder() {
        }

        /** Adds operations. */
        public Builder supports(Capability... capabilities) {
            Collections.addAll(operations, capabilities);
            return this;
        }

        /** Declares how a history filter is supported. */
        public Builder filter(SessionFilter filter, FilterSupport support) {
            filters.put(Objects.requireNonNull(filter), Objects.requireNonNull(support));
            return this;
        }

        /** Builds the immutable capabilities. */
        public Capabilities build() {
            return new Capabilities(operations, filters);
        }
    }
}
