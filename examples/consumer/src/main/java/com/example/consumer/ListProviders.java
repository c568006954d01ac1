package com.example.consumer;

import dev.tapedeck.ProviderInfo;
import dev.tapedeck.Tapedeck;
import java.util.List;
import java.util.stream.Collectors;

/** What a user's code looks like: ask Tapedeck which providers the classpath brought. */
public final class ListProviders {

    private ListProviders() {
    }

    /** The ids of the providers on the classpath, comma-separated. */
    public static String ids() {
        List<ProviderInfo> providers = Tapedeck.providers();
        return providers.stream().map(ProviderInfo::id).collect(Collectors.joining(","));
    }
}
