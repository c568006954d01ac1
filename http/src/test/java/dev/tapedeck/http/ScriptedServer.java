package dev.tapedeck.http;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A loopback HTTP/1.1 server on a plain socket, for what WireMock cannot do: a connection reset (TCP RST) or a clean
 * close after the headers, a body without any length, a body that stalls. Each request gets the next queued
 * {@link Reply} (the last one repeats), on its own connection and thread, and the connection is closed after it.
 * Counts requests.
 */
final class ScriptedServer implements AutoCloseable {

    /** Writes the answer to one request; {@code socket} is there to reset it. */
    @FunctionalInterface
    interface Reply {
        void answer(Socket socket, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread acceptor;

    ScriptedServer(Reply... script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        replies.addAll(List.of(script));
        this.acceptor = new Thread(this::serve, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** Requests received so far. */
    int requests() {
        return requestLines.size();
    }

    /** The request lines received so far, e.g. {@code GET /v1/sessions/s1 HTTP/1.1}. */
    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** Lets every reply blocked in {@link #awaitStop()} finish; called by {@link #close()}. */
    void release() {
        stop.countDown();
    }

    /** Blocks a reply until the test ends, so that a body stalls for real. */
    void awaitStop() {
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
            String requestLine = readHead(socket.getInputStream());
            if (requestLine.isEmpty()) {
                return;
            }
            Reply reply;
            synchronized (replies) {
                requestLines.add(requestLine);
                reply = replies.size() > 1 ? replies.poll() : replies.peek();
            }
            OutputStream out = socket.getOutputStream();
            reply.answer(socket, out);
            out.flush();
        } catch (IOException ignored) {
            // a reset or a closed server ends one exchange, never the test
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n");
        return end < 0 ? text.strip() : text.substring(0, end);
    }

    /** Status line and headers, with {@code Connection: close}; {@code length} below 0 sends no Content-Length. */
    static byte[] head(int status, String contentType, long length, String... extraHeaders) {
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
    static Reply json(int status, String body, String... extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (socket, out) -> {
            out.write(head(status, "application/json", bytes.length, extraHeaders));
            out.write(bytes);
        };
    }

    /** Declares the whole JSON body's length, sends only its first {@code sent} bytes, then closes cleanly (FIN). */
    static Reply cutShort(String body, int sent, String... extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (socket, out) -> {
            out.write(head(200, "application/json", bytes.length, extraHeaders));
            out.write(bytes, 0, sent);
        };
    }

    /** Declares the whole JSON body's length, sends its first {@code sent} bytes, then resets the connection (RST). */
    static Reply resetAfter(String body, int sent) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (socket, out) -> {
            out.write(head(200, "application/json", bytes.length));
            out.write(bytes, 0, sent);
            out.flush();
            reset(socket);
        };
    }

    /** A JSON body without Content-Length or chunking, delimited by closing the connection after {@code sent} bytes. */
    static Reply closeDelimited(String body, int sent) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (socket, out) -> {
            out.write(head(200, "application/json", -1));
            out.write(bytes, 0, sent);
        };
    }

    /** Closes the connection with a TCP RST: linger on with a zero timeout, then close. */
    static void reset(Socket socket) throws SocketException {
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
}
