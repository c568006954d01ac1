package dev.tapedeck.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.SpiVersion;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

    private static final Capabilities CAPABILITIES = Capabilities.builder().supports(Capability.LIST_RECORDINGS).build();

    private final HttpKit kit = TestKits.kit("http://127.0.0.1:9/api", new RecordingSleeper()).build();

    private static ProviderMetadata metadata(String provider) {
        return ProviderMetadata.builder(provider, provider, SpiVersion.CURRENT).documentation("https://docs.example.com")
                .defaultBaseUrl("https://api.example.com").capabilities(CAPABILITIES).build();
    }

    private static RecordingSource recordingsOf(String provider) {
        return new RecordingSource() {
            @Override
            public ProviderMetadata metadata() {
                return HttpConnectionTest.metadata(provider);
            }

            @Override
            public Either<TapedeckError, List<Recording>> recordings(SessionId session) {
                return Either.right(List.of());
            }

            @Override
            public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request) {
                return Either.left(TapedeckError.InvalidRequest.of(provider, "not in this test"));
            }
        };
    }

    @Test
    void exposesThePortsAndClosesTheKitWithoutShowingTheKey() {
        RecordingSource recordings = recordingsOf("anchor");
        SessionHistory history = SessionHistory.unsupported(metadata("anchor"));

        HttpConnection connection = new HttpConnection(kit, metadata("anchor"), recordings, history);

        assertThat(connection.provider()).isEqualTo("anchor");
        assertThat(connection.capabilities()).isEqualTo(CAPABILITIES);
        assertThat(connection.recordings()).isSameAs(recordings);
        assertThat(connection.history()).isSameAs(history);
        assertThat(connection.toString()).contains("anchor").contains("http://127.0.0.1:9/api")
                .doesNotContain(TestKits.KEY);
        connection.close();
        assertThatThrownBy(() -> kit.api(TestKits.Api.class)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void portsOfAnotherProviderAreRefused() {
        assertThatThrownBy(() -> new HttpConnection(kit, metadata("anchor"), recordingsOf("notte"),
                SessionHistory.unsupported(metadata("anchor"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notte");
    }
}
