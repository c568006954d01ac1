package dev.tapedeck.internal.paging;

import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.model.TapedeckException;
import io.vavr.control.Either;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazy auto-pagination: fetches the next page only when the consumer has used up the current one.
 *
 * <p>Stops on a page without a next token, on an empty page, on a token it already followed, on a page whose
 * items are exactly those of the page before (a server that ignores the page parameter) and after
 * {@value #PAGES_WITHOUT_NEW_ITEMS} pages in a row that bring no item it has not seen (a server that serves the
 * same pages in turn under ever new tokens), so it never loops. Items seen recently are not returned twice, as
 * happens when page-number paging runs over a list that grows while it is read; one or two such pages in a row are
 * still followed, since a list that grew by more than a page shifts whole pages. A failed fetch surfaces as a
 * {@link TapedeckException}.
 */
public final class Paginator {

    private Paginator() {
    }

    /** A lazy stream over {@code first} and the pages after it. {@code key} identifies an item, to spot repeats. */
    public static <T> Stream<T> stream(Page<T> first, Function<PageToken, Either<TapedeckError, Page<T>>> fetch,
            Function<T, ?> key) {
        Iterator<T> iterator = new PagingIterator<>(first, fetch, key);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }

    /** How many recent item keys are remembered to drop repeats; bounds memory on endless histories. */
    static final int REMEMBERED_KEYS = 10_000;

    /** How many pages in a row may bring nothing new before paging stops. */
    static final int PAGES_WITHOUT_NEW_ITEMS = 3;

    private static final class PagingIterator<T> implements Iterator<T> {
        private final Function<PageToken, Either<TapedeckError, Page<T>>> fetch;
        private final Function<T, ?> key;
        private final Set<PageToken> followed = new HashSet<>();
        private final Set<Object> recentKeys = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Boolean> eldest) {
                return size() > REMEMBERED_KEYS;
            }
        });
        private final Deque<T> buffer = new ArrayDeque<>();
        private Optional<PageToken> next;
        private List<?> previousKeys;
        private int pagesWithoutNewItems;

        PagingIterator(Page<T> first, Function<PageToken, Either<TapedeckError, Page<T>>> fetch, Function<T, ?> key) {
            this.fetch = fetch;
            this.key = key;
            accept(first);
        }

        private void accept(Page<T> page) {
            List<?> keys = page.items().stream().map(key).collect(Collectors.toList());
            if (page.items().isEmpty() || keys.equals(previousKeys)) {
                next = Optional.empty();
                return;
            }
            previousKeys = keys;
            int before = buffer.size();
            for (T item : page.items()) {
                if (recentKeys.add(key.apply(item))) {
                    buffer.add(item);
                }
            }
            pagesWithoutNewItems = buffer.size() > before ? 0 : pagesWithoutNewItems + 1;
            next = pagesWithoutNewItems >= PAGES_WITHOUT_NEW_ITEMS ? Optional.empty()
                    : page.next().filter(followed::add);
        }

        @Override
        public boolean hasNext() {
            while (buffer.isEmpty() && next.isPresent()) {
                PageToken token = next.get();
                next = Optional.empty();
                Either<TapedeckError, Page<T>> page = fetch.apply(token);
                if (page.isLeft()) {
                    throw new TapedeckException(page.getLeft());
                }
                accept(page.get());
            }
            return !buffer.isEmpty();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.removeFirst();
        }
    }
}
