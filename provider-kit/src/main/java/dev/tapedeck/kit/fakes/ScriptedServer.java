package dev.tapedeck.kit.fakes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A loopback HTTP/1.1 server on a plain socket, for what neither a provider's emulator nor WireMock can do: a
 * connection reset (TCP RST) or a clean close after the headers, a body without any length, a body that stalls, a
 * server that answers every page with the first one ({@link ForwardingReplies}). Each request gets the next queued
 * {@link Reply} (the last one repeats), on its own connection and thread, and the connection is closed after it.
 * Records every request as it arrived, its target exactly as sent. Close it to stop it; thread-safe.
 */
public final class ScriptedServer implements AutoCloseable {

    /** Writes the answer to one request; {@code socket} is there to reset it. */
    @FunctionalInterface
    public interface Reply {
        /** Answers {@code request} on {@code out}. */
        void answer(Request request, Socket socket, OutputStream out) throws IOException;
    }

    /**
     * One request as it arrived.
     *
     * @param method  the method, e.g. {@code GET}
     * @param target  the request target exactly as sent: raw path and query, escapes untouched
     * @param headers the headers by lower-cased name (the last value of a repeated one)
     * @param body    the body, when a Content-Length announced one
     */
    public record Request(String method, String target, Map<String, String> headers, byte[] body) {
        /** Freezes the headers. */
        public Request {
            headers = Map.copyOf(headers);
        }

        /** The target's path, without the query. */
        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        /** A header by name, in any letter case. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        /** The request line, e.g. {@code GET /v1/sessions/s1 HTTP/1.1}. */
        public String line() {
            return method + " " + target + " HTTP/1.1";
        }
    }

    private final ServerSocket server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch stop = new CountDownLatch(1);

    /** Starts serving {@code script} on an ephemeral loopback port. */
    public ScriptedServer(Reply... script) throws IOException {
        if (script.length == 0) {
            throw new IllegalArgumentException("a script needs at least one reply");
        }
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        replies.addAll(List.of(script));
        Thread acceptor = new Thread(this::serve, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code path} on this server, e.g. {@code http://127.0.0.1:PORT/v1}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** Requests received so far. */
    public int requests() {
        return received.size();
    }

    /** The requests received so far, in order of arrival. */
    public List<Request> received() {
        return List.copyOf(received);
    }

    /** The request lines received so far, e.g. {@code GET /v1/sessions/s1 HTTP/1.1}. */
    public List<String> requestLines() {
        return received.stream().map(Request::line).toList();
    }

    /** Lets every reply blocked in {@link #awaitStop()} finish; called by {@link #close()}. */
    public void release() {
        stop.countDown();
    }

    /** Blocks a reply until the test ends, so that a body stalls for real. */
    public void awaitStop() {
        try {
            stop.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException closed) {
                return;
            }
            Thread exchange = new Thread(() -> answer(socket), "scripted-exchange");
            exchange.setDaemon(true);
            exchange.start();
        }
    }

    private void answer(Socket socket) {
        try (socket) {
            Optional<Request> request = read(socket.getInputStream());
            if (request.isEmpty()) {
                return;
            }
            Reply reply;
            synchronized (replies) {
                received.add(request.get());
                reply = replies.size() > 1 ? replies.poll() : replies.peek();
            }
            OutputStream out = socket.getOutputStream();
            reply.answer(request.get(), socket, out);
            out.flush();
        } catch (IOException ignored) {
            // a reset or a closed server ends one exchange, never the test
        }
    }

    private static Optional<Request> read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
            head.write(b);
        }
        List<String> lines = head.toString(StandardCharsets.ISO_8859_1).lines().toList();
        String[] requestLine = lines.isEmpty() ? new String[0] : lines.get(0).split(" ");
        if (requestLine.length < 2) {
            return Optional.empty();
        }
        Map<String, String> headers = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return Optional.of(new Request(requestLine[0], requestLine[1], headers, in.readNBytes(length)));
    }

    /** Status line and headers, with {@code Connection: close}; {@code length} below 0 sends no Content-Length. */
    public static byte[] head(int status, String contentType, long length, String... extraHeaders) {
        StringBuilder out = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n").append("Connection: close\r\n");
        if (length >= 0) {
            out.append("Content-Length: ").append(length).append("\r\n");
        }
        for (String header : extraHeaders) {
            out.append(header).append("\r\n");
        }
        return out.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A complete JSON answer with its length. */
    public static Reply json(int status, String body, String... extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (request, socket, out) -> {
            out.write(head(status, "application/json", bytes.length, extraHeaders));
            out.write(bytes);
        };
    }

    /** Declares the whole JSON body's length, sends only its first {@code sent} bytes, then closes cleanly (FIN). */
    public static Reply cutShort(String body, int sent, String... extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (request, socket, out) -> {
            out.write(head(200, "application/json", bytes.length, extraHeaders));
            out.write(bytes, 0, sent);
        };
    }

    /** Declares the whole JSON body's length, sends its first {@code sent} bytes, then resets the connection (RST). */
    public static Reply resetAfter(String body, int sent) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (request, socket, out) -> {
            out.write(head(200, "application/json", bytes.length));
            out.write(bytes, 0, sent);
            out.flush();
            reset(socket);
        };
    }

    /** A JSON body without Content-Length or chunking, delimited by closing the connection after {@code sent} bytes. */
    public static Reply closeDelimited(String body, int sent) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (request, socket, out) -> {
            out.write(head(200, "application/json", -1));
            out.write(bytes, 0, sent);
        };
    }

    /** Closes the connection with a TCP RST: linger on with a zero timeout, then close. */
    public static void reset(Socket socket) throws SocketException {
        socket.setSoLinger(true, 0);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }

    @Override
    public void close() throws IOException {
        release();
        server.close();
    }

    @Override
    public String toString() {
        return "ScriptedServer[" + uri("") + ", " + received.size() + " requests]";
    }
}
