package dev.tapedeck.kit.fakes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ScriptedServer} replies that pass requests on to a real server (a provider's emulator), so that a test can
 * bend one thing about answers that are otherwise real: {@link #repeatingFirstAnswerPerPath} makes a server that
 * ignores every paging parameter, the way a broken API loops a client that trusts it.
 */
public final class ForwardingReplies {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    /** Headers that describe the upstream connection, not the answer. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "transfer-encoding",
            "keep-alive");

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private ForwardingReplies() {
    }

    /** One answer as it came from upstream. */
    private record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    }

    /** Passes every request, target and headers as they arrived, to {@code origin} and its answer back. */
    public static ScriptedServer.Reply forwardingTo(URI origin) {
        Objects.requireNonNull(origin, "origin");
        return (request, socket, out) -> out.write(bytes(fetch(origin, request)));
    }

    /**
     * Passes the first request of each path (the query aside) to {@code origin} and answers every later request of
     * that path with the same answer: page two, three and so on are page one again, whatever they ask for.
     */
    public static ScriptedServer.Reply repeatingFirstAnswerPerPath(URI origin) {
        Objects.requireNonNull(origin, "origin");
        Map<String, Answer> first = new ConcurrentHashMap<>();
        return (request, socket, out) -> {
            Answer answer;
            try {
                answer = first.computeIfAbsent(request.path(), path -> {
                    try {
                        return fetch(origin, request);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.write(bytes(answer));
        };
    }

    private static Answer fetch(URI origin, ScriptedServer.Request request) throws IOException {
        HttpRequest.Builder upstream = HttpRequest.newBuilder(URI.create(origin + request.target()))
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name)) {
                upstream.header(name, value);
            }
        });
        try {
            HttpResponse<byte[]> response = CLIENT.send(upstream.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding " + request.line(), e);
        }
    }

    private static byte[] bytes(Answer answer) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.status()).append(" X\r\n");
        answer.headers().forEach((name, values) -> {
            if (!name.startsWith(":") && !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
            }
        });
        head.append("Content-Length: ").append(answer.body().length).append("\r\nConnection: close\r\n\r\n");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        all.writeBytes(answer.body());
        return all.toByteArray();
    }
}
