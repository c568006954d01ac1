package dev.tapedeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Partitions are walked in order, each by its own cursor, empty ones passed over, and a foreign token refused. */
class PartitionedPagesTest {

    private final List<String> asked = new ArrayList<>();

    /** live: one page; released: two pages (cursor c2); failed: empty. */
    private Either<TapedeckError, Page<String>> serve(String partition, Optional<String> cursor) {
        asked.add(partition + cursor.map(c -> "@" + c).orElse(""));
        Map<String, Page<String>> pages = Map.of(
                "live", new Page<>(List.of("l1"), Optional.empty(), Optional.of(1L)),
                "released", new Page<>(List.of("r1", "r2"), Optional.of(new PageToken("c2")), Optional.of(3L)),
                "released@c2", new Page<>(List.of("r3"), Optional.empty(), Optional.of(3L)),
                "failed", Page.last(List.of()));
        return Either.right(pages.get(partition + cursor.map(c -> "@" + c).orElse("")));
    }

    private Page<String> page(List<String> partitions, Optional<PageToken> token) {
        return PartitionedPages.fetch("test", partitions, token, this::serve).get();
    }

    @Test
    void everyPartitionIsWalkedInOrderByItsOwnCursorAndTheLastEmptyOneEndsIt() {
        List<String> all = List.of("live", "released", "failed");
        List<String> seen = new ArrayList<>();
        Optional<PageToken> token = Optional.empty();
        for (int pages = 0; pages < 10; pages++) {
            Page<String> page = page(all, token);
            seen.addAll(page.items());
            token = page.next();
            if (token.isEmpty()) {
                break;
            }
        }
        assertThat(seen).containsExactly("l1", "r1", "r2", "r3");
        assertThat(asked).containsExactly("live", "released", "released@c2", "failed");
    }

    @Test
    void anEmptyPartitionIsPassedOverInTheSameCall() {
        Page<String> page = page(List.of("failed", "live"), Optional.empty());

        assertThat(page.items()).containsExactly("l1");
        assertThat(page.next()).isEmpty();
        assertThat(asked).containsExactly("failed", "live");
    }

    @Test
    void onePartitionKeepsItsTotalAndNoPartitionIsAnEmptyPageWithoutARequest() {
        assertThat(page(List.of("released"), Optional.empty()).total()).contains(3L);
        assertThat(page(List.of("live", "released"), Optional.empty()).total()).isEmpty();
        assertThat(page(List.of(), Optional.empty()).items()).isEmpty();
        assertThat(asked).containsExactly("released", "live");
    }

    @Test
    void aTokenNamingNoPartitionIsRefusedWithoutARequest() {
        Either<TapedeckError, Page<String>> refused = PartitionedPages.fetch("test", List.of("live"),
                Optional.of(new PageToken("deleted c1")), this::serve);

        assertThat(refused.getLeft()).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(refused.getLeft().message()).contains("test", "deleted c1", "start the listing again");
        assertThat(asked).isEmpty();
    }
}
