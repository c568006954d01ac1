package dev.tapedeck.benchmarks.calls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link CallsBenchmark} pair by pair (Tapedeck, then its floor, in one run) and prints each pair's figures and
 * their ratio, Tapedeck's speed as a fraction of the floor's (1.0 = as fast; the target is 0.90 or more): warm (JMH
 * warm-up, then measured iterations in one forked JVM) and fresh (one call, or one whole history, timed in a new
 * JVM per fork). Every pair is run {@code --rounds} times; the median ratio is the figure. Then the history runs
 * in a child JVM with {@code -Xmx64m} ({@link HistoryHeap}).
 *
 * <p>{@code --sdk DIR}: in every round of the list and history pairs, the official AnchorBrowser TypeScript SDK
 * ({@link OfficialSdk}) does the same work too, and Tapedeck's speed is also given as a multiple of the SDK's (the
 * target is 2 or more).
 *
 * <p>{@code --smoke}: one short round over a 20-page history, for CI, so the benchmarks never rot; its figures mean
 * nothing.
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        boolean smoke = options.contains("--smoke");
        int rounds = smoke ? 1 : intOption(options, "--rounds", 3);
        int pages = smoke ? 20 : intOption(options, "--pages", 2000);
        int sdkAt = options.indexOf("--sdk");
        if (sdkAt >= 0 && sdkAt + 1 == options.size()) {
            throw new IllegalArgumentException("--sdk needs the folder the SDK is in; benchmarks/run calls --sdk "
                    + "passes it");
        }
        OfficialSdk sdk = sdkAt >= 0 ? OfficialSdk.in(Path.of(options.get(sdkAt + 1))) : null;
        System.out.printf("calls: %,d sessions in %,d pages; %d round(s); %s%n", pages * AnchorData.PAGE_SIZE, pages,
                rounds, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

        List<String> lines = new ArrayList<>();
        lines.add(pair("list recordings, warm", CallsBenchmark.class, "list", Mode.Throughput, smoke, pages, rounds,
                false, sdk));
        lines.add(pair("history, warm", CallsBenchmark.class, "history", Mode.AverageTime, smoke, pages, rounds,
                false, sdk));
        lines.add(pair("list recordings, fresh JVM", CallsBenchmark.class, "list", Mode.SingleShotTime, smoke, pages,
                rounds, true, sdk));
        lines.add(pair("history, fresh JVM", CallsBenchmark.class, "history", Mode.SingleShotTime, smoke, pages,
                rounds, true, sdk));
        lines.add(pair("transport, HttpClient ÷ HttpURLConnection, warm", TransportBenchmark.class, "list", Mode.Throughput,
                smoke, pages, rounds, false, null));
        try (StaticServer server = StaticServer.start(pages)) {
            lines.add(HistoryHeap.check(server, "64m"));
        }
        System.out.println();
        System.out.println("== calls: Tapedeck ÷ floor (raw HttpURLConnection + Jackson streaming) ==");
        lines.forEach(System.out::println);
    }

    /**
     * Runs {@code <name>Tapedeck} and {@code <name>Floor} of {@link CallsBenchmark} (or {@code httpClient} and
     * {@code urlConnection} of {@link TransportBenchmark}) {@code rounds} times; the lines of figures.
     */
    private static String pair(String title, Class<?> benchmark, String name, Mode mode, boolean smoke, int pages,
            int rounds, boolean fresh, OfficialSdk sdk) throws RunnerException, IOException, InterruptedException {
        boolean transport = benchmark == TransportBenchmark.class;
        String measured = transport ? "httpClient" : name + "Tapedeck";
        String floorName = transport ? "urlConnection" : name + "Floor";
        double[] ratios = new double[rounds];
        double[] overSdk = new double[rounds];
        StringBuilder figures = new StringBuilder();
        for (int round = 0; round < rounds; round++) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(benchmark.getName() + "\\.(" + measured + "|" + floorName + ")$")
                    .mode(mode)
                    .timeUnit(mode == Mode.Throughput ? TimeUnit.SECONDS : TimeUnit.MILLISECONDS)
                    .shouldFailOnError(true)
                    .verbosity(VerboseMode.SILENT);
            if (!transport) {
                options.param("pages", Integer.toString(pages));
            }
            if (fresh) {
                options.warmupIterations(0).measurementIterations(1).forks(smoke ? 1 : name.equals("list") ? 5 : 3);
            } else {
                TimeValue time = smoke ? TimeValue.milliseconds(200) : TimeValue.seconds(2);
                options.warmupIterations(smoke ? 1 : name.equals("list") ? 3 : 2).warmupTime(time)
                        .measurementIterations(smoke ? 1 : name.equals("list") ? 5 : 3).measurementTime(time)
                        .forks(1);
            }
            Collection<RunResult> results = new Runner(options.build()).run();
            double tapedeck = score(results, measured);
            double floor = score(results, floorName);
            ratios[round] = mode == Mode.Throughput ? tapedeck / floor : floor / tapedeck;
            String unit = mode == Mode.Throughput ? "calls/s" : "ms";
            figures.append(String.format(Locale.ROOT, "%s  [round %d: %s %.1f %s, %s %.1f %s, ratio %.2f",
                    round == 0 ? "" : "\n", round + 1, measured, tapedeck, unit, floorName, floor, unit,
                    ratios[round]));
            if (sdk != null) {
                double official = sdk.measure(name, fresh, smoke, pages, smoke ? 1 : name.equals("list") ? 5 : 3);
                overSdk[round] = mode == Mode.Throughput ? tapedeck / official : official / tapedeck;
                figures.append(String.format(Locale.ROOT, "; official TS SDK %.1f %s, Tapedeck %.2f× the SDK",
                        official, unit, overSdk[round]));
            }
            figures.append(']');
        }
        Arrays.sort(ratios);
        Arrays.sort(overSdk);
        String againstSdk = sdk == null ? "" : String.format(Locale.ROOT, "; %.2f× the official TS SDK",
                overSdk[rounds / 2]);
        return String.format(Locale.ROOT, "%-28s median ratio %.2f%s%n%s", title + ":", ratios[rounds / 2], againstSdk,
                figures);
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream().filter(result -> result.getParams().getBenchmark().endsWith("." + method))
                .findFirst().orElseThrow(() -> new IllegalStateException(method + " did not run"))
                .getPrimaryResult().getScore();
    }

    private static int intOption(List<String> options, String name, int otherwise) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? Integer.parseInt(options.get(at + 1)) : otherwise;
    }
}
