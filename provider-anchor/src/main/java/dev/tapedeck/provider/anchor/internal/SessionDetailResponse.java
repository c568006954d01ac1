package dev.tapedeck.provider.anchor.internal;

import java.util.Optional;

/**
 * The answer of {@code GET /v1/sessions/{id}}, read only for the session's status; Anchor wraps the session in
 * {@code data}.
 *
 * @param data the session
 */
public record SessionDetailResponse(Detail data) {

    /**
     * The one session.
     *
     * @param status its status word, e.g. {@code running} or {@code completed}
     */
    public record Detail(String status) {
    }

    /** The status word, when the answer has one. */
    public Optional<String> status() {
        return Optional.ofNullable(data).map(Detail::status).filter(word -> !word.isBlank()).map(String::strip);
    }
}
