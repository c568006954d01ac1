package dev.tapedeck.provider.kernel;

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
 * Kernel lists running browsers unless asked for {@code status=all}, which adds the deleted (ended) ones; pages are
 * offsets read from its {@code X-Next-Offset} header.
 */
class KernelHistoryTest {

    @AutoClose
    private final ProviderFixture kit = new ProviderFixture(new KernelProviderFactory());
    private final Connection connection = kit.connect();

    @Test
    void everyBrowserRunningOrDeletedOncePagedByOffset() {
        List<Session> all = connection.history().sessions(SessionQuery.builder().pageSize(7).build()).get().toList();

        assertThat(all).hasSize(40).extracting(Session::id).doesNotHaveDuplicates();
        assertThat(all.subList(0, 4)).extracting(Session::status).containsOnly(SessionStatus.ACTIVE);
        assertThat(all.subList(4, 40)).extracting(Session::status).containsOnly(SessionStatus.COMPLETED);
        assertThat(kit.sandbox().counters().requests(Origin.API)).as("40 browsers, 7 a page").isEqualTo(6);
    }

    @Test
    void aStatusAsksForItsWordAndTheTokenIsKernelsOffset() {
        SessionQuery deleted = SessionQuery.builder().status(SessionStatus.COMPLETED).pageSize(10).build();

        Page<Session> first = connection.history().fetchPage(deleted, Optional.empty()).get();
        Page<Session> second = connection.history().fetchPage(deleted, first.next()).get();
        List<Session> running = connection.history().sessions(SessionQuery.builder().status(SessionStatus.ACTIVE)
                .build()).get().toList();
        List<Session> failed = connection.history().sessions(SessionQuery.builder().status(SessionStatus.FAILED)
                .build()).get().toList();

        assertThat(first.next()).map(PageToken::value).contains("deleted 10");
        assertThat(second.items()).hasSize(10).extracting(Session::id).doesNotContainAnyElementsOf(
                first.items().stream().map(Session::id).toList());
        assertThat(running).hasSize(4).extracting(Session::providerStatus).containsOnly("active");
        assertThat(failed).as("Kernel tells no failed browser apart").isEmpty();
    }

    @Test
    void theSearchTextIsKernelsQuery() {
        List<Session> found = connection.history().sessions(SessionQuery.builder()
                .providerFilter("query", "login-smoke").build()).get().toList();

        assertThat(found).hasSize(10);
    }

    @Test
    void aDeletedBrowserHasItsEndUptimeAndTagsAndKeepsEveryOtherField() {
        Session session = connection.history().sessions(SessionQuery.builder().status(SessionStatus.COMPLETED)
                .limit(1).build()).get().findFirst().orElseThrow();

        assertThat(session.endedAt()).isPresent();
        assertThat(session.createdAt()).isPresent();
        assertThat(session.duration()).contains(java.time.Duration.between(session.createdAt().get(),
                session.endedAt().get()));
        assertThat(session.tags()).containsExactly("team=billing", "env=staging");
        assertThat(session.providerData().members().keySet()).contains("cdp_ws_url", "headless", "stealth",
                "timeout_seconds", "webdriver_ws_url", "base_url", "gpu", "kiosk_mode", "name", "start_url", "tags",
                "telemetry", "usage", "viewport").doesNotContain("session_id", "created_at", "deleted_at");
        assertThat(session.unreadFields()).isEmpty();
    }
}
