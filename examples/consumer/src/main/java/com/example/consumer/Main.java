package com.example.consumer;

import dev.tapedeck.ProviderInfo;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.archive.ArchiveSummary;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.spi.ProviderConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;

/**
 * The example as an application: prints where it and each provider were loaded from (a named module, or the class
 * path), then archives the three newest AnchorBrowser sessions into the folder given as the argument
 * ({@code ANCHOR_API_KEY}, {@code ANCHOR_BASE_URL}) with the metrics on a registry of its own. On the module path:
 * {@code java --module-path target/classes:LIBS --module com.example.consumer/com.example.consumer.Main FOLDER}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        System.out.println("consumer: " + where(Main.class.getModule()));
        System.out.println("core: " + where(Tapedeck.class.getModule()));
        for (ProviderInfo provider : Tapedeck.providers()) {
            System.out.println("provider " + provider.id() + ": "
                    + where(Class.forName(provider.factoryClass()).getModule()));
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ArchiveSummary summary = ArchiveWithMetrics.newestSessions(ProviderConfig.builder(), registry,
                Path.of(args.length > 0 ? args[0] : "archive"), 3);
        System.out.println("archived: " + summary.count(DownloadStatus.DOWNLOADED) + " downloaded, "
                + registry.get("tapedeck.calls").timers().size() + " call timers");
    }

    private static String where(Module module) {
        if (!module.isNamed()) {
            return "the class path";
        }
        return (module.getDescriptor().isAutomatic() ? "automatic module " : "module ") + module.getName();
    }
}
