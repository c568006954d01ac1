package dev.tapedeck.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The front door of one server: routes a request to its {@link Api} by the first path segment (or to the single
 * API of the media host), counts it, and applies the pending {@link Faults} of its origin and path before the API
 * sees it.
 */
final class Gate implements HttpHandler {

    private static final List<String> CREDENTIAL_HEADERS = List.of("Authorization", "anchor-api-key", "X-Account-ID");

    private final Origin origin;
    private final Map<String, Api> apisByName;
    private final Api single;
    private final Counters counters;
    private final Faults faults;
    private final Pauser pauser;

    private Gate(Origin origin, Map<String, Api> apisByName, Api single, Counters counters, Faults faults,
                 Pauser pauser) {
        this.origin = origin;
        this.apisByName = apisByName;
        this.single = single;
        this.counters = counters;
        this.faults = faults;
        this.pauser = pauser;
    }

    /** A gate that routes {@code /<name>/...} to the API of that name. */
    static Gate routing(Origin origin, Map<String, Api> apisByName, Counters counters, Faults faults, Pauser pauser) {
        return new Gate(origin, Map.copyOf(apisByName), null, counters, faults, pauser);
    }

    /** A gate in front of one API that owns the whole path space. */
    static Gate single(Origin origin, Api api, Counters counters, Faults faults, Pauser pauser) {
        return new Gate(origin, Map.of(), api, counters, faults, pauser);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (InputStream requestBody = exchange.getRequestBody()) {
            requestBody.readAllBytes();
            String rawPath = exchange.getRequestURI().getRawPath();
            Api api = single;
            String below = rawPath;
            if (api == null) {
                int slash = rawPath.indexOf('/', 1);
                String first = slash < 0 ? rawPath.substring(1) : rawPath.substring(1, slash);
                api = apisByName.get(first);
                below = slash < 0 ? "/" : rawPath.substring(slash);
            }
            counters.record(origin, api == null ? origin.label() : api.name(), carriesCredentials(exchange));
            FaultPlan plan = faults.next(origin, rawPath);
            Call call = new Call(exchange, below, plan, pauser, bytes -> counters.sent(origin, bytes));
            if (!plan.latency().isZero()) {
                pause(plan);
            }
            if (plan.reset()) {
                call.reset();
            }
            if (api == null) {
                call.text(404, "No service at " + rawPath + "; try /anchor, /notte or /kataven");
                return;
            }
            dispatch(api, call, plan);
        }
    }

    private void dispatch(Api api, Call call, FaultPlan plan) throws IOException {
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

    private void pause(FaultPlan plan) throws ConnectionAbort {
        try {
            pauser.pause(plan.latency());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionAbort("interrupted while adding latency");
        }
    }

    private static boolean carriesCredentials(HttpExchange exchange) {
        Headers headers = exchange.getRequestHeaders();
        return CREDENTIAL_HEADERS.stream().anyMatch(headers::containsKey);
    }
}
