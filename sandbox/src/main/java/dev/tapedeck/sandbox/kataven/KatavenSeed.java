package dev.tapedeck.sandbox.kataven;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The emulated Kataven Hub's calls, {@code call_0001}..{@code call_0012}: 1-4 ready, 5-6 ready without
 * {@code expires_at}, 7-8 processing until the clock passes start + the setting {@code ready_after}, 9 processing for
 * the setting {@code ready_after_polls} polls, 10 no recording (404), 11 playback not configured (503), 12 internal
 * error (500); with the setting {@code calls} above 12, {@code call_0013} onwards are ready.
 */
public final class KatavenSeed {

    /** Number of seeded calls unless the setting {@code calls} says more. */
    public static final int CALLS = 12;

    private final List<KatavenCall> calls;

    KatavenSeed(int count) {
        this.calls = List.copyOf(seededKatavenCalls(count));
    }

    /** All calls, in id order. */
    public List<KatavenCall> calls() {
        return calls;
    }

    /** The call with this id. */
    public Optional<KatavenCall> call(String id) {
        return calls.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The first call that behaves as given. */
    public KatavenCall call(KatavenBehaviour behaviour) {
        return calls.stream().filter(c -> c.behaviour() == behaviour).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no Kataven call behaves as " + behaviour));
    }

    private static List<KatavenCall> seededKatavenCalls(int count) {
        KatavenBehaviour[] plan = {
            KatavenBehaviour.READY, KatavenBehaviour.READY, KatavenBehaviour.READY, KatavenBehaviour.READY,
            KatavenBehaviour.READY_WITHOUT_EXPIRY, KatavenBehaviour.READY_WITHOUT_EXPIRY,
            KatavenBehaviour.PROCESSING_UNTIL_TIME, KatavenBehaviour.PROCESSING_UNTIL_TIME,
            KatavenBehaviour.PROCESSING_UNTIL_POLLS, KatavenBehaviour.NO_RECORDING, KatavenBehaviour.NOT_CONFIGURED,
            KatavenBehaviour.INTERNAL_ERROR,
        };
        List<KatavenCall> calls = new ArrayList<>();
        for (int i = 0; i < Math.max(count, plan.length); i++) {
            calls.add(new KatavenCall(String.format("call_%04d", i + 1),
                    i < plan.length ? plan[i] : KatavenBehaviour.READY));
        }
        return calls;
    }
}
