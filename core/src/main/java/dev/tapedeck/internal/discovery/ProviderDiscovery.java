package dev.tapedeck.internal.discovery;

import dev.tapedeck.ProviderInfo;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SpiVersion;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderFactory;
import io.vavr.control.Either;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One pass of {@link ServiceLoader} over the given class loader and core's own, remembering what failed and what
 * was refused.
 *
 * @param factories the working factories by id, each id with every class that claimed it
 * @param broken    one line per provider that could not be loaded
 * @param refused   one line per provider id whose factory was refused (built for an SPI version that does not run
 *                  here), by id
 */
public record ProviderDiscovery(Map<String, List<ProviderFactory>> factories, List<String> broken,
        Map<String, String> refused) {

    /** A loader that fails this often in a row is given up on. */
    private static final int MAX_FAILURES_IN_A_ROW = 64;

    /** Discovers through {@code loader} (may be null) and then through core's own class loader. */
    public static ProviderDiscovery discover(ClassLoader loader) {
        ClassLoader own = ProviderDiscovery.class.getClassLoader();
        return discoverIn(loader == null || loader == own ? List.of(own) : List.of(loader, own));
    }

    /** Discovers through exactly {@code loaders}, in order; a factory class seen twice counts once. */
    public static ProviderDiscovery discoverIn(List<ClassLoader> loaders) {
        Map<String, List<ProviderFactory>> byId = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        List<String> broken = new ArrayList<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (ClassLoader candidate : loaders) {
            Iterator<ProviderFactory> it = ServiceLoader.load(ProviderFactory.class, candidate).iterator();
            int failuresInARow = 0;
            while (failuresInARow < MAX_FAILURES_IN_A_ROW) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    ProviderFactory factory = it.next();
                    failuresInARow = 0;
                    if (seen.add(factory.getClass())) {
                        ProviderMetadata metadata = checkedMetadata(factory);
                        Optional<String> refusal = refusal(factory, metadata);
                        if (refusal.isPresent()) {
                            refused.put(metadata.id(), refusal.get());
                        } else {
                            byId.computeIfAbsent(metadata.id(), id -> new ArrayList<>()).add(factory);
                        }
                    }
                } catch (ServiceConfigurationError | RuntimeException | LinkageError failure) {
                    // One broken jar must not hide the others: record it and keep iterating, but not forever
                    // when the loader itself keeps failing.
                    failuresInARow++;
                    broken.add(describe(failure));
                }
            }
        }
        return new ProviderDiscovery(byId, broken, refused);
    }

    /** Every provider that failed to load or was refused, one line each, refused ones first. */
    public List<String> problems() {
        List<String> all = new ArrayList<>(refused.values());
        all.addAll(broken);
        return List.copyOf(all);
    }

    /**
     * Why {@code factory} must not be used, when its SPI version does not run on {@link SpiVersion#CURRENT}: the
     * rule of {@link SpiVersion#runsOn}, or a version that is not {@code MAJOR.MINOR} at all.
     */
    private static Optional<String> refusal(ProviderFactory factory, ProviderMetadata metadata) {
        SpiVersion spoken = SpiVersion.current();
        Optional<SpiVersion> built = SpiVersion.parse(metadata.spiVersion());
        if (built.isPresent() && built.get().runsOn(spoken)) {
            return Optional.empty();
        }
        String declared = built.map(SpiVersion::toString).orElse("'" + printable(metadata.spiVersion()) + "'");
        return Optional.of("provider '" + metadata.id() + "' (" + factory.getClass().getName() + ", from "
                + source(factory.getClass()) + ") was built for Tapedeck provider SPI " + declared
                + ", but this Tapedeck speaks SPI " + spoken + "; use a version of the provider built for SPI "
                + spoken.major() + ".x (at most " + spoken + "), or a Tapedeck that speaks SPI " + declared);
    }

    /** The working providers, sorted by id; for a duplicated id, the first one found. */
    public List<ProviderInfo> providers() {
        List<ProviderInfo> infos = new ArrayList<>();
        for (List<ProviderFactory> list : factories.values()) {
            ProviderFactory f = list.get(0);
            try {
                infos.add(new ProviderInfo(f.metadata(), f.getClass().getName(), source(f.getClass())));
            } catch (RuntimeException | LinkageError broken) {
                // A factory that cannot describe itself is left out of the list; connect() reports it.
                continue;
            }
        }
        infos.sort(Comparator.comparing(ProviderInfo::id));
        return infos;
    }

    /**
     * Connects to {@code id}, turning a factory that throws instead of answering into a
     * {@link TapedeckError.Misconfigured} that names its class; a malformed {@code <ID>_RATE_LIMIT} is refused
     * before the factory is asked.
     */
    public Either<TapedeckError, dev.tapedeck.Connection> connect(String id, dev.tapedeck.spi.ProviderConfig config) {
        return factory(id).flatMap(factory -> {
            try {
                Either<TapedeckError, ?> rateLimit = config.rateLimit(id, factory.metadata().rateLimit());
                if (rateLimit.isLeft()) {
                    return Either.left(rateLimit.getLeft());
                }
                Either<TapedeckError, dev.tapedeck.Connection> connection = factory.connect(config);
                return connection == null
                        ? Either.left(brokenFactory(id, factory, "connect returned null"))
                        : connection;
            } catch (RuntimeException | LinkageError failure) {
                return Either.left(brokenFactory(id, factory, describe(failure)));
            }
        });
    }

    private static TapedeckError brokenFactory(String id, ProviderFactory factory, String what) {
        return new TapedeckError.Misconfigured(id, "provider '" + id + "' (" + factory.getClass().getName()
                + ") failed while connecting: " + what + "; this is a bug in that provider jar");
    }

    private static ProviderMetadata checkedMetadata(ProviderFactory factory) {
        ProviderMetadata metadata;
        try {
            metadata = factory.metadata();
        } catch (AbstractMethodError olderSpi) {
            // SPI 1.x factories had id()/displayName()/capabilities() and no metadata(): compiled against it, the
            // class links but lacks the method.
            throw new IllegalStateException(factory.getClass().getName() + " (from " + source(factory.getClass())
                    + ") was built for Tapedeck provider SPI 1.x, which had no metadata(), but this Tapedeck speaks"
                    + " SPI " + SpiVersion.current() + "; use a version of the provider built for SPI "
                    + SpiVersion.current().major() + ".x", olderSpi);
        }
        if (metadata == null) {
            throw new IllegalStateException(factory.getClass().getName() + " returned no metadata");
        }
        return metadata;
    }

    /**
     * Where {@code type} came from: {@link ProviderInfo#CLASS_PATH} when Tapedeck's own class loader sees the same
     * class, else the jar or folder it was loaded from (a plug-in), else the name of its class loader.
     */
    static String source(Class<?> type) {
        ClassLoader own = ProviderDiscovery.class.getClassLoader();
        try {
            if (Class.forName(type.getName(), false, own) == type) {
                return ProviderInfo.CLASS_PATH;
            }
        } catch (ClassNotFoundException | LinkageError notOnOurPath) {
            // a plug-in's class: described below
        }
        CodeSource code = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        if (code != null && code.getLocation() != null) {
            try {
                return Path.of(code.getLocation().toURI()).toString();
            } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                return code.getLocation().toString();
            }
        }
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader.getName() == null ? String.valueOf(loader) : loader.getName();
    }

    private static String printable(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    /** The one factory with {@code id}, or a specific error. */
    public Either<TapedeckError, ProviderFactory> factory(String id) {
        List<ProviderFactory> matches = factories.getOrDefault(id, List.of());
        if (matches.isEmpty() && refused.containsKey(id)) {
            return Either.left(new TapedeckError.Misconfigured(id, refused.get(id)));
        }
        if (matches.size() == 1) {
            return Either.right(matches.get(0));
        }
        if (matches.size() > 1) {
            return Either.left(new TapedeckError.Misconfigured(id, "provider id '" + id + "' is registered by "
                    + matches.size() + " classes: " + matches.stream().map(f -> f.getClass().getName())
                            .collect(Collectors.joining(", "))
                    + "; keep only one of their jars on the classpath"));
        }
        String brokenNote = broken.isEmpty() ? "" : "; some providers failed to load: " + String.join("; ", broken);
        if (factories.isEmpty()) {
            return Either.left(new TapedeckError.Misconfigured(id, "no Tapedeck provider is on the classpath"
                    + brokenNote + ". Add a provider jar (dev.tapedeck:tapedeck-provider-<id>, or your own); in a shaded"
                    + " jar, merge META-INF/services with the ServicesResourceTransformer"));
        }
        return Either.left(new TapedeckError.Misconfigured(id, "no provider with id '" + id + "'; known providers: "
                + String.join(", ", factories.keySet().stream().sorted().collect(Collectors.toList())) + brokenNote));
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        StringBuilder text = new StringBuilder(failure.getMessage() == null
                ? failure.getClass().getSimpleName() : failure.getMessage());
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            text.append(" (caused by ").append(root.getClass().getSimpleName()).append(": ")
                    .append(root.getMessage()).append(')');
        }
        return text.toString();
    }
}
