package dev.tapedeck.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import dev.tapedeck.sandbox.spi.ApiHandler;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The front door of one server: routes a request to its {@link ApiHandler} by the first path segment (or to the
 * single handler of the media host), counts it (with whether it carried one of the credential headers), and applies
 * the pending {@link Faults} of its origin and path before the handler sees it.
 */
final class Gate implements HttpHandler {

    private final Origin origin;
    private final Supplier<Map<String, ? extends ApiHandler>> apisByName;
    private final ApiHandler single;
    private final Set<String> credentialHeaders;
    private final Counters counters;
    private final Faults faults;
    private final Pauser pauser;
    private final LongSupplier resets;

    private Gate(Origin origin, Supplier<Map<String, ? extends ApiHandler>> apisByName, ApiHandler single,
                 Set<String> credentialHeaders,
                 Counters counters, Faults faults, Pauser pauser, LongSupplier resets) {
        this.origin = origin;
        this.apisByName = apisByName;
        this.single = single;
        this.credentialHeaders = Set.copyOf(credentialHeaders);
        this.counters = counters;
        this.faults = faults;
        this.pauser = pauser;
        this.resets = resets;
    }

    /**
     * A gate that routes {@code /<name>/...} to the API of that name, asking {@code apisByName} on every request, so
     * that a sandbox that resets its emulations routes to the new ones. {@code resets} counts the sandbox's resets: an
     * answer still pausing (latency, dribbling) when the count moves is dropped, so that it cannot reach into the
     * next test (moving its clock, say).
     */
    static Gate routing(Origin origin, Supplier<Map<String, ? extends ApiHandler>> apisByName,
            Set<String> credentialHeaders, Counters counters, Faults faults, Pauser pauser, LongSupplier resets) {
        return new Gate(origin, apisByName, null, credentialHeaders, counters, faults, pauser, resets);
    }

    /** A gate in front of one API that owns the whole path space; see {@link #routing} for {@code resets}. */
    static Gate single(Origin origin, ApiHandler api, Set<String> credentialHeaders, Counters counters,
            Faults faults, Pauser pauser, LongSupplier resets) {
        return new Gate(origin, Map::of, api, credentialHeaders, counters, faults, pauser, resets);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (InputStream requestBody = exchange.getRequestBody()) {
            requestBody.readAllBytes();
            String rawPath = exchange.getRequestURI().getRawPath();
            ApiHandler api = single;
            String name = origin.label();
            String below = rawPath;
            Map<String, ? extends ApiHandler> apis = apisByName.get();
            if (api == null) {
                int slash = rawPath.indexOf('/', 1);
                String first = slash < 0 ? rawPath.substring(1) : rawPath.substring(1, slash);
                api = apis.get(first);
                name = api == null ? name : first;
                below = slash < 0 ? "/" : rawPath.substring(slash);
            }
            counters.record(origin, name, carriesCredentials(exchange));
            FaultPlan plan = faults.next(origin, rawPath);
            Pauser untilReset = untilReset();
            HttpCall call = new HttpCall(exchange, below, plan, untilReset, bytes -> counters.sent(origin, bytes));
            if (!plan.latency().isZero()) {
                pause(untilReset, plan);
            }
            if (plan.reset()) {
                call.reset();
            }
            if (api == null) {
                call.text(404, "No service at " + rawPath + "; try " + apis.keySet().stream().sorted()
                        .map(known -> "/" + known).collect(Collectors.joining(", ")));
                return;
            }
            dispatch(api, call, plan);
        }
    }

    private void dispatch(ApiHandler api, HttpCall call, FaultPlan plan) throws IOException {
        try {
            if (plan.rateLimited()) {
                api.rateLimited(call, plan.rateLimitRetryAfter());
            } else if (plan.fails()) {
                api.failure(call, plan.failStatus());
            } else if (plan.reply().isPresent()) {
                FaultPlan.Reply reply = plan.reply().get();
                reply.headers().forEach(call.responseHeaders()::set);
                call.bytes(reply.status(), reply.contentType(), reply.body());
            } else {
                api.handle(call);
            }
        } catch (ConnectionAbort abort) {
            throw abort;
        } catch (IOException | RuntimeException e) {
            if (call.responded()) {
                throw new ConnectionAbort("failed while answering: " + e.getClass().getSimpleName());
            }
            api.failure(call, 500);
        }
    }

    /** The sandbox's pauser for one answer, which stops pausing, as if interrupted, once the sandbox is reset. */
    private Pauser untilReset() {
        long at = resets.getAsLong();
        return duration -> {
            if (resets.getAsLong() != at) {
                throw new InterruptedException("the sandbox was reset");
            }
            pauser.pause(duration);
        };
    }

    private static void pause(Pauser pauser, FaultPlan plan) throws ConnectionAbort {
        try {
            pauser.pause(plan.latency());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionAbort("interrupted while adding latency");
        }
    }

    private boolean carriesCredentials(HttpExchange exchange) {
        Headers headers = exchange.getRequestHeaders();
        return credentialHeaders.stream().anyMatch(headers::containsKey);
    }
}
