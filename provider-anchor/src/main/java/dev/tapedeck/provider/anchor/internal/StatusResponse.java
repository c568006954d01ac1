package dev.tapedeck.provider.anchor.internal;

import java.util.Optional;

/**
 * The answer of pause and resume. Anchor documents {@code {data: SuccessResponse}} where {@code SuccessResponse} is
 * itself {@code {data:{status}}}; servers send either nesting, so this reads any depth.
 *
 * @param status the status word at this level
 * @param data   the next level
 */
public record StatusResponse(String status, StatusResponse data) {

    /** The first status word found going down the nesting; empty when there is none. */
    public Optional<String> findStatus() {
        StatusResponse level = this;
        for (int depth = 0; level != null && depth < 8; depth++) {
            if (level.status() != null && !level.status().isBlank()) {
                return Optional.of(level.status().strip());
            }
            level = level.data();
        }
        return Optional.empty();
    }
}
