package dev.shipshape.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A misbehaving HTTP server on 127.0.0.1: either it sends the headers of a {@code 200} with
 * {@code Content-Length: 1000000} and then one byte a second ({@link #trickling()}), or it accepts
 * connections and never answers ({@link #silent()}). Tests synchronise on {@link #awaitRequests}.
 */
public final class StallingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final boolean headers;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final CountDownLatch[] seen = {new CountDownLatch(1), new CountDownLatch(2), new CountDownLatch(3)};

    private StallingServer(boolean headers) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.headers = headers;
        Thread.ofVirtual().name("stalling server").start(this::accept);
    }

    /** Headers, then one byte of the promised million a second. */
    public static StallingServer trickling() throws IOException {
        return new StallingServer(true);
    }

    /** Accepts, reads, never answers. */
    public static StallingServer silent() throws IOException {
        return new StallingServer(false);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** Waits until {@code count} (1 to 3) requests came in; false when they did not within the time. */
    public boolean awaitRequests(int count, long seconds) throws InterruptedException {
        return seen[count - 1].await(seconds, TimeUnit.SECONDS);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            readRequestHead(connection);
            for (CountDownLatch latch : seen) {
                latch.countDown();
            }
            OutputStream out = connection.getOutputStream();
            if (headers) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            while (true) {
                out.flush();
                Thread.sleep(1000);
                if (headers) {
                    out.write(' ');
                }
            }
        } catch (IOException | InterruptedException ended) {
            // the client gave up, or the server is closing
        }
    }

    private static void readRequestHead(Socket connection) throws IOException {
        var in = connection.getInputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket c : connections) {
            c.close();
        }
    }
}
