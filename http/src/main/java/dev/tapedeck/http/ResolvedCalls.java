package dev.tapedeck.http;

import feign.Client;
import feign.Contract;
import feign.Feign;
import feign.FeignException;
import feign.InvocationHandlerFactory;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import feign.RetryableException;
import feign.Target;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Feign's invocation handler with the simplest API calls resolved once: a GET whose every parameter is a text path
 * segment ({@code GET /v1/sessions/{id}/recordings}) and whose answer is decoded. Feign resolves such a request
 * anew on every call (copying the method's template, expanding each expression, header and the target), which
 * cost more CPU than the HTTP exchange on a small answer. Here each such method is resolved once, by Feign itself,
 * with a marker in place of each argument; a call only joins the fixed parts with its arguments, each encoded by
 * {@link PathSegmentContract#segment} as Feign would, and sends the same request (method, URL, headers, template)
 * through the same {@link Client} chain, so every rule of the chain (retries, body limits, origin-scoped auth, no
 * redirects, the wire log) applies unchanged. The answer is handled as Feign's {@code ResponseHandler} does:
 * decoded on 2xx, else thrown as the {@link ErrorDecoder}'s exception, the body closed either way, and a failure
 * thrown as the same Feign exception type. Every other method, and a call with a null argument, goes to Feign's own
 * handler.
 */
final class ResolvedCalls implements InvocationHandlerFactory {

    /** A marker Feign leaves as it is in a path: letters and digits only. */
    private static final String MARKER = "Tapedeck0Resolved0Argument0";

    private final Contract contract;
    private final Client client;
    private final Request.Options options;
    private final Decoder decoder;
    private final ErrorDecoder errors;
    private final Function<Client, Feign.Builder> feign;

    /**
     * Resolves the methods of each target with {@code feign} (the builder the target is built with, given a client)
     * and sends their calls through {@code client} with {@code options}, answers decoded by {@code decoder} and
     * failures by {@code errors}: the same parts the builder holds.
     */
    ResolvedCalls(Contract contract, Client client, Request.Options options, Decoder decoder, ErrorDecoder errors,
            Function<Client, Feign.Builder> feign) {
        this.contract = contract;
        this.client = client;
        this.options = options;
        this.decoder = decoder;
        this.errors = errors;
        this.feign = feign;
    }

    @Override
    public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
        InvocationHandler feignHandler = new InvocationHandlerFactory.Default().create(target, dispatch);
        Map<Method, Resolved> resolved = new HashMap<>();
        Object dryRun = feign.apply(ResolvedCalls::capture).target(target);
        for (MethodMetadata method : contract.parseAndValidateMetadata(target.type())) {
            resolve(method, target, dryRun).ifPresent(call -> resolved.put(method.method(), call));
        }
        return new Handler(target, feignHandler, Map.copyOf(resolved));
    }

    /** The resolved form of {@code method}, when it is simple enough and Feign's dry run gives a usable request. */
    private Optional<Resolved> resolve(MethodMetadata method, Target<?> target, Object dryRun) {
        Method java = method.method();
        int arguments = java.getParameterCount();
        RequestTemplate template = method.template();
        if (!"GET".equals(template.method()) || method.returnType() == Response.class
                || method.returnType() == void.class || method.returnType() == Void.class
                || method.bodyIndex() != null || method.headerMapIndex() != null || method.queryMapIndex() != null
                || !method.formParams().isEmpty() || !template.queries().isEmpty()
                || template.headers().values().stream().flatMap(Collection::stream).anyMatch(v -> v.contains("{"))
                || method.indexToName().size() != arguments) {
            return Optional.empty();
        }
        Object[] markers = new Object[arguments];
        for (int i = 0; i < arguments; i++) {
            if (java.getParameterTypes()[i] != String.class || method.indexToExpander() == null
                    || method.indexToExpander().get(i) != PathSegmentContract.SEGMENT) {
                return Optional.empty();
            }
            markers[i] = MARKER + i + "Z";
        }
        Request request = dryRun(java, dryRun, markers);
        if (request == null || request.body() != null && request.body().length > 0) {
            return Optional.empty();
        }
        // the URL cut at each marker: the parts between arguments, and which argument goes where
        String url = request.url();
        List<String> parts = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        int from = 0;
        while (true) {
            int next = -1;
            int slot = -1;
            for (int i = 0; i < arguments; i++) {
                int at = url.indexOf((String) markers[i], from);
                if (at >= 0 && (next < 0 || at < next)) {
                    next = at;
                    slot = i;
                }
            }
            if (next < 0) {
                parts.add(url.substring(from));
                break;
            }
            parts.add(url.substring(from, next));
            slots.add(slot);
            from = next + ((String) markers[slot]).length();
        }
        if (slots.stream().distinct().count() != arguments) {
            // an argument Feign did not put in the path (or put elsewhere) is left to Feign
            return Optional.empty();
        }
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return Optional.of(new Resolved(Feign.configKey(target.type(), java), request.httpMethod(),
                parts.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray(),
                Collections.unmodifiableMap(headers), request.charset(), request.requestTemplate(),
                method.returnType()));
    }

    /** The request Feign makes for {@code markers}, caught before it is sent; null when it makes none. */
    private static Request dryRun(Method method, Object dryRun, Object[] markers) {
        try {
            method.invoke(dryRun, markers);
        } catch (InvocationTargetException expected) {
            if (expected.getCause() instanceof RetryableException retry && retry.getCause() instanceof Captured
                    captured) {
                return captured.request;
            }
        } catch (ReflectiveOperationException | RuntimeException unusable) {
            return null;
        }
        return null;
    }

    private static Response capture(Request request, Request.Options options) throws IOException {
        throw new Captured(request);
    }

    /** How the dry run's client hands back the request instead of sending it. */
    private static final class Captured extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Request request;

        Captured(Request request) {
            super("not sent: resolved once");
            this.request = request;
        }
    }

    /** One method, resolved. */
    private final class Resolved {
        private final String configKey;
        private final Request.HttpMethod httpMethod;
        private final String[] parts;
        private final int[] slots;
        private final Map<String, Collection<String>> headers;
        private final Charset charset;
        private final RequestTemplate template;
        private final Type returnType;

        Resolved(String configKey, Request.HttpMethod httpMethod, String[] parts, int[] slots,
                Map<String, Collection<String>> headers, Charset charset, RequestTemplate template,
                Type returnType) {
            this.configKey = configKey;
            this.httpMethod = httpMethod;
            this.parts = parts;
            this.slots = slots;
            this.headers = headers;
            this.charset = charset;
            // only its method metadata is read (the operation's name, whether the body is decoded)
            this.template = template;
            this.returnType = returnType;
        }

        Object call(Object[] args) throws Exception {
            StringBuilder url = new StringBuilder(128).append(parts[0]);
            for (int i = 0; i < slots.length; i++) {
                url.append(PathSegmentContract.segment((String) args[slots[i]])).append(parts[i + 1]);
            }
            Request request = Request.create(httpMethod, url.toString(), headers, null, charset, template);
            Response response;
            try {
                response = client.execute(request, options);
            } catch (IOException failure) {
                throw new RetryableException(-1, String.format("%s executing %s %s", failure.getMessage(),
                        request.httpMethod(), request.url()), request.httpMethod(), failure, (Long) null, request);
            }
            // Feign hands the decoders its own request, not the one the client chain sent (with the auth header)
            if (response.status() < 200 || response.status() > 299) {
                try (Response answer = response) {
                    Exception error = errors.decode(configKey, answer.toBuilder().request(request).build());
                    throw error instanceof IOException unread ? readFailure(answer, request, unread) : error;
                }
            }
            try (Response answer = response) {
                return decoder.decode(answer, returnType);
            } catch (FeignException failure) {
                throw failure;
            } catch (IOException failure) {
                throw readFailure(response, request, failure);
            } catch (RuntimeException failure) {
                throw new DecodeException(response.status(), failure.getMessage(), request, failure);
            }
        }
    }

    private static FeignException readFailure(Response response, Request request, IOException failure) {
        return new ReadFailure(response.status(), String.format("%s reading %s %s", failure.getMessage(),
                request.httpMethod(), request.url()), request, failure);
    }

    /** An answer that could not be read, as Feign reports one (its own type for it is not public). */
    private static final class ReadFailure extends FeignException {
        private static final long serialVersionUID = 1L;

        ReadFailure(int status, String message, Request request, IOException cause) {
            super(status, message, request, cause);
        }
    }

    /** Sends resolved methods' calls itself, everything else to Feign's handler. */
    static final class Handler implements InvocationHandler {
        private final Target<?> target;
        private final InvocationHandler feign;
        private final Map<Method, Resolved> resolved;

        Handler(Target<?> target, InvocationHandler feign, Map<Method, Resolved> resolved) {
            this.target = target;
            this.feign = feign;
            this.resolved = resolved;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Resolved call = resolved.get(method);
            if (call != null && noNulls(args)) {
                return call.call(args);
            }
            if ("equals".equals(method.getName()) && args != null && args.length == 1) {
                return args[0] != null && Proxy.isProxyClass(args[0].getClass())
                        && Proxy.getInvocationHandler(args[0]) instanceof Handler other && target.equals(other.target);
            }
            if ("hashCode".equals(method.getName()) && (args == null || args.length == 0)) {
                return target.hashCode();
            }
            return feign.invoke(proxy, method, args);
        }

        /** The names of the methods resolved once. */
        Set<String> resolvedNames() {
            return resolved.keySet().stream().map(Method::getName).collect(Collectors.toSet());
        }

        private static boolean noNulls(Object[] args) {
            if (args != null) {
                for (Object arg : args) {
                    if (arg == null) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
