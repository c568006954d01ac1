package dev.tapedeck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"sess_123456", "a/b", "with space", "ünïcødé", "a..b", "%2F", "?x#y", "..", ".", "...",
        "   ", "a\u0000b", "\u001b[2J\u001b]0;title\u0007", "a\nb", "\uD83C\uDFA5"})
    void sessionIdsKeepAnyTextThatCanTravelAsOneSegment(String value) {
        // Before, the dot segments, blanks and control characters were refused, so such sessions vanished.
        assertThat(SessionId.of(value).value()).isEqualTo(value);
        assertThat(RecordingId.of(value).value()).isEqualTo(value);
    }

    @Test
    void aBuilderBuiltTwiceKeepsWhatItBuiltFirstAndDropsNullTags() {
        Session.Builder builder = Session.builder("anchor", SessionId.of("s1")).providerData("a", JsonValue.text("1"))
                .tags(java.util.Arrays.asList("x", null, "y"));
        Session first = builder.build();
        builder.providerData("a", JsonValue.text("2")).unreadField("b", JsonValue.NULL);
        Session second = builder.build();

        assertThat(first.providerData().members()).containsExactly(java.util.Map.entry("a", JsonValue.text("1")));
        assertThat(second.providerData().members()).containsExactly(java.util.Map.entry("a", JsonValue.text("2")),
                java.util.Map.entry("b", JsonValue.NULL));
        assertThat(builder.build()).isEqualTo(second);
        assertThat(second.unreadFields()).containsExactly("b");
        assertThat(first.tags()).containsExactly("x", "y");
        assertThatThrownBy(() -> builder.providerData(null, JsonValue.NULL)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.providerData("c", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aRecordingHasAtLeastOneWayToFetchItKeptInDownloadOrder() {
        MediaLocation url = new MediaLocation.RemoteUrl(URI.create("https://cdn.example/r.mp4"), Optional.empty());
        MediaLocation playlist = new MediaLocation.InlinePlaylist("#EXTM3U\n", Optional.empty(), Optional.empty());
        Recording recording = Recording.builder("p", SessionId.of("s"), RecordingId.of("r"), RecordingFormat.HLS,
                        playlist)
                .alternative(MediaAlternative.of(RecordingFormat.OTHER, url))
                .alternative(MediaAlternative.of(RecordingFormat.MP4, url))
                .alternative(MediaAlternative.of(RecordingFormat.AUDIO, url)).build();

        assertThat(recording.alternatives()).extracting(MediaAlternative::format).containsExactly(
                RecordingFormat.MP4, RecordingFormat.AUDIO, RecordingFormat.HLS, RecordingFormat.OTHER);
        assertThat(recording.format()).isEqualTo(RecordingFormat.MP4);
        assertThatThrownBy(() -> new Recording("p", SessionId.of("s"), RecordingId.of("r"), false,
                java.util.List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), JsonValue.ObjectValue.EMPTY, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one way");
        assertThatThrownBy(() -> MediaAlternative.of(RecordingFormat.MP4, url).withSize(-1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(recording.alternativeLike(MediaAlternative.of(RecordingFormat.HLS, new MediaLocation
                .InlinePlaylist("other", Optional.empty(), Optional.empty())))).map(MediaAlternative::media)
                .contains(playlist);
    }

    @Test
    void sessionIdsRefuseWhatCannotTravelAsOneSegment() {
        assertThatThrownBy(() -> SessionId.of("")).hasMessage("invalid session id: it is empty; pass the id the "
                + "provider returned");
        assertThatThrownBy(() -> SessionId.of("x".repeat(513))).hasMessageContaining("513 characters");
        assertThatThrownBy(() -> SessionId.of("a\uD800b")).hasMessageContaining("unpaired surrogate U+D800 at index 1");
        assertThatThrownBy(() -> RecordingId.of("\uDFA5")).hasMessageContaining("invalid recording id");
    }

    @Test
    void sortParsesFieldAndDirection() {
        assertThat(Sort.parse("created_at")).isEqualTo(new Sort("created_at", true));
        assertThat(Sort.parse("created_at:desc")).isEqualTo(new Sort("created_at", false));
        assertThat(Sort.parse("used_credits:ASC").direction()).isEqualTo("asc");
        assertThatThrownBy(() -> Sort.parse("created_at:up")).hasMessageContaining("FIELD:asc or FIELD:desc");
    }

    @Test
    void statusWireNamesRoundTrip() {
        for (SessionStatus status : SessionStatus.values()) {
            assertThat(SessionStatus.fromWireName(status.wireName())).isEqualTo(status);
        }
        assertThat(SessionStatus.TIMED_OUT.wireName()).isEqualTo("timed_out");
        assertThatThrownBy(() -> SessionStatus.fromWireName("done")).hasMessageContaining("use one of active");
    }

    @Test
    void queriesRefuseNonsense() {
        assertThatThrownBy(() -> SessionQuery.builder().pageSize(0).build()).hasMessageContaining("page size");
        assertThatThrownBy(() -> SessionQuery.builder().createdFrom(Instant.parse("2026-02-01T00:00:00Z"))
                .createdTo(Instant.parse("2026-01-01T00:00:00Z")).build()).hasMessageContaining("is after");
    }

    @Test
    void queriesReportTheFiltersTheyUse() {
        SessionQuery query = SessionQuery.builder().tag("a").search("x").sort(Sort.parse("id")).build();
        assertThat(query.filtersInUse()).containsExactlyInAnyOrder(SessionFilter.TAGS, SessionFilter.SEARCH,
                SessionFilter.SORT);
        assertThat(SessionQuery.all().filtersInUse()).isEmpty();
    }

    @Test
    void collectionsInValuesAreImmutableCopies() {
        java.util.List<String> tags = new java.util.ArrayList<>(java.util.List.of("a"));
        Session session = Session.builder("p", SessionId.of("s")).tags(tags).build();
        tags.add("b");
        assertThat(session.tags()).containsExactly("a");
        assertThatThrownBy(() -> session.tags().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mediaLocationsNeverPrintTheirQueryString() {
        URI presigned = URI.create("https://bucket.s3.amazonaws.com/rec.mp4?X-Amz-Signature=abc123&X-Amz-Credential=AKIA");
        MediaLocation location = new MediaLocation.RemoteUrl(presigned, Optional.empty());
        assertThat(location.toString()).contains("https://bucket.s3.amazonaws.com/rec.mp4?…")
                .doesNotContain("abc123").doesNotContain("AKIA");
        Recording recording = Recording.builder("p", SessionId.of("s"), RecordingId.of("r"), RecordingFormat.MP4,
                location).build();
        assertThat(recording.toString()).doesNotContain("abc123");
    }

    @Test
    void redactionDropsUserInfoAndQuery() {
        assertThat(Redaction.url(URI.create("https://user:pw@host:8443/p/a?sig=1"))).isEqualTo("https://host:8443/p/a?…");
        assertThat(Redaction.url("not a uri ?token=secret")).isEqualTo("not a uri ?…");
        assertThat(Redaction.url("https://user:pw@host/a|b?sig=1")).isEqualTo("https://host/a|b?…");
    }

    @Test
    void expiryIsCheckedAgainstTheGivenInstant() {
        Instant expiry = Instant.parse("2026-11-22T10:05:00Z");
        MediaLocation location = new MediaLocation.RemoteUrl(URI.create("https://h/x"), Optional.of(expiry));
        assertThat(location.isExpiredAt(expiry.minusSeconds(1))).isFalse();
        assertThat(location.isExpiredAt(expiry)).isTrue();
        assertThat(new MediaLocation.ProviderStream("primary").isExpiredAt(Instant.MAX)).isFalse();
    }
}
