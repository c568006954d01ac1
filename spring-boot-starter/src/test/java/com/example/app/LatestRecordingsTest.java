package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.model.TapedeckException;
import dev.tapedeck.spring.boot.TapedeckTestApplication;
import org.junit.jupiter.api.Test;

/** The README's Spring Boot example in an application configured as the README shows, against the sandbox. */
@TapedeckSandbox
class LatestRecordingsTest {

    @Test
    void theBeanListsASessionsRecordingsThroughTheConfiguredProvider(SandboxClients sandbox) {
        TapedeckTestApplication.against(sandbox).withPropertyValues(TapedeckTestApplication.provider(sandbox,
                "anchor")).withPropertyValues("tapedeck.providers.anchor.overall-timeout=2m",
                "tapedeck.health.cache-for=5m").withBean(LatestRecordings.class).run(context -> {
                    LatestRecordings latest = context.getBean(LatestRecordings.class);

                    assertThat(latest.of("sess_0002")).isNotEmpty()
                            .allSatisfy(recording -> assertThat(recording.provider()).isEqualTo("anchor"));
                    assertThatThrownBy(() -> latest.of("sess_9999")).isInstanceOfSatisfying(TapedeckException.class,
                            thrown -> assertThat(thrown.error()).isInstanceOf(TapedeckError.NotFound.class));
                });
    }
}
