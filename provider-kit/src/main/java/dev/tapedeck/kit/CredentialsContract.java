package dev.tapedeck.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.EnvironmentVariable;
import dev.tapedeck.ProviderSetting;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A provider reads its key, base URL and settings by the one rule (explicit, else {@code <ID>_...} variables),
 * refuses to work without a key or over plain http off this machine, and never shows a key: not in an error, not in
 * a {@code toString}.
 */
public interface CredentialsContract {

    /** A key no emulator accepts, long enough to be spotted wherever it leaks. */
    String WRONG_KEY = "kit-wrong-key-7f3a9c01d2e4b5f6";

    /** The fixture of the running test. */
    ProviderFixture fixture();

    @Test
    default void withoutAKeyConnectingIsUnauthorizedNamingTheVariable() {
        ProviderFixture kit = fixture();
        ProviderConfig.Builder config = ProviderConfig.builder().baseUrl(kit.clientSettings().baseUrl())
                .environment(name -> Optional.empty());
        kit.clientSettings().settings().forEach(config::setting);

        TapedeckError error = kit.factory().connect(config.build()).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Unauthorized.class);
        assertThat(error.provider()).isEqualTo(kit.id());
        assertThat(error.message()).contains(EnvironmentVariable.nameFor(kit.id(), "api_key"));
    }

    @Test
    default void aRefusedKeyIsUnauthorizedNamingTheVariableAndNeverTheKey() {
        ProviderFixture kit = fixture();
        Connection connection = kit.connect(kit.config().apiKey(WRONG_KEY).build());

        TapedeckError error = connection.recordings().recordings(kit.sessionWithRecordings()).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Unauthorized.class);
        assertThat(error.provider()).isEqualTo(kit.id());
        assertThat(error.message()).contains(EnvironmentVariable.nameFor(kit.id(), "api_key")).doesNotContain(WRONG_KEY);
        assertThat(error.toString()).doesNotContain(WRONG_KEY);
    }

    @Test
    default void theKeyBaseUrlAndSettingsComeFromTheEnvironment() {
        ProviderFixture kit = fixture();
        Map<String, String> environment = new HashMap<>();
        environment.put(EnvironmentVariable.nameFor(kit.id(), "api_key"), kit.clientSettings().apiKey());
        environment.put(EnvironmentVariable.nameFor(kit.id(), "base_url"), kit.clientSettings().baseUrl().toString());
        kit.clientSettings().settings().forEach((key, value) -> environment.put(EnvironmentVariable.nameFor(kit.id(),
                key), value));
        ProviderConfig config = ProviderConfig.builder().environment(name -> Optional.ofNullable(environment.get(name)))
                .clock(kit.clock()).sleeper(kit.sleeper()).build();

        Connection connection = kit.connect(config);

        assertThat(connection.recordings().recordings(kit.sessionWithRecordings()).get()).isNotEmpty();
    }

    @Test
    default void aPlainHttpBaseUrlOffThisMachineIsRefusedNamingTheVariable() {
        ProviderFixture kit = fixture();
        URI plain = URI.create("http://api." + kit.id() + ".example" + kit.metadata().defaultBaseUrl().getRawPath());

        TapedeckError error = kit.factory().connect(kit.configAt(plain).build()).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Misconfigured.class);
        assertThat(error.message()).contains("https").contains(EnvironmentVariable.nameFor(kit.id(), "base_url"));
    }

    @Test
    default void noToStringShowsTheKeySecretSettingsOrSignatures() {
        ProviderFixture kit = fixture();
        ProviderConfig config = kit.config().build();
        Connection connection = kit.connect(config);
        List<Recording> recordings = connection.recordings().recordings(kit.sessionWithRecordings()).get();

        List<String> secrets = new ArrayList<>(List.of(kit.clientSettings().apiKey()));
        kit.metadata().settings().stream().filter(ProviderSetting::secret)
                .forEach(setting -> config.setting(kit.id(), setting).ifPresent(secrets::add));
        recordings.forEach(recording -> secrets.addAll(queryValues(recording.media())));
        List<String> shown = new ArrayList<>(List.of(config.toString(), kit.factory().toString(),
                connection.toString(), connection.recordings().toString(), connection.history().toString()));
        recordings.forEach(recording -> shown.add(recording.toString()));

        assertThat(shown).allSatisfy(text -> assertThat(secrets).noneMatch(text::contains));
    }

    /** The values of a media URL's query parameters (signatures, tokens) that are long enough to mean something. */
    private static List<String> queryValues(MediaLocation media) {
        if (!(media instanceof MediaLocation.RemoteUrl remote) || remote.uri().getRawQuery() == null) {
            return List.of();
        }
        return Arrays.stream(remote.uri().getRawQuery().split("&")).map(pair -> pair.substring(pair.indexOf('=') + 1))
                .filter(value -> value.length() >= 8).toList();
    }
}
