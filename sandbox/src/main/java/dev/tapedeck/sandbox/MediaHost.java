package dev.tapedeck.sandbox;

import dev.tapedeck.sandbox.spi.MediaPaths;
import dev.tapedeck.sandbox.spi.ApiHandler;
import dev.tapedeck.sandbox.spi.Call;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The media origin: serves presigned assets and generated streams without ever asking for credentials, answers
 * 403 (S3-style XML) when the signature is missing, tampered with or expired by the sandbox clock, and allows
 * cross-origin reads.
 */
final class MediaHost implements ApiHandler {

    private final MediaAssets assets;
    private final MediaLinks links;

    MediaHost(MediaAssets assets, MediaLinks links) {
        this.assets = assets;
        this.links = links;
    }

    @Override
    public void handle(Call call) throws IOException {
        var headers = call.responseHeaders();
        headers.set("Access-Control-Allow-Origin", "*");
        headers.set("Access-Control-Expose-Headers", "Content-Length, Content-Range, ETag, Accept-Ranges");
        if (call.method().equals("OPTIONS")) {
            headers.set("Access-Control-Allow-Methods", "GET, HEAD");
            headers.set("Access-Control-Allow-Headers", "Range, If-Range");
            call.body(204, 0, out -> { });
            return;
        }
        if (!call.method().equals("GET") && !call.isHead()) {
            headers.set("Allow", "GET, HEAD, OPTIONS");
            error(call, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            return;
        }
        String path = call.path();
        switch (links.signer().verify(path, call.query())) {
            case MISSING:
                error(call, 403, "AccessDenied", "Query-string authentication requires expires and signature.");
                return;
            case TAMPERED:
                error(call, 403, "SignatureDoesNotMatch", "The request signature does not match.");
                return;
            case EXPIRED:
                error(call, 403, "AccessDenied", "Request has expired.");
                return;
            default:
                break;
        }
        if (path.equals(MediaPaths.HLS_PLAYLIST)) {
            String playlist = links.playlist(assets, true);
            MediaReplies.serve(call, ByteSource.of(playlist, "application/vnd.apple.mpegurl"));
            return;
        }
        var source = assets.find(path);
        if (source.isEmpty()) {
            error(call, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        MediaReplies.serve(call, source.get());
    }

    @Override
    public void rateLimited(Call call, int retryAfterSeconds) throws IOException {
        call.responseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        error(call, 503, "SlowDown", "Please reduce your request rate.");
    }

    @Override
    public void failure(Call call, int status) throws IOException {
        error(call, status, status == 503 ? "ServiceUnavailable" : "InternalError",
                "We encountered an internal error. Please try again.");
    }

    private static void error(Call call, int status, String code, String message) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>\n";
        call.bytes(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }
}
