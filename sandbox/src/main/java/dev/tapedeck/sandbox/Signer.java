package dev.tapedeck.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Presigns media paths the way S3 does in spirit: {@code ?expires=<epoch seconds>&signature=<hex HMAC-SHA256 of
 * path and expiry>}, and checks such queries on the media host against the injected clock.
 */
final class Signer {

    /** The outcome of checking a presigned query. */
    enum Verdict { VALID, MISSING, EXPIRED, TAMPERED }

    /** A presigned path-and-query and the instant it stops working. */
    record Presigned(String pathAndQuery, Instant expiresAt) {
    }

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration ttl;

    Signer(String key, Clock clock, Duration ttl) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
        this.ttl = ttl;
    }

    Presigned presign(String path) {
        Instant expiresAt = clock.instant().plus(ttl);
        long expires = expiresAt.getEpochSecond();
        return new Presigned(path + "?expires=" + expires + "&signature=" + sign(path, expires),
                Instant.ofEpochSecond(expires));
    }

    Verdict verify(String path, Map<String, String> query) {
        String expires = query.get("expires");
        String signature = query.get("signature");
        if (expires == null || signature == null) {
            return Verdict.MISSING;
        }
        long epoch;
        try {
            epoch = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Verdict.TAMPERED;
        }
        byte[] expected = sign(path, epoch).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.TAMPERED;
        }
        return clock.instant().getEpochSecond() > epoch ? Verdict.EXPIRED : Verdict.VALID;
    }

    private String sign(String path, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((path + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
