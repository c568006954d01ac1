package dev.tapedeck.spring.boot;

import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.sandbox.spi.ClientSettings;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What the starter's tests give Spring: the {@code tapedeck.providers.<id>.*} properties that reach the sandbox,
 * and an application with the starter whose connections wait on the sandbox's clock instead of sleeping.
 */
public final class TapedeckTestApplication {

    private TapedeckTestApplication() {
    }

    /** The properties of provider {@code id} in the sandbox: its key, base URL and settings, as a user writes them. */
    public static String[] provider(SandboxClients sandbox, String id) {
        ClientSettings settings = sandbox.sandbox().clientSettings(id);
        List<String> lines = new ArrayList<>();
        lines.add("tapedeck.providers." + id + ".api-key=" + settings.apiKey());
        lines.add("tapedeck.providers." + id + ".base-url=" + settings.baseUrl());
        settings.settings().forEach((key, value) -> lines.add("tapedeck.providers." + id + ".settings."
                + key.replace('_', '-') + "=" + value));
        return lines.toArray(String[]::new);
    }

    /** An application with the starter's auto-configuration, waiting on {@code sandbox}'s clock. */
    public static ApplicationContextRunner against(SandboxClients sandbox) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TapedeckAutoConfiguration.class))
                .withBean("sandboxClock", ProviderConfigCustomizer.class,
                        () -> (id, config) -> config.clock(sandbox.clock()).sleeper(sandbox.sleeper()));
    }
}
