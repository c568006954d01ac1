package dev.tapedeck.http;

import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * Pages a history that an API lists one partition at a time: one request per value of a filter (a status word),
 * each partition perhaps paged by the API's own cursor. A page token is the partition, followed by a blank and the
 * API's cursor when the partition has more: {@code released} or {@code released c42}. A partition that answers an
 * empty page is passed over within the same call, so core (which stops on an empty page) sees the later ones; at most
 * one request per partition is spent that way, so this never loops.
 */
public final class PartitionedPages {

    /** Fetches one page of one partition; the page's {@code next} is the API's own cursor within the partition. */
    @FunctionalInterface
    public interface PartFetcher<T> {
        /** The page of {@code partition} at {@code cursor} (empty: its first page). */
        Either<TapedeckError, Page<T>> fetch(String partition, Optional<String> cursor);
    }

    private PartitionedPages() {
    }

    /**
     * The page at {@code token} (empty: the first partition's first page) of {@code partitions}, in their order. No
     * partitions (a filter that selects none) is an empty last page, without a request; a token naming no partition
     * is InvalidRequest. The total of a single partition is kept; across several it is unknown.
     */
    public static <T> Either<TapedeckError, Page<T>> fetch(String providerId, List<String> partitions,
            Optional<PageToken> token, PartFetcher<T> fetcher) {
        if (partitions.isEmpty()) {
            return Either.right(Page.last(List.of()));
        }
        String value = token.map(PageToken::value).orElse(partitions.get(0));
        int blank = value.indexOf(' ');
        int index = partitions.indexOf(blank < 0 ? value : value.substring(0, blank));
        if (index < 0) {
            return Either.left(TapedeckError.InvalidRequest.of(providerId, providerId + " page tokens start with one "
                    + "of " + partitions + "; '" + value + "' does not, so start the listing again"));
        }
        Optional<String> cursor = blank < 0 ? Optional.empty()
                : Optional.of(value.substring(blank + 1)).filter(c -> !c.isBlank());
        while (true) {
            String partition = partitions.get(index);
            Either<TapedeckError, Page<T>> fetched = fetcher.fetch(partition, cursor);
            if (fetched.isLeft()) {
                return fetched;
            }
            Page<T> page = fetched.get();
            boolean last = index + 1 >= partitions.size();
            if (page.items().isEmpty() && !last) {
                index++;
                cursor = Optional.empty();
                continue;
            }
            Optional<PageToken> next = page.items().isEmpty() ? Optional.empty()
                    : page.next().map(more -> new PageToken(partition + " " + more.value()))
                            .or(() -> last ? Optional.empty() : Optional.of(new PageToken(partitions.get(
                                    partitions.indexOf(partition) + 1))));
            return Either.right(new Page<>(page.items(), next, partitions.size() == 1 ? page.total()
                    : Optional.empty()));
        }
    }
}
