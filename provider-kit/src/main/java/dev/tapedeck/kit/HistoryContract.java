package dev.tapedeck.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tapedeck.Connection;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.kit.fakes.ForwardingReplies;
import dev.tapedeck.kit.fakes.ScriptedServer;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionFilter;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.Sort;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.model.TapedeckException;
import dev.tapedeck.sandbox.Origin;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Session history pages without ever looping, even on a server that answers every page with the first; and what
 * the metadata does not declare (a capability, a neutral filter, a provider filter) is refused as Unsupported naming
 * the provider, before any request.
 */
public interface HistoryContract {

    /** The page size the paging check asks for: small, so that a seeded history spans several pages. */
    int PAGE_SIZE = 2;

    /** The fixture of the running test. */
    ProviderFixture fixture();

    @Test
    default void pagingStopsOnAPageThatRepeats() {
        ProviderFixture kit = fixture();
        if (refusedWithoutHistory()) {
            return;
        }
        SessionQuery query = SessionQuery.builder().pageSize(PAGE_SIZE).build();
        Page<Session> first = kit.connect().history().fetchPage(query, Optional.empty()).get();
        assertThat(first.next()).as("the emulator's history must span more than one page of %s for this check",
                PAGE_SIZE).isPresent();
        ScriptedServer server = kit.server(ForwardingReplies.repeatingFirstAnswerPerPath(kit.apiOrigin()));
        Connection looping = kit.connect(kit.configAt(kit.baseUrlOn(server)).build());

        List<Session> listed = looping.history().sessions(query).get().toList();

        assertThat(listed).extracting(Session::id).doesNotHaveDuplicates()
                .containsExactlyElementsOf(first.items().stream().map(Session::id).toList());
        assertThat(server.requests()).as("requests: the first page, then the same page once").isEqualTo(2);
    }

    @Test
    default void aFailureOnALaterPageSurfacesFromTheStreamAfterTheEarlierSessions() {
        ProviderFixture kit = fixture();
        if (refusedWithoutHistory()) {
            return;
        }
        Connection connection = kit.connect();
        Iterator<Session> sessions = connection.history().sessions(SessionQuery.builder().pageSize(PAGE_SIZE)
                .build()).get().iterator();
        kit.sandbox().faults().failNext(Origin.API, 1, 401);
        List<Session> seen = new ArrayList<>();

        TapedeckException thrown = catchThrowableOfType(TapedeckException.class,
                () -> sessions.forEachRemaining(seen::add));

        assertThat(thrown).as("the failure of the second page").isNotNull();
        assertThat(thrown.error()).isInstanceOf(TapedeckError.Unauthorized.class);
        assertThat(seen).as("the sessions of the first page").isNotEmpty();
    }

    @Test
    default void everyCapabilityTheMetadataLacksIsRefusedNamingTheProvider() {
        ProviderFixture kit = fixture();
        Capabilities declared = kit.metadata().capabilities();
        Connection connection = kit.connect();
        RecordingSource recordings = connection.recordings();
        SessionId session = kit.sessionWithRecordings();
        Map<Capability, List<Function<SessionId, Either<TapedeckError, ?>>>> calls = Map.of(
                Capability.LIST_RECORDINGS, List.of(recordings::recordings),
                Capability.PRIMARY_RECORDING, List.of(recordings::primaryRecording),
                Capability.PAUSE_RESUME, List.of(recordings::pause, recordings::resume),
                Capability.SESSION_HISTORY, List.of(id -> connection.history().sessions(SessionQuery.all())));

        calls.forEach((capability, uses) -> {
            if (!declared.supports(capability)) {
                uses.forEach(use -> assertRefused(use.apply(session), capability.name()));
            }
        });
        assertThat(kit.sandbox().counters().requests(Origin.API)).as("requests for what is refused").isZero();
    }

    @Test
    default void everyFilterTheMetadataLacksIsRefusedBeforeAnyRequest() {
        ProviderFixture kit = fixture();
        Connection connection = kit.connect();
        Capabilities declared = kit.metadata().capabilities();

        for (SessionFilter filter : SessionFilter.values()) {
            if (declared.support(filter).isEmpty()) {
                assertRefused(connection.history().sessions(using(filter)), filter.name());
            }
        }
        assertRefused(connection.history().sessions(SessionQuery.builder()
                .providerFilter("kit_undeclared_filter", "x").build()), "kit_undeclared_filter");
        assertThat(kit.sandbox().counters().requests(Origin.API)).as("requests for what is refused").isZero();
    }

    /** Whether the provider declares no history, having checked that it refuses one. */
    private boolean refusedWithoutHistory() {
        if (fixture().metadata().capabilities().supports(Capability.SESSION_HISTORY)) {
            return false;
        }
        assertRefused(fixture().connect().history().sessions(SessionQuery.all()), "session history");
        return true;
    }

    private void assertRefused(Either<TapedeckError, ?> result, String what) {
        String id = fixture().id();
        assertThat(result.isLeft()).as("%s is not declared, so it is refused; got %s", what, result).isTrue();
        assertThat(result.getLeft()).as("the refusal of %s", what).isInstanceOfSatisfying(
                TapedeckError.Unsupported.class, refused -> {
                    assertThat(refused.provider()).isEqualTo(id);
                    assertThat(refused.message()).contains(id);
                });
    }

    /** A query that uses {@code filter} and nothing else. */
    private static SessionQuery using(SessionFilter filter) {
        SessionQuery.Builder query = SessionQuery.builder();
        switch (filter) {
            case STATUS -> query.status(SessionStatus.COMPLETED);
            case TAGS -> query.tag("kit");
            case DOMAINS -> query.domain("example.com");
            case SEARCH -> query.search("kit");
            case CREATED_RANGE -> query.createdFrom(Instant.parse("2026-01-01T00:00:00Z"));
            case SORT -> query.sort(Sort.parse("created_at:desc"));
            default -> throw new IllegalStateException("a filter the kit does not know: " + filter);
        }
        return query.build();
    }
}
