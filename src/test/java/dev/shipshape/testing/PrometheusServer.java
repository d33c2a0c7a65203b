package dev.shipshape.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus for tests (Debian package {@code prometheus}): started on a free loopback port
 * with a generated config scraping the given targets every {@code scrape} interval, its TSDB in a
 * temporary folder; stopped (and the folder deleted) by {@link #close}. Without the binary the test
 * is aborted, or fails when {@code CI=true}.
 */
public final class PrometheusServer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final Process process;
    private final Path folder;
    private final int port;

    private PrometheusServer(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /** @param targets {@code host:port} of each service to scrape ({@code /metrics}) */
    public static PrometheusServer start(List<String> targets, Duration scrape) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            String missing = BINARY + " not found; install the Debian package `prometheus` (apt-get install prometheus)";
            if (CiMode.on()) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
        Path folder = Files.createTempDirectory("shipshape-prometheus");
        int port = freePort();
        long seconds = Math.max(1, scrape.toSeconds());
        Files.writeString(folder.resolve("prometheus.yml"), "global:\n  scrape_interval: " + seconds + "s\n"
                + "  evaluation_interval: " + seconds + "s\nscrape_configs:\n  - job_name: sample\n"
                + "    static_configs:\n      - targets: [" + String.join(", ", targets.stream()
                .map(t -> "'" + t + "'").toList()) + "]\n");
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + folder.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn").redirectErrorStream(true).redirectOutput(folder.resolve("prometheus.log").toFile())
                .start();
        PrometheusServer server = new PrometheusServer(process, folder, port);
        server.awaitReady();
        return server;
    }

    public String address() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits (at most 20 s) until the targets were scraped three times, so rate() over a few seconds has data. */
    public void awaitScraped() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create(address() + "/api/v1/query?query=" + java.net.URLEncoder.encode(
                "min(count_over_time(up[1m])) >= 3", java.nio.charset.StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String body = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"value\"")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("prometheus did not scrape its targets 3 times within 20s");
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(folder.resolve("prometheus.log")));
            }
            try {
                HttpRequest ready = HttpRequest.newBuilder(URI.create(address() + "/-/ready")).build();
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("prometheus did not become ready within 20s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
