package dev.tapedeck.provider.notte.internal;

import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * Notte's session history: {@code GET /sessions} with {@code only_active=false}, paged by page number. Notte
 * filters nothing on the server, so a page holds every session and core applies the status and creation-time
 * filters. Notte declares no provider-specific filters, so core refuses any. Page sizes are clamped to Notte's
 * 1..100; without one the largest is used, to make the fewest calls.
 */
record NotteHistory(HttpKit kit, NotteApi api, ProviderMetadata metadata) implements SessionHistory {

    /** Notte's smallest page size. */
    static final int MIN_PAGE_SIZE = 1;

    /** Notte's largest page size, also the default. */
    static final int MAX_PAGE_SIZE = 100;

    @Override
    public Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token) {
        Either<TapedeckError, Integer> page = token.map(NotteHistory::pageNumber).orElse(Either.right(1));
        if (page.isLeft()) {
            return Either.left(page.getLeft());
        }
        int size = pageSize(query.pageSize());
        int number = page.get();
        return kit.call(() -> api.sessions(false, number, size)).flatMap(dto -> SessionMapper.page(dto, number));
    }

    /** The page size to send: the requested one clamped into 1..100, else 100. */
    static int pageSize(Optional<Integer> requested) {
        return Math.max(MIN_PAGE_SIZE, Math.min(MAX_PAGE_SIZE, requested.orElse(MAX_PAGE_SIZE)));
    }

    private static Either<TapedeckError, Integer> pageNumber(PageToken token) {
        String value = token.value().strip();
        if (value.matches("\\d{1,9}") && Integer.parseInt(value) >= 1) {
            return Either.right(Integer.parseInt(value));
        }
        return Either.left(TapedeckError.InvalidRequest.of(NotteProvider.ID, "notte page tokens are page numbers "
                + "from 1; '" + value + "' is not one, so start the listing again"));
    }
}
