package dev.tapedeck.provider.browserbase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.kit.ProviderFixture;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.sandbox.Origin;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Browserbase's list has no paging, so the history asks once per status word, live ones first, newest first within
 * each; the status and the user-metadata query {@code q} are applied by Browserbase.
 */
class BrowserbaseHistoryTest {

    @AutoClose
    private final ProviderFixture kit = new ProviderFixture(new BrowserbaseProviderFactory());
    private final Connection connection = kit.connect();

    private List<Session> sessions(SessionQuery query) {
        return connection.history().sessions(query).get().toList();
    }

    @Test
    void everySessionOnceLiveFirstOneRequestPerStatusWord() {
        List<Session> all = sessions(SessionQuery.all());

        assertThat(all).hasSize(36).extracting(Session::id).doesNotHaveDuplicates();
        assertThat(all.subList(0, 3)).extracting(Session::status).containsOnly(SessionStatus.ACTIVE);
        assertThat(all).extracting(Session::status).contains(SessionStatus.COMPLETED, SessionStatus.FAILED,
                SessionStatus.TIMED_OUT);
        List<Session> completed = all.stream().filter(s -> s.status() == SessionStatus.COMPLETED).toList();
        assertThat(completed).extracting(s -> s.createdAt().orElseThrow())
                .isSortedAccordingTo(java.util.Comparator.<Instant>reverseOrder());
        assertThat(kit.sandbox().counters().requests(Origin.API)).as("RUNNING, PENDING (empty), COMPLETED, ERROR, "
                + "TIMED_OUT").isEqualTo(5);
    }

    @Test
    void theStatusAndTheMetadataQueryAreAppliedByBrowserbase() {
        List<Session> failed = sessions(SessionQuery.builder().status(SessionStatus.FAILED).build());
        List<Session> staging = sessions(SessionQuery.builder()
                .providerFilter("q", "user_metadata['env']:'staging'").build());
        List<Session> run = sessions(SessionQuery.builder().providerFilter("q", "user_metadata['run']['id']:'run-1990'")
                .build());

        assertThat(failed).isNotEmpty().extracting(Session::providerStatus).containsOnly("ERROR");
        assertThat(staging).isNotEmpty().hasSizeLessThan(36).allSatisfy(s -> assertThat(s.providerData()
                .get("userMetadata").map(JsonValue::toJson).orElseThrow()).contains("\"env\":\"staging\""));
        assertThat(run).singleElement().satisfies(s -> assertThat(s.endedAt()).isPresent());
    }

    @Test
    void aSessionKeepsEveryFieldWithoutANeutralHomeAndItsRunsDuration() {
        Session first = sessions(SessionQuery.builder().status(SessionStatus.COMPLETED).limit(1).build()).get(0);

        assertThat(first.providerData().members().keySet()).contains("updatedAt", "projectId", "startedAt",
                "expiresAt", "proxyBytes", "keepAlive", "region", "userMetadata");
        assertThat(first.duration()).isPresent();
        assertThat(first.createdAt()).isPresent();
        assertThat(first.unreadFields()).isEmpty();
    }
}
