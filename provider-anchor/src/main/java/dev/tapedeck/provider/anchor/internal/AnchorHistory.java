package dev.tapedeck.provider.anchor.internal;

import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.Map;
import java.util.Optional;

/** Anchor's session history: {@code GET /v1/sessions}, one page per call, page numbers as tokens. */
record AnchorHistory(HttpKit kit, AnchorApi api, ProviderMetadata metadata) implements SessionHistory {

    @Override
    public Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token) {
        Either<TapedeckError, Long> page = token.isEmpty() ? Either.right(1L) : pageNumber(token.get());
        if (page.isLeft()) {
            return Either.left(page.getLeft());
        }
        Either<TapedeckError, Map<String, Object>> parameters = HistoryQuery.parameters(query, page.get());
        if (parameters.isLeft()) {
            return Either.left(parameters.getLeft());
        }
        return kit.call(() -> api.sessions(parameters.get()))
                .flatMap(body -> SessionMapper.page(body, page.get()));
    }

    private static Either<TapedeckError, Long> pageNumber(PageToken token) {
        String text = token.value().strip();
        if (text.matches("\\d{1,9}") && Long.parseLong(text) >= 1) {
            return Either.right(Long.parseLong(text));
        }
        return Either.left(TapedeckError.InvalidRequest.of(AnchorProvider.ID, "anchor: the page token '"
                + text + "' is not a page number; pass a token anchor returned, or none for the first page"));
    }

    @Override
    public String toString() {
        return "AnchorHistory[" + kit + "]";
    }
}
