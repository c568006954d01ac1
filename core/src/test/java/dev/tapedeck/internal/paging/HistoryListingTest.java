package dev.tapedeck.internal.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.TestMetadata;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.FilterSupport;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.ProviderFilter;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionFilter;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.model.TapedeckException;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HistoryListingTest {

    /** The provider filters the scripted provider declares. */
    private static final ProviderFilter[] FILTERS = {
        ProviderFilter.text("batch_id", "sessions of one batch"),
        ProviderFilter.bool("proxy", "sessions that used a proxy"),
        new ProviderFilter("min_steps", ProviderFilter.Type.INTEGER, "sessions with at least this many steps"),
    };

    /** A history whose pages come from a function, recording which tokens were fetched. */
    private static final class ScriptedHistory implements SessionHistory {
        final List<Optional<PageToken>> fetched = new ArrayList<>();
        final ProviderMetadata metadata;
        final BiFunction<SessionQuery, Optional<PageToken>, Either<TapedeckError, Page<Session>>> pages;

        ScriptedHistory(Capabilities capabilities,
                BiFunction<SessionQuery, Optional<PageToken>, Either<TapedeckError, Page<Session>>> pages) {
            this.metadata = TestMetadata.of("scripted", capabilities, FILTERS);
            this.pages = pages;
        }

        @Override
        public ProviderMetadata metadata() {
            return metadata;
        }

        @Override
        public Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token) {
            fetched.add(token);
            return pages.apply(query, token);
        }
    }

    private static Session session(int n, SessionStatus status, Instant created, String... tags) {
        return Session.builder("scripted", SessionId.of("s" + n)).status(status, status.wireName())
                .createdAt(created).tags(List.of(tags)).build();
    }

    private static Session session(int n) {
        return session(n, SessionStatus.COMPLETED, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n));
    }

    /** {@code pageCount} pages of {@code size} sessions, numbered from 1. */
    private static BiFunction<SessionQuery, Optional<PageToken>, Either<TapedeckError, Page<Session>>> numbered(
            int pageCount, int size) {
        return (query, token) -> {
            int page = token.map(t -> Integer.parseInt(t.value())).orElse(1);
            List<Session> items = page > pageCount ? List.of()
                    : IntStream.range(0, size).mapToObj(i -> session((page - 1) * size + i)).collect(Collectors.toList());
            Optional<PageToken> next = page < pageCount ? Optional.of(PageToken.ofPage(page + 1)) : Optional.empty();
            return Either.right(new Page<>(items, next, Optional.of((long) pageCount * size)));
        };
    }

    private static final Capabilities ALL_SERVER = Capabilities.builder().supports(Capability.SESSION_HISTORY)
            .filter(SessionFilter.STATUS, FilterSupport.SERVER).build();

    private static List<String> ids(SessionHistory history, SessionQuery query) {
        return history.sessions(query).get().map(s -> s.id().value()).collect(Collectors.toList());
    }

    @Test
    void walksEveryPageUntilTheLastOne() {
        ScriptedHistory history = new ScriptedHistory(ALL_SERVER, numbered(3, 2));
        assertThat(ids(history, SessionQuery.all())).containsExactly("s0", "s1", "s2", "s3", "s4", "s5");
        assertThat(history.fetched).hasSize(3);
    }

    @Test
    void fetchesOnlyThePagesTheConsumerNeeds() {
        ScriptedHistory history = new ScriptedHistory(ALL_SERVER, numbered(100, 10));
        List<Session> firstFifteen = history.sessions(SessionQuery.all()).get().limit(15).collect(Collectors.toList());
        assertThat(firstFifteen).hasSize(15);
        assertThat(history.fetched).hasSize(2);
    }

    @Test
    void theQueryLimitStopsPaging() {
        ScriptedHistory history = new ScriptedHistory(ALL_SERVER, numbered(100, 10));
        assertThat(ids(history, SessionQuery.builder().limit(3).build())).containsExactly("s0", "s1", "s2");
        assertThat(history.fetched).hasSize(1);
    }

    @Test
    void stopsOnAnEmptyPageEvenWhenTheProviderClaimsMore() {
        // total_pages larger than the real data: page 3 comes back empty but still offers a next page
        ScriptedHistory history = new ScriptedHistory(ALL_SERVER, (query, token) -> {
            int page = token.map(t -> Integer.parseInt(t.value())).orElse(1);
            List<Session> items = page <= 2 ? List.of(session(page)) : List.of();
            return Either.right(new Page<>(items, Optional.of(PageToken.ofPage(page + 1)), Optional.empty()));
        });
        assertThat(ids(history, SessionQuery.all())).containsExactly("s1", "s2");
        assertThat(history.fetched).hasSize(3);
    }

    @Test
    void stopsOnAPageThatRepeatsThePreviousOne() {
        // a server that ignores the page parameter returns page 1 forever
        ScriptedHistory history = new ScriptedHistory(ALL_SERVER, (query, token) -> {
            int page = token.map(t -> Integer.parseInt(t.value())).orElse(1);
            return Either.right(new Page<>(List.of(session(1), session(2)), Optional.of(PageToken.ofPage(page + 1)),
                    Optional.empty()));
        });
        assertThat(ids(history, SessionQuery.all())).containsExactly("s1", "s2");
        assertThat(history.fetched).hasSize(2);
    }

    @Test
    @Timeout(30) // without the guard this pages for ever: fail, do not hang the build
    void stopsWhenPagesServedInTurnUnderEverNewTokensBringNothingNew() {
        // a server that alternates two pages while its page number (and claimed total) run on for ever
        ScriptedHistory history = new ScriptedHistory(ALL_SERVER, (query, token) -> {
            int page = token.map(t -> Integer.parseInt(t.value())).orElse(1);
            List<Session> items = page % 2 == 1 ? List.of(session(1), session(2)) : List.of(session(3), session(4));
            return Either.right(new Page<>(items, Optional.of(PageToken.ofPage(page + 1)), Optional.empty()));
        });
        assertThat(ids(history, SessionQuery.all())).containsExactly("s1", "s2", "s3", "s4");
        assertThat(history.fetched).hasSize(2 + Paginator.PAGES_WITHOUT_NEW_ITEMS);
    }

    @Test
    void aPageOfRepeatsFromAListThatGrewIsFollowedToTheNewItemsAfterIt() {
        // page 2 holds only what page 1 held, shifted by sessions added meanwhile; page 3 has new ones again
        ScriptedHistory history = new ScriptedHistory(ALL_SERVER, (query, token) -> {
            int page = token.map(t -> Integer.parseInt(t.value())).orElse(1);
            List<Session> items = page == 1 ? List.of(session(1), session(2)) : page == 2
                    ? List.of(session(2), session(1)) : List.of(session(3));
            return Either.right(new Page<>(items, page < 3 ? Optional.of(PageToken.ofPage(page + 1))
                    : Optional.empty(), Optional.empty()));
        });
        assertThat(ids(history, SessionQuery.all())).containsExactly("s1", "s2", "s3");
    }

    @Test
    void neverFollowsTheSameTokenTwice() {
        // a cursor that cycles a -> b -> a
        ScriptedHistory history = new ScriptedHistory(ALL_SERVER, (query, token) -> {
            String at = token.map(PageToken::value).orElse("start");
            String next = at.equals("a") ? "b" : "a";
            int n = at.equals("start") ? 0 : at.equals("a") ? 1 : 2;
            return Either.right(new Page<>(List.of(session(n)), Optional.of(new PageToken(next)), Optional.empty()));
        });
        assertThat(ids(history, SessionQuery.all())).containsExactly("s0", "s1", "s2");
        assertThat(history.fetched).hasSize(3);
    }

    @Test
    void aFailingFirstPageIsReturnedAsAValue() {
        TapedeckError failure = new TapedeckError.Unauthorized("scripted", "bad key");
        ScriptedHistory history = new ScriptedHistory(ALL_SERVER, (query, token) -> Either.left(failure));
        assertThat(history.sessions(SessionQuery.all()).getLeft()).isEqualTo(failure);
    }

    @Test
    void aFailureOnALaterPageSurfacesFromTheStream() {
        TapedeckError failure = new TapedeckError.Transport("scripted", "connection reset");
        ScriptedHistory history = new ScriptedHistory(ALL_SERVER, (query, token) -> token.isEmpty()
                ? Either.right(new Page<>(List.of(session(1)), Optional.of(PageToken.ofPage(2)), Optional.empty()))
                : Either.left(failure));
        assertThatThrownBy(() -> ids(history, SessionQuery.all()))
                .isInstanceOfSatisfying(TapedeckException.class, e -> assertThat(e.error()).isEqualTo(failure));
    }

    @Test
    void unsupportedFiltersAreRefusedBeforeAnyRequestAndNamed() {
        ScriptedHistory history = new ScriptedHistory(ALL_SERVER, numbered(1, 1));
        Either<TapedeckError, ?> result = history.sessions(SessionQuery.builder().tag("prod").domain("a.com").build());
        assertThat(result.getLeft()).isInstanceOfSatisfying(TapedeckError.Unsupported.class, e -> {
            assertThat(e.what()).contains("tags").contains("domains");
            assertThat(e.message()).contains("scripted cannot filter sessions by tags, domains");
        });
        assertThat(history.fetched).isEmpty();
    }

    @Test
    void clientSideFiltersAreAppliedByCore() {
        Instant base = Instant.parse("2026-03-01T00:00:00Z");
        List<Session> all = List.of(
                session(1, SessionStatus.ACTIVE, base),
                session(2, SessionStatus.COMPLETED, base.plusSeconds(3600)),
                session(3, SessionStatus.COMPLETED, base.plusSeconds(7200)),
                session(4, SessionStatus.FAILED, base.plusSeconds(10800)));
        Capabilities clientSide = Capabilities.builder().supports(Capability.SESSION_HISTORY)
                .filter(SessionFilter.STATUS, FilterSupport.CLIENT)
                .filter(SessionFilter.CREATED_RANGE, FilterSupport.CLIENT).build();
        ScriptedHistory history = new ScriptedHistory(clientSide, (query, token) -> {
            assertThat(query.status()).isPresent(); // the provider still sees the query, it just cannot apply it
            return Either.right(Page.last(all));
        });
        SessionQuery query = SessionQuery.builder().status(SessionStatus.COMPLETED)
                .createdFrom(base.plusSeconds(3600)).createdTo(base.plusSeconds(3600)).build();
        assertThat(ids(history, query)).containsExactly("s2");
    }

    @Test
    void clientSideTagFilterNeedsEveryTag() {
        List<Session> all = List.of(
                session(1, SessionStatus.COMPLETED, Instant.EPOCH, "prod", "scraping"),
                session(2, SessionStatus.COMPLETED, Instant.EPOCH, "prod"));
        Capabilities clientSide = Capabilities.builder().supports(Capability.SESSION_HISTORY)
                .filter(SessionFilter.TAGS, FilterSupport.CLIENT).build();
        ScriptedHistory history = new ScriptedHistory(clientSide, (query, token) -> Either.right(Page.last(all)));
        assertThat(ids(history, SessionQuery.builder().tag("prod").tag("scraping").build())).containsExactly("s1");
    }

    @Test
    void theLimitBecomesThePageSizeWhenNoneWasAsked() {
        List<Optional<Integer>> sizes = new ArrayList<>();
        ScriptedHistory history = new ScriptedHistory(ALL_SERVER, (query, token) -> {
            sizes.add(query.pageSize());
            return numbered(5, 3).apply(query, token);
        });
        assertThat(ids(history, SessionQuery.builder().limit(3).build())).hasSize(3);
        assertThat(ids(history, SessionQuery.builder().limit(3).pageSize(2).build())).hasSize(3);
        assertThat(sizes).containsExactly(Optional.of(3), Optional.of(2));
    }

    @Test
    void aLimitOfZeroFetchesNothing() {
        ScriptedHistory history = new ScriptedHistory(ALL_SERVER, numbered(3, 2));
        assertThat(ids(history, SessionQuery.builder().limit(0).build())).isEmpty();
        assertThat(history.fetched).isEmpty();
    }

    @Test
    void itemsRepeatedAcrossPagesAreReturnedOnce() {
        // page-number paging over a growing list: a new session pushes s2 from page 1 onto page 2
        ScriptedHistory history = new ScriptedHistory(ALL_SERVER, (query, token) -> token.isEmpty()
                ? Either.right(new Page<>(List.of(session(1), session(2)), Optional.of(PageToken.ofPage(2)),
                        Optional.empty()))
                : Either.right(Page.last(List.of(session(2), session(3)))));
        assertThat(ids(history, SessionQuery.all())).containsExactly("s1", "s2", "s3");
    }

    @Test
    void aHistoryWithoutTheCapabilitySaysSoBeforeJudgingFilters() {
        ScriptedHistory history = new ScriptedHistory(Capabilities.builder().build(), numbered(1, 1));
        TapedeckError error = history.sessions(SessionQuery.builder().tag("x").build()).getLeft();
        assertThat(error.message()).contains("does not support session history");
        assertThat(history.fetched).isEmpty();
    }

    @Test
    void unsupportedHistoryAnswersUnsupported() {
        SessionHistory none = SessionHistory.unsupported(TestMetadata.of("nohistory", Capabilities.builder().build()));
        assertThat(none.sessions(SessionQuery.all()).getLeft())
                .isInstanceOfSatisfying(TapedeckError.Unsupported.class,
                        e -> assertThat(e.message()).contains("nohistory does not support session history"));
    }

    /** A history with no sessions, declaring {@link #FILTERS}. */
    private static ScriptedHistory emptyHistory() {
        return new ScriptedHistory(Capabilities.builder().supports(Capability.SESSION_HISTORY).build(),
                (query, token) -> Either.right(Page.last(List.of())));
    }

    @Test
    void anUndeclaredProviderFilterIsRefusedBeforeAnyRequestNamingTheAcceptedKeys() {
        ScriptedHistory history = emptyHistory();

        TapedeckError refused = history.sessions(SessionQuery.builder().providerFilter("bach_id", "b1").build())
                .getLeft();

        assertThat(refused).isInstanceOfSatisfying(TapedeckError.Unsupported.class, e -> assertThat(e.message())
                .isEqualTo("scripted has no provider filter 'bach_id'; it accepts batch_id (text), proxy (boolean),"
                        + " min_steps (integer)"));
        assertThat(history.fetched).isEmpty();
    }

    @Test
    void aProviderFilterValueOfTheWrongTypeIsInvalidBeforeAnyRequest() {
        ScriptedHistory history = emptyHistory();

        TapedeckError notBoolean = history.sessions(SessionQuery.builder().providerFilter("proxy", "yes").build())
                .getLeft();
        TapedeckError notNumber = history.sessions(SessionQuery.builder().providerFilter("min_steps", "many")
                .build()).getLeft();
        TapedeckError blank = history.sessions(SessionQuery.builder().providerFilter("batch_id", " ").build())
                .getLeft();

        assertThat(notBoolean).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(notBoolean.message()).contains("'proxy' must be true or false, not 'yes'");
        assertThat(notNumber.message()).contains("'min_steps' must be a whole number, not 'many'");
        assertThat(blank.message()).contains("'batch_id' is blank");
        assertThat(history.fetched).isEmpty();
    }

    @Test
    void declaredProviderFiltersWithGoodValuesReachTheProvider() {
        List<SessionQuery> seen = new ArrayList<>();
        ScriptedHistory history = new ScriptedHistory(
                Capabilities.builder().supports(Capability.SESSION_HISTORY).build(),
                (query, token) -> {
                    seen.add(query);
                    return Either.right(Page.last(List.of()));
                });

        assertThat(history.sessions(SessionQuery.builder().providerFilter("proxy", "TRUE")
                .providerFilter("min_steps", "3").build()).get().count()).isZero();

        assertThat(seen).singleElement().satisfies(q -> assertThat(q.providerFilters())
                .containsEntry("proxy", "TRUE").containsEntry("min_steps", "3"));
    }
}
