package dev.tapedeck.provider.steel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.kit.ProviderFixture;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.sandbox.Origin;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Unfiltered, Steel lists only live sessions, so the history asks for each status in turn, each paged by Steel's
 * cursor; a status filter asks for its word only.
 */
class SteelHistoryTest {

    @AutoClose
    private final ProviderFixture kit = new ProviderFixture(new SteelProviderFactory());
    private final Connection connection = kit.connect();

    @Test
    void everySessionOfEveryStatusOnceLiveFirstPagedByCursor() {
        List<Session> all = connection.history().sessions(SessionQuery.builder().pageSize(7).build()).get().toList();

        assertThat(all).hasSize(40).extracting(Session::id).doesNotHaveDuplicates();
        assertThat(all.subList(0, 4)).extracting(Session::status).containsOnly(SessionStatus.ACTIVE);
        assertThat(all.subList(4, 40)).extracting(Session::status).containsOnly(SessionStatus.COMPLETED,
                SessionStatus.FAILED);
        assertThat(kit.sandbox().counters().requests(Origin.API)).as("live 1 page, released 5, failed 1")
                .isEqualTo(7);
    }

    @Test
    void aPageTokenIsTheStatusAndSteelsCursorAndTheTotalIsSteels() {
        SessionQuery released = SessionQuery.builder().status(SessionStatus.COMPLETED).pageSize(10).build();

        Page<Session> first = connection.history().fetchPage(released, Optional.empty()).get();
        Page<Session> second = connection.history().fetchPage(released, first.next()).get();

        assertThat(first.next()).map(PageToken::value).hasValueSatisfying(token -> assertThat(token)
                .isEqualTo("released " + first.items().get(9).id().value()));
        assertThat(first.total()).as("40 sessions, 4 live, 4 failed").contains(32L);
        assertThat(second.items()).hasSize(10).extracting(Session::id).doesNotContainAnyElementsOf(
                first.items().stream().map(Session::id).toList());
    }

    @Test
    void aSessionHasItsDurationCreditsAndDerivedEndAndKeepsEveryOtherField() {
        Session session = connection.history().sessions(SessionQuery.builder().status(SessionStatus.COMPLETED)
                .limit(1).build()).get().findFirst().orElseThrow();

        assertThat(session.duration()).isPresent();
        assertThat(session.endedAt()).contains(session.createdAt().orElseThrow().plus(session.duration().get()));
        assertThat(session.credits()).isPresent();
        assertThat(session.providerData().members().keySet()).contains("debugUrl", "dimensions", "eventCount",
                "optimizeBandwidth", "proxyBytesUsed", "proxySource", "sessionViewerUrl", "timeout", "websocketUrl",
                "headless", "region", "userAgent", "deviceConfig");
        assertThat(session.unreadFields()).isEmpty();
    }
}
