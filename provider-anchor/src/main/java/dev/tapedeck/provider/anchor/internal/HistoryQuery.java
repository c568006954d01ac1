package dev.tapedeck.provider.anchor.internal;

import dev.tapedeck.http.PercentEncoding;
import dev.tapedeck.model.ProviderFilter;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SessionQuery} as the query parameters of Anchor's {@code GET /v1/sessions}, in the document's order and
 * already percent-encoded.
 *
 * <p>{@code limit} may only be 10, 20 or 50: the requested page size (else the query's limit, else the largest) is
 * raised to the smallest legal size at or above it, capped at 50; core trims the listing to the query's limit.
 * Tags and domains travel comma-separated (the comma sent as {@code %2C}), so a value containing a comma is
 * refused rather than split. Provider filters arrive checked by core against {@link AnchorProvider#METADATA}
 * (known keys, booleans {@code true} or {@code false}, no blank text); booleans are sent lower-case.
 */
final class HistoryQuery {

    /** The page sizes Anchor accepts, ascending. */
    static final List<Integer> PAGE_SIZES = List.of(10, 20, 50);

    /**
     * The comma between list items, percent-encoded: Feign re-encodes a value holding a literal comma (doubling
     * every {@code %}), and servers decode the value before splitting it, so {@code %2C} separates the same way.
     */
    private static final String LIST_SEPARATOR = "%2C";

    /** Where each provider filter goes among the parameters, after the neutral ones: the document's order. */
    private static final List<String> PROVIDER_ORDER = List.of("batch_id", "task_initiated", "playground", "proxy",
            "extra_stealth", "profile_name");

    private HistoryQuery() {
    }

    /** The legal page size for a request of {@code requested} sessions per page. */
    static int pageSize(long requested) {
        for (int size : PAGE_SIZES) {
            if (size >= requested) {
                return size;
            }
        }
        return PAGE_SIZES.get(PAGE_SIZES.size() - 1);
    }

    /**
     * The encoded parameters for page {@code page} of {@code query}, or InvalidRequest naming what is wrong
     * (Unsupported for an unknown provider filter).
     */
    static Either<TapedeckError, Map<String, Object>> parameters(SessionQuery query, long page) {
        Map<String, String> provider = providerFilters(query.providerFilters());
        if (query.status().isPresent() && provider.containsKey("status")) {
            return invalid("both the neutral status filter and the provider filter 'status' are set; use one");
        }
        Optional<String> status = Optional.ofNullable(provider.get("status"));
        if (query.status().isPresent()) {
            SessionStatus neutral = query.status().get();
            status = StatusWords.filterWord(neutral);
            if (status.isEmpty()) {
                return invalid("there is no Anchor status word for '" + neutral.wireName() + "'; filter by active, "
                        + "completed, failed or timed_out, or pass Anchor's own word as the provider filter 'status'");
            }
        }
        Either<TapedeckError, Optional<String>> tags = list("tag", query.tags());
        Either<TapedeckError, Optional<String>> domains = list("domain", query.domains());
        if (tags.isLeft()) {
            return Either.left(tags.getLeft());
        }
        if (domains.isLeft()) {
            return Either.left(domains.getLeft());
        }
        long perPage = query.pageSize().map(Integer::longValue).or(query::limit)
                .orElse((long) PAGE_SIZES.get(PAGE_SIZES.size() - 1));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("page", Long.toString(page));
        out.put("limit", Integer.toString(pageSize(perPage)));
        query.sort().ifPresent(sort -> {
            out.put("sort_by", PercentEncoding.encode(sort.field()));
            out.put("sort_order", sort.direction());
        });
        query.search().ifPresent(text -> out.put("search", PercentEncoding.encode(text)));
        status.ifPresent(word -> out.put("status", PercentEncoding.encode(word)));
        tags.get().ifPresent(joined -> out.put("tags", joined));
        domains.get().ifPresent(joined -> out.put("domains", joined));
        query.createdFrom().ifPresent(from -> out.put("created_from", instant(from)));
        query.createdTo().ifPresent(to -> out.put("created_to", instant(to)));
        for (String key : PROVIDER_ORDER) {
            if (provider.containsKey(key)) {
                out.put(key, PercentEncoding.encode(provider.get(key)));
            }
        }
        return Either.right(out);
    }

    /** The provider filters (already checked by core) stripped, booleans lower-cased. */
    private static Map<String, String> providerFilters(Map<String, String> filters) {
        Map<String, String> out = new LinkedHashMap<>();
        filters.forEach((key, value) -> out.put(key, AnchorProvider.METADATA.providerFilter(key)
                .filter(declared -> declared.type() == ProviderFilter.Type.BOOLEAN)
                .map(declared -> value.strip().toLowerCase(Locale.ROOT))
                .orElse(value.strip())));
        return out;
    }

    /** The values comma-joined and encoded, empty for none; refuses blank values and values with commas. */
    private static Either<TapedeckError, Optional<String>> list(String what, List<String> values) {
        if (values.isEmpty()) {
            return Either.right(Optional.empty());
        }
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            if (value.isBlank()) {
                return invalid("a " + what + " filter is blank; leave it out");
            }
            if (value.indexOf(',') >= 0) {
                return invalid("the " + what + " '" + value + "' contains a comma, which anchor's comma-separated "
                        + what + "s parameter would split; filter by its parts instead");
            }
            if (joined.length() > 0) {
                joined.append(LIST_SEPARATOR);
            }
            joined.append(PercentEncoding.encode(value));
        }
        return Either.right(Optional.of(joined.toString()));
    }

    private static String instant(Instant instant) {
        return PercentEncoding.encode(instant.toString());
    }

    private static <T> Either<TapedeckError, T> invalid(String why) {
        return Either.left(TapedeckError.InvalidRequest.of(AnchorProvider.ID, "anchor: " + why));
    }
}
