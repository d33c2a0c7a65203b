package dev.shipshape.server;

import dev.shipshape.app.Shipshape;
import dev.shipshape.store.Store;
import dev.shipshape.tokens.Tokens;
import dev.shipshape.users.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * A real server for API tests: over a temp runbooks folder with the embedded H2 store in its {@code .shipshape/},
 * on a free loopback port, with one user and token per role ({@code viewer}, {@code deployer}, {@code approver},
 * {@code admin}), reached through a real HTTP client.
 */
final class ServerKit implements AutoCloseable {

    final Path folder;
    final Map<String, String> env = new HashMap<>();
    final Map<Role, String> tokens = new EnumMap<>(Role.class);
    final Shipshape app;
    final Store store;
    final ShipshapeServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ServerKit(Path folder) {
        this(folder, false);
    }

    ServerKit(Path folder, boolean publicMetrics) {
        this(folder, publicMetrics, Clock.systemUTC(), ServerSettings.DEFAULT_HEARTBEAT);
    }

    /** With live-events heartbeats every {@code heartbeat}, short for the tests that wait for one. */
    ServerKit(Path folder, boolean publicMetrics, Duration heartbeat) {
        this(folder, publicMetrics, Clock.systemUTC(), heartbeat);
    }

    /** A server whose clock (sessions, throttle, tokens, runs) is {@code clock}, e.g. a test's manual one. */
    ServerKit(Path folder, boolean publicMetrics, Clock clock) {
        this(folder, publicMetrics, clock, ServerSettings.DEFAULT_HEARTBEAT);
    }

    ServerKit(Path folder, boolean publicMetrics, Clock clock, Duration heartbeat) {
        this(folder, publicMetrics, clock, heartbeat, ServerSettings.DEFAULT_SCHEDULE_EVERY);
    }

    /** Looking for due schedules every {@code scheduleEvery}, short for the tests of scheduled runs. */
    ServerKit(Path folder, boolean publicMetrics, Clock clock, Duration heartbeat, Duration scheduleEvery) {
        this.folder = folder;
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getenv().getOrDefault("HOME", "/tmp"));
        app = new Shipshape(Shipshape.Settings.onThisHost(folder, env, clock));
        store = app.openStore(null);
        Tokens issuer = new Tokens(store.tokens(), store.users(), clock, new SecureRandom());
        for (Role role : Role.values()) {
            String name = role.label();
            store.users().add(name, role, null, clock.instant());
            tokens.put(role, issuer.issue(name, "test", Duration.ofDays(1)).value());
        }
        server = ShipshapeServer.start(new ServerSettings("127.0.0.1", 0, folder, publicMetrics,
                Duration.ofSeconds(2), ServerSettings.DEFAULT_MAX_BODY).withHeartbeat(heartbeat)
                .withScheduleEvery(scheduleEvery), app, store,
                "test");
    }

    /** Writes a file (a runbook, a script) into the runbooks folder. */
    Path write(String relative, String text) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> get(String path, Role as) throws IOException, InterruptedException {
        return send(request(path, as).GET().build());
    }

    HttpResponse<String> post(String path, Role as, String json) throws IOException, InterruptedException {
        return send(request(path, as).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> delete(String path, Role as) throws IOException, InterruptedException {
        return send(request(path, as).DELETE().build());
    }

    /** A request with the role's token, or with none when {@code as} is null. */
    HttpRequest.Builder request(String path, Role as) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        return as == null ? builder : builder.header("Authorization", "Bearer " + tokens.get(as));
    }

    /** Sends and reads the whole answer; a live-events stream that opened is not read (its body is empty). */
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream stream = answer.body()) {
            boolean live = answer.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            String body = live ? "" : new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Read(answer, body);
        }
    }

    /** An answer whose body was read as text. */
    private record Read(HttpResponse<java.io.InputStream> answer, String body) implements HttpResponse<String> {
        @Override
        public int statusCode() {
            return answer.statusCode();
        }

        @Override
        public HttpRequest request() {
            return answer.request();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return answer.headers();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return answer.sslSession();
        }

        @Override
        public URI uri() {
            return answer.uri();
        }

        @Override
        public HttpClient.Version version() {
            return answer.version();
        }
    }

    @Override
    public void close() {
        server.close();
        store.close();
        http.close();
    }
}
