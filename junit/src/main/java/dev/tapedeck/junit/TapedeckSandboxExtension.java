package dev.tapedeck.junit;

import dev.tapedeck.Connection;
import dev.tapedeck.sandbox.Counters;
import dev.tapedeck.sandbox.Faults;
import dev.tapedeck.sandbox.ManualClock;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.spi.ProviderConfig;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link TapedeckSandbox}: starts the class's sandbox before its first test, resets it after
 * each, closes it after the last, and resolves the parameters that annotation lists. Use the annotation rather than
 * this class.
 */
public final class TapedeckSandboxExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TapedeckSandboxExtension.class);
    private static final String CLIENTS = "clients";

    private static final List<Class<?>> PLAIN = List.of(Sandbox.class, SandboxClients.class, ManualClock.class,
            Faults.class, Counters.class, ClockSleeper.class);
    private static final List<Class<?>> PER_PROVIDER = List.of(ClientSettings.class, ProviderConfig.class,
            Connection.class);

    /** Made by JUnit through {@link TapedeckSandbox}. */
    public TapedeckSandboxExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // a @Nested class finds its outer class's sandbox through the store and shares it
        if (context.getStore(NAMESPACE).get(CLIENTS, SandboxClients.class) == null) {
            context.getStore(NAMESPACE).put(CLIENTS, start(settingsOf(context)));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SandboxClients own = context.getStore(NAMESPACE).remove(CLIENTS, SandboxClients.class);
        if (own != null) {
            own.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        clients(context).testStarts();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        clients(context).testEnded();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return PLAIN.contains(type) || parameter.isAnnotated(SandboxProvider.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SandboxClients clients = clients(context);
        Class<?> type = parameter.getParameter().getType();
        Optional<SandboxProvider> provider = parameter.findAnnotation(SandboxProvider.class);
        if (provider.isEmpty()) {
            return plain(clients, type);
        }
        String id = provider.get().value();
        try {
            if (type == ClientSettings.class) {
                return clients.sandbox().clientSettings(id);
            } else if (type == ProviderConfig.class) {
                return clients.config(id).build();
            } else if (type == Connection.class) {
                return clients.connect(id);
            }
        } catch (IllegalArgumentException | IllegalStateException cannot) {
            throw new ParameterResolutionException("@SandboxProvider(\"" + id + "\") " + parameter.getParameter()
                    + ": " + cannot.getMessage(), cannot);
        }
        throw new ParameterResolutionException("@SandboxProvider(\"" + id + "\") cannot give a " + type.getName()
                + "; it gives " + names(PER_PROVIDER));
    }

    private static Object plain(SandboxClients clients, Class<?> type) {
        if (type == Sandbox.class) {
            return clients.sandbox();
        } else if (type == SandboxClients.class) {
            return clients;
        } else if (type == ManualClock.class) {
            return clients.clock();
        } else if (type == Faults.class) {
            return clients.sandbox().faults();
        } else if (type == Counters.class) {
            return clients.sandbox().counters();
        } else {
            return clients.sleeper();
        }
    }

    private static SandboxClients clients(ExtensionContext context) {
        SandboxClients clients = context.getStore(NAMESPACE).get(CLIENTS, SandboxClients.class);
        if (clients == null) {
            throw new ExtensionConfigurationException("no Tapedeck sandbox is running for " + context.getDisplayName()
                    + "; annotate the test class with @TapedeckSandbox");
        }
        return clients;
    }

    private static TapedeckSandbox settingsOf(ExtensionContext context) {
        return context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, TapedeckSandbox.class))
                .orElseThrow(() -> new ExtensionConfigurationException("register the Tapedeck sandbox with "
                        + "@TapedeckSandbox on the test class, not with @ExtendWith, so that it has its settings"));
    }

    private static SandboxClients start(TapedeckSandbox wanted) {
        ManualClock clock = new ManualClock(clockStart(wanted.clockStart()));
        SandboxOptions.Builder options = SandboxOptions.builder().clock(clock).seed(wanted.seed())
                .scenario(wanted.scenario()).threads(wanted.threads());
        for (String setting : wanted.settings()) {
            int dot = setting.indexOf('.');
            int eq = setting.indexOf('=');
            if (dot < 1 || eq < dot + 2) {
                throw new ExtensionConfigurationException("@TapedeckSandbox settings are provider.key=value, e.g. "
                        + "acme.ready_after=60; was '" + setting + "'");
            }
            options.setting(setting.substring(0, dot), setting.substring(dot + 1, eq), setting.substring(eq + 1));
        }
        if (wanted.pausesOnTheClock()) {
            options.pauser(clock::advance);
        }
        return new SandboxClients(Sandbox.start(options.build()), clock);
    }

    private static Instant clockStart(String text) {
        if (text.isBlank()) {
            return Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ExtensionConfigurationException("@TapedeckSandbox clockStart is an ISO-8601 instant such as "
                    + "2026-03-09T12:00:00Z; was '" + text + "'");
        }
    }

    private static String names(List<Class<?>> types) {
        return String.join(", ", types.stream().map(Class::getSimpleName).toList());
    }
}
