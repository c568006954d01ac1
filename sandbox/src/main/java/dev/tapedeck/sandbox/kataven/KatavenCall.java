package dev.tapedeck.sandbox.kataven;

import java.util.Objects;

/**
 * One seeded Kataven call (its session id is the recording endpoint's {@code id}).
 *
 * @param id        {@code call_0001}..{@code call_0012}
 * @param behaviour how its recording endpoint answers
 */
public record KatavenCall(String id, KatavenBehaviour behaviour) {

    /** Rejects nulls. */
    public KatavenCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(behaviour, "behaviour");
    }
}
