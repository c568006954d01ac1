package dev.tapedeck.sandbox;

import dev.tapedeck.sandbox.spi.Call;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.PresignedLink;
import dev.tapedeck.sandbox.spi.SandboxScenario;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The {@link EmulatorContext} of one emulator mounted in a running sandbox. */
final class MountedContext implements EmulatorContext {

    private final String providerId;
    private final URI mountUrl;
    private final SandboxOptions options;
    private final Instant startedAt;
    private final MediaAssets assets;
    private final MediaLinks links;

    MountedContext(String providerId, URI mountUrl, SandboxOptions options, Instant startedAt, MediaAssets assets,
            MediaLinks links) {
        this.providerId = providerId;
        this.mountUrl = mountUrl;
        this.options = options;
        this.startedAt = startedAt;
        this.assets = assets;
        this.links = links;
    }

    @Override
    public String providerId() {
        return providerId;
    }

    @Override
    public URI mountUrl() {
        return mountUrl;
    }

    @Override
    public long seed() {
        return options.seed();
    }

    @Override
    public Clock clock() {
        return options.clock();
    }

    @Override
    public SandboxScenario scenario() {
        return options.scenario();
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(options.settings(providerId).get(key));
    }

    @Override
    public PresignedLink presign(String mediaPath) {
        Signer.Presigned signed = links.presign(mediaPath);
        return new PresignedLink(signed.pathAndQuery(), signed.expiresAt());
    }

    @Override
    public String hlsPlaylist() {
        return links.playlist(assets, true);
    }

    @Override
    public String hlsPlaylistSoFar() {
        return links.playlist(assets, false);
    }

    @Override
    public long mediaSize(String mediaPath) {
        return assets.find(mediaPath).orElseThrow(() -> new IllegalArgumentException("the sandbox has no media at "
                + mediaPath)).length();
    }

    @Override
    public boolean serveMedia(Call call, String mediaPath, String contentType) throws IOException {
        Optional<ByteSource> source = assets.find(mediaPath);
        if (source.isEmpty()) {
            return false;
        }
        MediaReplies.serve(call, source.get().as(contentType));
        return true;
    }
}
