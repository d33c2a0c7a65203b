package dev.shipshape.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shipshape.time.Sleeper;
import dev.shipshape.time.Ticks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small web service to deploy and verify against, on loopback: {@code /health} in the seeds'
 * shape, a login, a product list and orders to create and read back, {@code /metrics} in the
 * Prometheus format, and {@code /admin/faults} to switch faults on and off while it runs.
 */
public final class SampleService implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final Faults faults;
    private final String version;
    private final long startedNanos = Ticks.SYSTEM.nanos();
    private final RequestMetrics metrics = new RequestMetrics();
    private final SampleApi api = new SampleApi();

    private SampleService(HttpServer server, ExecutorService threads, Faults faults, String version) {
        this.server = server;
        this.threads = threads;
        this.faults = faults;
        this.version = version;
    }

    /**
     * Starts on 127.0.0.1.
     *
     * @param port    0 for a free port
     * @param version what {@code /health} reports as the running version
     * @param faults  the switches; kept, so that changing them later changes this service
     */
    public static SampleService start(int port, String version, Faults faults) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        SampleService service = new SampleService(server, threads, faults, version);
        server.setExecutor(threads);
        // Declared at zero so that error-rate queries have a series before the first failure.
        service.metrics.declare("GET", "/", 500);
        server.createContext("/", service::handle);
        server.start();
        return service;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public Faults faults() {
        return faults;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = Ticks.SYSTEM.nanos();
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Reply reply;
        try {
            reply = route(exchange, method, path);
        } catch (RuntimeException e) {
            reply = Reply.json(500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
        if (!path.equals("/metrics") && !path.startsWith("/admin")) {
            metrics.record(method, SampleApi.route(path), reply.status(), (Ticks.SYSTEM.nanos() - start) / 1e9);
        }
        reply.send(exchange);
    }

    private Reply route(HttpExchange exchange, String method, String path) throws IOException {
        if (path.equals("/metrics")) {
            return new Reply(200, "text/plain; version=0.0.4", metrics.text());
        }
        if (path.equals("/admin/faults")) {
            return FaultSwitches.handle(exchange, faults);
        }
        if (path.equals("/health")) {
            return health();
        }
        pause(faults.latency());
        if (faults.nextRequestFails()) {
            return Reply.json(500, "{\"error\":\"injected fault\"}");
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return api.answer(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body, liveVersion());
    }

    private Reply health() {
        Duration uptime = Duration.ofNanos(Ticks.SYSTEM.nanos() - startedNanos);
        boolean starting = uptime.compareTo(faults.slowStart()) < 0;
        boolean database = !faults.unhealthy() && !starting;
        String status = starting ? "starting" : database ? "healthy" : "unhealthy";
        String body = "{\"status\":\"" + status + "\",\"checks\":{\"database\":" + database + ",\"redis\":"
                + !starting + "},\"uptime\":" + uptime.toSeconds() + ",\"version\":\"" + liveVersion() + "\"}";
        return Reply.json(status.equals("healthy") ? 200 : 503, body);
    }

    private String liveVersion() {
        return faults.release() != null ? faults.release() : version;
    }

    private static void pause(Duration extra) {
        if (!extra.isZero()) {
            try {
                Sleeper.SYSTEM.pause(extra);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
