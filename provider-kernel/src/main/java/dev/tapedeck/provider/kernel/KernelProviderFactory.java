package dev.tapedeck.provider.kernel;

import dev.tapedeck.Connection;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SpiVersion;
import dev.tapedeck.http.ConnectionSettings;
import dev.tapedeck.http.HttpConnection;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.http.HttpProviderFactory;
import dev.tapedeck.http.StandardErrors;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.FilterSupport;
import dev.tapedeck.model.ProviderFilter;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.SessionFilter;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.provider.kernel.internal.KernelApi;
import dev.tapedeck.provider.kernel.internal.KernelHistory;
import dev.tapedeck.provider.kernel.internal.KernelRecordings;

/**
 * The Kernel provider ({@code kernel}): every replay of a browser session, each an MP4 the API serves with the key,
 * and the browser list, deleted browsers included.
 *
 * <p>Reads {@code KERNEL_API_KEY} (sent as {@code Authorization: Bearer} to the API's origin only) and
 * {@code KERNEL_BASE_URL} (else {@code https://api.onkernel.com}, the {@code @onkernel/sdk} 0.84.0 default). Kernel
 * filters its list by status itself (running browsers are {@code active}, ended ones soft-{@code deleted}) and by a
 * search text ({@code query}); core filters by creation time. Kernel has no pause: pausing here stops the running
 * replay (its video is kept) and resuming starts a new replay with Kernel's defaults, so a paused and resumed session
 * has one more recording; a 409 (resuming while a replay records) is an InvalidRequest. Construction does no work.
 */
public final class KernelProviderFactory extends HttpProviderFactory {

    static final ProviderMetadata METADATA = ProviderMetadata.builder("kernel", "Kernel", SpiVersion.CURRENT)
            .documentation("https://kernel.sh/docs")
            .capabilities(Capabilities.builder()
                    .supports(Capability.SESSION_HISTORY, Capability.LIST_RECORDINGS, Capability.PRIMARY_RECORDING,
                            Capability.PAUSE_RESUME, Capability.WAIT_UNTIL_READY)
                    .filter(SessionFilter.STATUS, FilterSupport.SERVER)
                    .filter(SessionFilter.CREATED_RANGE, FilterSupport.CLIENT)
                    .build())
            .providerFilters(ProviderFilter.text("query", "Kernel's search: a browser's name, session id, profile "
                    + "id, proxy id or pool name"))
            .defaultBaseUrl("https://api.onkernel.com")
            .recordingFormats(RecordingFormat.MP4)
            .build();

    /** Does nothing: discovery constructs every factory it finds; a connection reads its key and base URL first. */
    public KernelProviderFactory() {
        super(METADATA, config -> ConnectionSettings.connect(METADATA, config, (key, base) -> connection(
                HttpKit.builder(METADATA, base, config).bearerAuth(key).errorMapper(failure -> failure.status()
                        != 409 ? StandardErrors.map(failure, config.clock()) : TapedeckError.InvalidRequest.of(
                        METADATA.id(), StandardErrors.map(failure, config.clock()).message() + "; a browser records "
                        + "one replay at a time, so pause (stop) it first")).build())));
    }

    private static Connection connection(HttpKit kit) {
        KernelApi api = kit.api(KernelApi.class);
        return new HttpConnection(kit, METADATA, new KernelRecordings(kit, api, METADATA),
                new KernelHistory(kit, api, METADATA));
    }
}
