package dev.tapedeck.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A pauser that records what it was asked to wait instead of waiting. */
final class RecordingPauser implements Pauser {

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @Override
    public void pause(Duration duration) {
        pauses.add(duration);
    }

    List<Duration> pauses() {
        return List.copyOf(pauses);
    }
}
