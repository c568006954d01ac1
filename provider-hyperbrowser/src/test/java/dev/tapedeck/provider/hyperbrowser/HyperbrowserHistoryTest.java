package dev.tapedeck.provider.hyperbrowser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.kit.ProviderFixture;
import dev.tapedeck.kit.fakes.ScriptedServer;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.sandbox.Origin;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Hyperbrowser pages its list by page number until the total is reached; FAILED is two of its words, each asked in
 * turn; it has no word for TIMED_OUT.
 */
class HyperbrowserHistoryTest {

    @AutoClose
    private final ProviderFixture kit = new ProviderFixture(new HyperbrowserProviderFactory());
    private final Connection connection = kit.connect();

    @Test
    void everySessionOnceNewestFirstPagedByPageNumberUpToTheTotal() {
        SessionQuery sevenAPage = SessionQuery.builder().pageSize(7).build();

        List<Session> all = connection.history().sessions(sevenAPage).get().toList();

        assertThat(all).hasSize(44).extracting(Session::id).doesNotHaveDuplicates();
        assertThat(all.subList(0, 2)).extracting(Session::status).containsOnly(SessionStatus.ACTIVE);
        assertThat(all).extracting(s -> s.createdAt().orElseThrow()).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(kit.sandbox().counters().requests(Origin.API)).as("44 sessions, 7 a page").isEqualTo(7);
    }

    @Test
    void aPageTokenIsThePartitionAndTheNextPageNumberAndTheTotalIsHyperbrowsers() {
        SessionQuery closed = SessionQuery.builder().status(SessionStatus.COMPLETED).pageSize(10).build();

        Page<Session> first = connection.history().fetchPage(closed, Optional.empty()).get();
        Page<Session> second = connection.history().fetchPage(closed, first.next()).get();

        assertThat(first.next()).map(PageToken::value).contains("closed 2");
        assertThat(first.total()).as("44 sessions, 2 active, 7 failed").contains(35L);
        assertThat(second.items()).hasSize(10).extracting(Session::id).doesNotContainAnyElementsOf(
                first.items().stream().map(Session::id).toList());
    }

    @Test
    void withoutATotalFullPagesAreFollowedUntilOneIsNot() {
        // an answer without totalCount: the sessions of page 3 must not be lost after page 1
        ScriptedServer server = kit.server(page(2, "a", "b"), page(2, "c", "d"), page(2, "e"));
        Connection scripted = kit.connect(kit.configAt(kit.baseUrlOn(server)).build());

        List<Session> all = scripted.history().sessions(SessionQuery.all()).get().toList();

        assertThat(all).extracting(session -> session.id().value()).containsExactly("a", "b", "c", "d", "e");
        assertThat(server.requests()).isEqualTo(3);
    }

    private static ScriptedServer.Reply page(int perPage, String... ids) {
        return ScriptedServer.json(200, "{\"sessions\":[" + Arrays.stream(ids)
                .map(id -> "{\"id\":\"" + id + "\",\"status\":\"closed\"}").collect(Collectors.joining(","))
                + "],\"perPage\":" + perPage + ",\"page\":1}");
    }

    @Test
    void failedIsErrorAndCloseErrorAndTimedOutAsksNothing() {
        List<Session> failed = connection.history().sessions(SessionQuery.builder().status(SessionStatus.FAILED)
                .build()).get().toList();
        long asked = kit.sandbox().counters().requests(Origin.API);
        List<Session> timedOut = connection.history().sessions(SessionQuery.builder()
                .status(SessionStatus.TIMED_OUT).build()).get().toList();

        assertThat(failed).hasSize(7).extracting(Session::providerStatus)
                .containsOnly("error", "close-error").contains("error", "close-error");
        assertThat(asked).as("one page of each word").isEqualTo(2);
        assertThat(timedOut).isEmpty();
        assertThat(kit.sandbox().counters().requests(Origin.API)).isEqualTo(asked);
    }

    @Test
    void aSessionHasItsEndDurationCreditsAndRecordingFlagAndKeepsEveryOtherField() {
        Session session = connection.history().sessions(SessionQuery.builder().status(SessionStatus.COMPLETED)
                .limit(1).build()).get().findFirst().orElseThrow();

        assertThat(session.endedAt()).isPresent();
        assertThat(session.duration()).isPresent().hasValueSatisfying(d -> assertThat(d).isPositive());
        assertThat(session.credits()).isPresent();
        assertThat(session.recordingEnabled()).contains(true);
        assertThat(session.providerData().members().keySet()).contains("teamId", "startTime", "endTime",
                "updatedAt", "sessionUrl", "launchState", "creditBreakdown");
        assertThat(session.providerData().get("launchState").orElseThrow())
                .isInstanceOfSatisfying(JsonValue.ObjectValue.class, launch -> assertThat(launch.members())
                        .containsKeys("enableWebRecording", "enableVideoWebRecording", "screen"));
        assertThat(session.unreadFields()).isEmpty();
    }
}
