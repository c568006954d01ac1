package com.example.acme.internal;

import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The session history: one page per call, Acme's cursors as page tokens; core filters the rest and pages. */
public record AcmeHistory(HttpKit kit, AcmeApi api, ProviderMetadata metadata) implements SessionHistory {

    /** The most sessions Acme sends in one page. */
    private static final int MAX_LIMIT = 50;
    /** Acme's status words; a neutral status it lacks is sent as its own name and matches nothing. */
    private static final Map<String, SessionStatus> STATUSES = Map.of("running", SessionStatus.ACTIVE,
            "finished", SessionStatus.COMPLETED, "failed", SessionStatus.FAILED);

    @Override
    public Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("limit", Math.min(query.pageSize().orElse(MAX_LIMIT), MAX_LIMIT));
        token.ifPresent(cursor -> parameters.put("cursor", cursor.value()));
        query.status().ifPresent(status -> parameters.put("status", STATUSES.entrySet().stream()
                .filter(word -> word.getValue() == status).map(Map.Entry::getKey).findFirst()
                .orElse(status.name().toLowerCase(Locale.ROOT))));
        Optional.ofNullable(query.providerFilters().get("tag")).ifPresent(tag -> parameters.put("tag", tag));
        return kit.call(() -> api.sessions(parameters)).map(page -> new Page<>(
                page.data() == null ? List.of() : page.data().stream().map(this::session).toList(),
                Optional.ofNullable(page.nextCursor()).filter(c -> !c.isBlank()).map(PageToken::new),
                Optional.empty()));
    }

    private Session session(AcmeApi.SessionItem item) {
        return Session.builder(metadata.id(), SessionId.of(item.id()))
                .status(STATUSES.getOrDefault(Objects.toString(item.status(), ""), SessionStatus.UNKNOWN),
                        Objects.toString(item.status(), ""))
                .createdAt(item.createdAt())
                .endedAt(item.endedAt())
                .tags(item.tags() == null ? List.of() : item.tags())
                .build();
    }
}
