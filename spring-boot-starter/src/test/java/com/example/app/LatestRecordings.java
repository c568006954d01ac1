package com.example.app;

import dev.tapedeck.Connection;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckException;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;

/** The README's Spring Boot example: a user's bean that takes one provider's connection by its id. */
public class LatestRecordings {

    private final Connection anchor;

    public LatestRecordings(@Qualifier("anchor") Connection anchor) {
        this.anchor = anchor;
    }

    /** The recordings of one session; a provider's refusal is thrown as a TapedeckException carrying the error. */
    public List<Recording> of(String sessionId) {
        return anchor.recordings().recordings(SessionId.of(sessionId)).getOrElseThrow(TapedeckException::new);
    }
}
