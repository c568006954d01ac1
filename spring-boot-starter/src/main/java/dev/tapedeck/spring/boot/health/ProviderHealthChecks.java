package dev.tapedeck.spring.boot.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link ProviderHealthCheck} of every configured provider, by id, which the health indicators of Spring Boot 3
 * and 4 report; closed, with the checks' connections, when the application stops.
 */
public final class ProviderHealthChecks implements AutoCloseable {

    private final Map<String, ProviderHealthCheck> byId;

    /** Holds {@code checks}, by their providers' ids. */
    public ProviderHealthChecks(List<ProviderHealthCheck> checks) {
        Map<String, ProviderHealthCheck> map = new LinkedHashMap<>();
        checks.forEach(check -> map.put(check.provider(), check));
        this.byId = Collections.unmodifiableMap(map);
    }

    /** The checks by provider id. */
    public Map<String, ProviderHealthCheck> byId() {
        return byId;
    }

    @Override
    public void close() {
        byId.values().forEach(ProviderHealthCheck::close);
    }
}
