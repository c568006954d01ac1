package dev.tapedeck.discovery;

import dev.tapedeck.Connection;
import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.TestMetadata;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.ProviderFactory;
import io.vavr.control.Either;
import java.util.List;

/** A provider that lives in test code, registered through test resources, to exercise discovery. */
public class FakeProviderFactory implements ProviderFactory {

    static final Capabilities CAPABILITIES = Capabilities.builder().supports(Capability.LIST_RECORDINGS).build();

    @Override
    public ProviderMetadata metadata() {
        return TestMetadata.of(id(), CAPABILITIES);
    }

    String id() {
        return "fake";
    }

    @Override
    public Either<TapedeckError, Connection> connect(ProviderConfig config) {
        if (config.apiKey(id()).isEmpty()) {
            return Either.left(new TapedeckError.Misconfigured(id(), "set FAKE_API_KEY"));
        }
        RecordingSource recordings = new RecordingSource() {
            @Override
            public ProviderMetadata metadata() {
                return FakeProviderFactory.this.metadata();
            }

            @Override
            public Either<TapedeckError, List<Recording>> recordings(SessionId session) {
                return Either.right(List.of());
            }

            @Override
            public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request) {
                return Either.left(new TapedeckError.NotFound("fake", "no media"));
            }
        };
        return Either.right(new Connection() {
            @Override
            public ProviderMetadata metadata() {
                return FakeProviderFactory.this.metadata();
            }

            @Override
            public RecordingSource recordings() {
                return recordings;
            }

            @Override
            public SessionHistory history() {
                return SessionHistory.unsupported(metadata());
            }

            @Override
            public void close() {
            }
        });
    }
}
