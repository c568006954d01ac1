package dev.tapedeck.benchmarks.calls;

import static dev.tapedeck.model.TapedeckException.orThrow;

import dev.tapedeck.Connection;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.spi.ProviderConfig;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Listing one session's recordings and walking the whole session history, through Tapedeck's AnchorBrowser
 * provider and through the floor ({@link FloorClient}), against the same {@link StaticServer} in the same JVM.
 * Modes, iterations and forks are chosen by {@link Report}, which pairs each Tapedeck benchmark with its floor.
 */
@State(Scope.Benchmark)
public class CallsBenchmark {

    /** History pages of 50 sessions: 2,000 pages are 100,000 sessions. */
    @Param("2000")
    public int pages;

    private StaticServer server;
    private Connection anchor;
    private FloorClient floor;
    private SessionQuery everything;

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = StaticServer.start(pages);
        ProviderConfig config = ProviderConfig.builder().apiKey(StaticServer.API_KEY).baseUrl(server.baseUrl())
                .build();
        anchor = orThrow(Tapedeck.connect("anchor", config));
        floor = new FloorClient(server.baseUrl());
        everything = SessionQuery.builder().pageSize(AnchorData.PAGE_SIZE).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        anchor.close();
        server.close();
    }

    /** One call: the recordings of a session, mapped to neutral recordings. */
    @Benchmark
    public List<Recording> listTapedeck() {
        return orThrow(anchor.recordings().recordings(SessionId.of("sess_0001")));
    }

    /** The same call, raw. */
    @Benchmark
    public List<FloorClient.FloorRecording> listFloor() throws IOException {
        return floor.recordings("sess_0001");
    }

    /** The whole history, every session mapped and touched. */
    @Benchmark
    public long historyTapedeck() {
        try (Stream<Session> sessions = orThrow(anchor.history().sessions(everything))) {
            return sessions.mapToLong(session -> session.id().value().length()).sum();
        }
    }

    /** The same history, raw. */
    @Benchmark
    public long historyFloor() throws IOException {
        return floor.history();
    }
}
