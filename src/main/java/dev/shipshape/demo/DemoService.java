package dev.shipshape.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for the service being deployed, on loopback: {@code /health} answers in the seeds'
 * shape for whatever version the demo's deploy script last wrote, and reports unhealthy while the
 * bad release is live — the one the demo rolls back.
 */
public final class DemoService implements AutoCloseable {

    private final HttpServer server;
    private final Path versionFile;
    private final String badVersion;

    private DemoService(HttpServer server, Path versionFile, String badVersion) {
        this.server = server;
        this.versionFile = versionFile;
        this.badVersion = badVersion;
    }

    /** Starts on a free port of 127.0.0.1. */
    public static DemoService start(Path versionFile, String badVersion) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DemoService service = new DemoService(server, versionFile, badVersion);
        server.createContext("/health", service::health);
        server.start();
        return service;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void health(HttpExchange exchange) throws IOException {
        String version = Files.exists(versionFile) ? Files.readString(versionFile).strip() : "none";
        boolean healthy = !version.equals(badVersion) && !version.equals("none");
        String body = "{\"status\":\"" + (healthy ? "healthy" : "unhealthy") + "\",\"version\":\"" + version
                + "\",\"checks\":{\"database\":" + healthy + ",\"redis\":true}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(healthy ? 200 : 503, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
