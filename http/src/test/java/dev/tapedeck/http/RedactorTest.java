package dev.tapedeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.spi.Secret;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    private final Redactor redactor = Redactor.of(List.of(Secret.of("my-own-key-123")));

    @ParameterizedTest
    @ValueSource(strings = {
            "key my-own-key-123 was refused",
            "see https://s3.example.com/b/k.mp4?X-Amz-Credential=AKIA%2F1&X-Amz-Signature=ab%2Bcd%3D now",
            "path /b/k.mp4?X-Amz-Signature=abcd&x=1",
            "{\"token\": \"tok_live_abcdef\"}",
            "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig",
            "anchor-api-key=zz_live_abcdef",
            "{\"api_key\":\"zz_live_abcdef\",\"password\":\"hunter2hunter2\"}",
            "Signature=abcdef0123&Key-Pair-Id=K2JCJMDEHXQW5F"})
    void masksSecretsTokensAndQueryStrings(String text) {
        String out = redactor.redact(text);

        assertThat(out).doesNotContain("my-own-key-123", "AKIA", "ab%2Bcd", "abcd&", "tok_live", "eyJhbGci",
                "zz_live", "hunter2", "abcdef0123", "K2JCJ");
    }

    @org.junit.jupiter.api.Test
    void aBearerHeaderValueAlsoMasksItsBareToken() {
        Redactor bearer = Redactor.of(List.of(Secret.of("Bearer tok-live-abcdef123")));

        assertThat(bearer.redact("Invalid API key tok-live-abcdef123")).isEqualTo("Invalid API key ****");
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid key MY-OWN-KEY-123", "invalid key My-Own-Key-123 for this account",
            "{\"detail\":\"key 'mY-oWn-KeY-123' revoked\"}"})
    void masksTheKeyInAnyLetterCase(String text) {
        assertThat(redactor.redact(text).toLowerCase(java.util.Locale.ROOT)).doesNotContain("my-own-key-123")
                .contains("****");
    }

    @org.junit.jupiter.api.Test
    void aKeyEchoedPercentEncodedIsMasked() {
        Redactor base64 = Redactor.of(List.of(Secret.of("kT9+xY/zQ=")));

        assertThat(base64.redact("unknown key kt9%2bxy%2fzq%3d in /v1/x")).isEqualTo("unknown key **** in /v1/x");
    }

    @org.junit.jupiter.api.Test
    void aBearerTokenEchoedUpperCasedIsMaskedToo() {
        Redactor bearer = Redactor.of(List.of(Secret.of("Bearer tok-live-abcdef123")));

        assertThat(bearer.redact("key TOK-LIVE-ABCDEF123 expired")).isEqualTo("key **** expired");
    }

    @org.junit.jupiter.api.Test
    void aTokenAfterAnAuthorizationFieldIsMaskedButItsSchemeWordStays() {
        assertThat(redactor.redact("Authorization: Bearer abc123def456ghi")).isEqualTo("Authorization: Bearer ****");
        assertThat(redactor.redact("authorization=basic dXNlcjpwYXNz")).isEqualTo("authorization=basic ****");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Session not found", "{\"detail\":[{\"loc\":[\"query\",\"page_size\"],\"msg\":\"too big\"}]}",
            "Invalid or missing API key: send Authorization: Bearer <NOTTE_API_KEY>",
            "Send the header Authorization: Bearer", "use token: <your token> here"})
    void leavesOrdinaryTextAlone(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }
}
