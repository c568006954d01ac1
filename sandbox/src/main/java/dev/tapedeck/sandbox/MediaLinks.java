package dev.tapedeck.sandbox;

import dev.tapedeck.sandbox.spi.MediaPaths;
import java.net.URI;

/** Turns media-host paths into absolute presigned URLs on the media origin. */
final class MediaLinks {

    private final URI origin;
    private final Signer signer;

    MediaLinks(URI origin, Signer signer) {
        this.origin = origin;
        this.signer = signer;
    }

    Signer.Presigned presign(String path) {
        Signer.Presigned relative = signer.presign(path);
        return new Signer.Presigned(origin + relative.pathAndQuery(), relative.expiresAt());
    }

    String url(String path) {
        return presign(path).pathAndQuery();
    }

    /** The shipped HLS playlist, {@code finished} or still being written, with every segment URL presigned now. */
    String playlist(MediaAssets assets, boolean finished) {
        return assets.playlist(segment -> url(MediaPaths.HLS_FOLDER + segment), finished);
    }

    Signer signer() {
        return signer;
    }
}
