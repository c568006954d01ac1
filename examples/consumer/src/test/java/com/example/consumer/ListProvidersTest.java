package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapedeck.Tapedeck;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListProvidersTest {

    @Test
    void theProviderJarOnTheClasspathIsDiscovered() {
        assertEquals("anchor", ListProviders.ids());
    }

    @Test
    void connectingWithoutAKeySaysWhichVariableToSet() {
        ProviderConfig noKey = ProviderConfig.builder().environment(name -> Optional.empty()).build();
        TapedeckError error = Tapedeck.connect("anchor", noKey).getLeft();
        assertTrue(error.message().contains("ANCHOR_API_KEY"), error.message());
    }
}
