package com.example.acme;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapedeck.sandbox.spi.MediaPaths;
import dev.tapedeck.sandbox.spi.Call;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.Json;
import dev.tapedeck.sandbox.spi.PresignedLink;
import dev.tapedeck.sandbox.spi.ProviderEmulator;
import java.io.IOException;

/** The Acme API in the sandbox: two sessions, the first with a presigned MP4 recording. */
public final class AcmeEmulator implements ProviderEmulator {

    @Override
    public String providerId() {
        return "acme";
    }

    @Override
    public Emulation start(EmulatorContext context) {
        return new AcmeEmulation(context);
    }
}

final class AcmeEmulation implements Emulation {
    private static final String KEY = "acme-sandbox-key";
    private final EmulatorContext context;

    AcmeEmulation(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public ClientSettings clientSettings() {
        return ClientSettings.of(context.mountUrl(), KEY);
    }

    @Override
    public void handle(Call call) throws IOException {
        if (!call.header("Authorization").orElse("").equals("Bearer " + KEY)) {
            call.json(401, Json.object().put("error", "unauthorized"));
        } else if (call.path().equals("/sessions")) {
            ObjectNode body = Json.object();
            body.putArray("sessions").add(Json.object().put("id", "acme_1").put("created", "2026-01-01T10:00:00Z"))
                    .add(Json.object().put("id", "acme_2").put("created", "2026-01-02T10:00:00Z"));
            call.json(200, body);
        } else if (call.path().equals("/sessions/acme_1/recording")) {
            PresignedLink link = context.presign(MediaPaths.SAMPLE_MP4);
            call.json(200, Json.object().put("url", link.url()).put("expires_at", link.expiresAt().toString()));
        } else {
            call.json(404, Json.object().put("error", "not found: " + call.path()));
        }
    }

    @Override
    public void rateLimited(Call call, int retryAfterSeconds) throws IOException {
        call.responseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        call.json(429, Json.object().put("error", "slow down"));
    }

    @Override
    public void failure(Call call, int status) throws IOException {
        call.json(status, Json.object().put("error", "failed"));
    }
}
