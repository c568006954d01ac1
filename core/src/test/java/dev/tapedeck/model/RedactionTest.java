package dev.tapedeck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // AWS SigV4: credential, security token and signature masked; the rest shows where and until when
        "https://b.s3.amazonaws.com/r.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F2026&X-Amz-Date=20261203T000000Z&X-Amz-Expires=300&X-Amz-Security-Token=abc&X-Amz-Signature=f00d"
                + "|https://b.s3.amazonaws.com/r.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=REDACTED&X-Amz-Date=20261203T000000Z&X-Amz-Expires=300&X-Amz-Security-Token=REDACTED&X-Amz-Signature=REDACTED",
        // names matched without case, and percent-encoded names decoded first
        "https://cdn.example/v.mp4?expires=9&SIGNATURE=1&x%2Damz%2Dsignature=2|https://cdn.example/v.mp4?expires=9&SIGNATURE=REDACTED&x%2Damz%2Dsignature=REDACTED",
        // Azure SAS, Google, CloudFront, plain tokens; a fragment stays
        "https://a.blob.core.windows.net/c/x?sv=2024&se=2026&sig=abc#t=1|https://a.blob.core.windows.net/c/x?sv=2024&se=2026&sig=REDACTED#t=1",
        "https://storage.googleapis.com/b/o?GoogleAccessId=me&Expires=1&Signature=x|https://storage.googleapis.com/b/o?GoogleAccessId=REDACTED&Expires=1&Signature=REDACTED",
        "https://d.cloudfront.net/x?Policy=p&Key-Pair-Id=k|https://d.cloudfront.net/x?Policy=REDACTED&Key-Pair-Id=REDACTED",
        "https://h.example/x?token=t&access_token=a&api_key=k|https://h.example/x?token=REDACTED&access_token=REDACTED&api_key=REDACTED",
        // user-info goes, a URL without a query stays as it is
        "https://user:pass@h.example/x?a=1|https://h.example/x?a=1",
        "https://h.example/plain.mp4|https://h.example/plain.mp4",
        // names whose last word is a credential: signing keys, JWTs; other names stay
        "wss://connect.example/x?signingKey=eyJ&jwt=eyK&page=2&key_name=k|wss://connect.example/x?signingKey=REDACTED&jwt=REDACTED&page=2&key_name=k",
    })
    void credentialsMasksTheValuesOfSignatureAndCredentialParametersOnly(String url, String expected) {
        assertThat(Redaction.credentials(URI.create(url))).isEqualTo(expected);
    }

    @Test
    void urlDropsTheQueryAndUserInfo() {
        assertThat(Redaction.url(URI.create("https://u:p@h.example:8443/x.mp4?sig=1"))).isEqualTo(
                "https://h.example:8443/x.mp4?…");
    }

    @ParameterizedTest
    @CsvSource({"password,true", "proxy_password,true", "signingKey,true", "x-api-key,true", "apiKey,true",
        "APIKey,true", "access_token,true", "Set-Cookie,true", "jwt,true", "clientSecret,true",
        "api_key_name,false", "token_count,false", "monkey,false", "keepAlive,false", "tokens,false", "id,false"})
    void credentialNamesAreThoseWhoseLastWordIsACredential(String name, boolean credential) {
        assertThat(Redaction.isCredentialName(name)).isEqualTo(credential);
    }

    @Test
    void urlTextRendersWholeUrlsOnly() {
        assertThat(Redaction.urlText("https://h.example/x?sig=1", Redaction::credentials))
                .contains("https://h.example/x?sig=REDACTED");
        assertThat(Redaction.urlText("wss://h.example/cdp?token=t", Redaction::url)).contains("wss://h.example/cdp?…");
        assertThat(Redaction.urlText("https://h.example/a|b?sig=1", Redaction::credentials))
                .contains("https://h.example/a|b?…");
        assertThat(Redaction.urlText("see https://h.example/x", Redaction::url)).isEmpty();
        assertThat(Redaction.urlText("anchor_proxy", Redaction::url)).isEmpty();
    }

    @Test
    void playlistMasksEverySegmentAndAttributeUri() {
        String playlist = "#EXTM3U\n#EXT-X-MAP:URI=\"https://cdn.example/init.mp4?Signature=s&Expires=9\"\n"
                + "#EXTINF:4.0,\nhttps://cdn.example/0.m4s?sig=a\n#EXTINF:4.0,\nreplay/1.ts?token=b\n#EXT-X-ENDLIST\n";

        assertThat(Redaction.playlist(playlist, Redaction::credentials)).isEqualTo("#EXTM3U\n"
                + "#EXT-X-MAP:URI=\"https://cdn.example/init.mp4?Signature=REDACTED&Expires=9\"\n"
                + "#EXTINF:4.0,\nhttps://cdn.example/0.m4s?sig=REDACTED\n#EXTINF:4.0,\nreplay/1.ts?token=REDACTED\n"
                + "#EXT-X-ENDLIST\n");
    }
}
