package dev.tapedeck.http;

import dev.tapedeck.model.TapedeckError;

/**
 * Turns a failed response into a {@link TapedeckError}. Providers override what is special about them and delegate
 * the rest to {@link StandardErrors#map}. The retry layer consults it too: a result that is not
 * {@link TapedeckError#isTransient() transient} is never retried, whatever the status.
 */
@FunctionalInterface
public interface ErrorMapper {

    /** The error {@code failure} stands for; never null. */
    TapedeckError map(HttpFailure failure);
}
