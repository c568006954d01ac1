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
    })
    void credentialsMasksTheValuesOfSignatureAndCredentialParametersOnly(String url, String expected) {
        assertThat(Redaction.credentials(URI.create(url))).isEqualTo(expected);
    }

    @Test
    void urlDropsTheQueryAndUserInfo() {
        assertThat(Redaction.url(URI.create("https://u:p@h.example:8443/x.mp4?sig=1"))).isEqualTo(
                "https://h.example:8443/x.mp4?…");
    }
}
