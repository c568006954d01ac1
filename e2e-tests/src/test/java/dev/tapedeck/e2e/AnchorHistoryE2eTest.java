package dev.tapedeck.e2e;

import static dev.tapedeck.e2e.E2e.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.sandbox.anchor.AnchorApi;
import dev.tapedeck.sandbox.anchor.AnchorSession;
import dev.tapedeck.sandbox.anchor.UsedCredits;
import dev.tapedeck.Connection;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.Sort;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** AnchorBrowser's session history through the public API: paging, the limit, every neutral filter, credits. */
@TapedeckSandbox(clockStart = E2e.START_TEXT, settings = E2e.SMALL_LARGE_RECORDING, threads = 4)
class AnchorHistoryE2eTest {

    private final SandboxClients e2e;
    private final Connection anchor;

    AnchorHistoryE2eTest(SandboxClients e2e) {
        this.e2e = e2e;
        this.anchor = e2e.connect("anchor");
    }

    @Test
    void allSessionsArriveInCreationOrderThroughThreePagesOfFifty() {
        List<String> ids = ids(SessionQuery.all());

        assertThat(ids).hasSize(125).containsExactlyElementsOf(expected(s -> true));
        assertThat(e2e.sandbox().counters().requests("anchor")).isEqualTo(3);
    }

    @Test
    void aLimitOfTenStopsAfterOneRequest() {
        List<String> ids = ids(SessionQuery.builder().limit(10).build());

        assertThat(ids).containsExactlyElementsOf(expected(s -> true).subList(0, 10));
        assertThat(e2e.sandbox().counters().requests("anchor")).isEqualTo(1);
    }

    @Test
    void aLimitOfSixtyStopsAfterTheSecondPage() {
        List<String> ids = ids(SessionQuery.builder().limit(60).build());

        assertThat(ids).containsExactlyElementsOf(expected(s -> true).subList(0, 60));
        assertThat(e2e.sandbox().counters().requests("anchor")).isEqualTo(2);
    }

    @Test
    void tagsFilterSelectsTheSessionsCarryingEveryTag() {
        List<String> wanted = List.of("production", "scraping");
        List<String> expected = expected(s -> s.tags().map(tags -> tags.containsAll(wanted)).orElse(false));

        List<String> ids = ids(SessionQuery.builder().tag("production").tag("scraping").build());

        assertThat(expected).isNotEmpty().hasSizeLessThan(125);
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    @Test
    void domainsFilterSelectsTheSessionsThatVisitedTheDomain() {
        List<String> expected = expected(s -> s.domains().map(d -> d.contains("github.com")).orElse(false));

        List<String> ids = ids(SessionQuery.builder().domain("github.com").build());

        assertThat(expected).isNotEmpty().hasSizeLessThan(125);
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    @Test
    void failedStatusFilterSelectsTheFailedSessions() {
        List<String> expected = expected(s -> s.status().equals("failed"));

        List<Session> sessions = sessions(SessionQuery.builder().status(SessionStatus.FAILED).build());

        assertThat(expected).isNotEmpty();
        assertThat(sessions).extracting(s -> s.id().value()).containsExactlyElementsOf(expected);
        assertThat(sessions).allSatisfy(s -> assertThat(s.status()).isEqualTo(SessionStatus.FAILED));
    }

    @Test
    void activeStatusFilterSelectsTheRunningSessions() {
        List<String> expected = expected(AnchorSession::running);

        List<Session> sessions = sessions(SessionQuery.builder().status(SessionStatus.ACTIVE).build());

        assertThat(expected).isNotEmpty();
        assertThat(sessions).extracting(s -> s.id().value()).containsExactlyElementsOf(expected);
        assertThat(sessions).allSatisfy(s -> assertThat(s.providerStatus()).isEqualTo("running"));
    }

    @Test
    void createdRangeIncludesBothEnds() {
        List<AnchorSession> all = e2e.sandbox().emulation("anchor", AnchorApi.class).seed().sessions();
        Instant from = all.get(9).createdAt();
        Instant to = all.get(29).createdAt();

        List<String> ids = ids(SessionQuery.builder().createdFrom(from).createdTo(to).build());

        assertThat(ids).containsExactlyElementsOf(expected(s -> !s.createdAt().isBefore(from)
                && !s.createdAt().isAfter(to)));
        assertThat(ids).hasSize(21).startsWith("sess_0010").endsWith("sess_0030");
    }

    @Test
    void searchSelectsTheSessionsWithAMatchingTag() {
        List<String> expected = expected(s -> s.tags().map(tags -> tags.stream()
                .anyMatch(tag -> tag.toLowerCase(Locale.ROOT).contains("login"))).orElse(false));

        List<String> ids = ids(SessionQuery.builder().search("login").build());

        assertThat(expected).isNotEmpty().hasSizeLessThan(125);
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    @Test
    void descendingSortReversesTheOrder() {
        List<String> ascending = expected(s -> true);
        Collections.reverse(ascending);

        List<String> ids = ids(SessionQuery.builder().sort(Sort.parse("created_at:desc")).build());

        assertThat(ids).containsExactlyElementsOf(ascending);
        assertThat(e2e.sandbox().counters().requests("anchor")).isEqualTo(3);
    }

    @Test
    void usedCreditsInEachWireFormBecomeAnOptionalDecimal() {
        List<AnchorSession> seeded = e2e.sandbox().emulation("anchor", AnchorApi.class).seed().sessions();
        assertThat(seeded).extracting(s -> s.usedCredits().form())
                .contains(UsedCredits.Form.NUMBER, UsedCredits.Form.DECIMAL_STRING, UsedCredits.Form.NOT_AVAILABLE);

        Map<String, Optional<BigDecimal>> credits = sessions(SessionQuery.all()).stream()
                .collect(Collectors.toMap(s -> s.id().value(), Session::credits));

        assertThat(credits).hasSize(seeded.size());
        for (AnchorSession session : seeded) {
            Optional<BigDecimal> actual = credits.get(session.id());
            Optional<BigDecimal> wanted = session.usedCredits().amount();
            if (wanted.isEmpty()) {
                assertThat(actual).as("credits of %s (%s)", session.id(), session.usedCredits()).isEmpty();
            } else {
                assertThat(actual).as("credits of %s (%s)", session.id(), session.usedCredits()).isPresent();
                assertThat(actual.get()).as("credits of %s", session.id()).isEqualByComparingTo(wanted.get());
            }
        }
    }

    private List<Session> sessions(SessionQuery query) {
        return right(anchor.history().sessions(query)).collect(Collectors.toList());
    }

    private List<String> ids(SessionQuery query) {
        return sessions(query).stream().map(s -> s.id().value()).collect(Collectors.toList());
    }

    /** The seeded ids that pass {@code test}, in creation order (which is id order). */
    private List<String> expected(Predicate<AnchorSession> test) {
        Function<AnchorSession, String> id = AnchorSession::id;
        return e2e.sandbox().emulation("anchor", AnchorApi.class).seed().sessions().stream().filter(test).map(id).collect(Collectors.toList());
    }
}
