package dev.shipshape.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.users.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated garbage (bad JSON, wrong types, unknown fields, huge strings and bodies, invalid UTF-8, odd content
 * types, weird path parameters and queries) sent as an admin to every route: never a 5xx, always the JSON error
 * shape, and nothing in the store changed but the audit log and the sign-in throttle's count.
 */
class ServerGarbageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 20260314L;
    /** What garbage may change: the audit log records refused actions, the throttle counts failed sign-ins. */
    private static final Set<String> MAY_CHANGE = Set.of("AUDIT_LOG", "AUDIT_HEAD", "LOGIN_FAILURES",
            "FLYWAY_SCHEMA_HISTORY");
    private static final List<String> FIELDS = List.of("service", "environment", "env", "version", "reason", "id",
            "runId", "user", "password", "role", "name", "expires", "rerun", "rollback", "at", "note", "confirm",
            "procedure", "limit", "cursor", "step", "token", "backup", "vars");

    @TempDir
    Path folder;
    ServerKit kit;
    Random random = new Random(SEED);

    @BeforeEach
    void start() {
        kit = new ServerKit(folder);
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void garbageToEveryRouteIsNever5xxAndChangesNothingButTheAuditLog() throws Exception {
        Map<String, List<String>> before = snapshot();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Route route : kit.server.routes()) {
            List<String> uris = uris(route);
            for (int u = 0; u < uris.size(); u++) {
                String uri = uris.get(u);
                // every body to the route's plain path; a few of them, drawn by the seed, to each odd path and query
                List<Body> bodies = bodies();
                for (Body body : u == 0 ? bodies : java.util.stream.IntStream.range(0, 3)
                        .mapToObj(i -> bodies.get(random.nextInt(bodies.size()))).toList()) {
                    sent++;
                    try {
                        problem(route, uri, body, send(route, uri, body)).ifPresent(wrong::add);
                    } catch (java.io.IOException e) {
                        wrong.add("no answer to " + route.method() + " " + uri + " with " + body.label() + ": " + e);
                    }
                }
            }
        }

        assertThat(wrong).as("answers to garbage (seed %d)", SEED).isEmpty();
        assertThat(sent).isGreaterThan(kit.server.routes().size() * 30);
        assertThat(snapshot()).isEqualTo(before);
    }

    private HttpResponse<String> send(Route route, String uri, Body body) throws Exception {
        HttpRequest.Builder request = kit.request(uri, Role.ADMIN);
        if (body.bytes().length > ServerSettings.DEFAULT_MAX_BODY) {
            // as careful clients send large bodies: one over the limit is refused by its Content-Length before it
            // is read, and a client still sending it could be cut off before it reads the 413
            request.expectContinue(true);
        }
        if (body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        return kit.send(request.method(route.method().name(), HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build());
    }

    private static java.util.Optional<String> problem(Route route, String uri, Body body,
                                                      HttpResponse<String> answer) {
        String what = route.method() + " " + uri + " with " + body.label() + ": " + answer.statusCode() + " "
                + (answer.body().length() > 200 ? answer.body().substring(0, 200) : answer.body());
        if (answer.statusCode() >= 500) {
            return java.util.Optional.of(what);
        }
        if (answer.statusCode() < 400 || route.path().equals("/login")) {
            return java.util.Optional.empty();
        }
        try {
            JsonNode error = JSON.readTree(answer.body());
            boolean shaped = error.path("status").asInt() == answer.statusCode() && error.path("code").isTextual()
                    && error.path("message").isTextual() && error.path("details").isObject();
            return shaped ? java.util.Optional.empty() : java.util.Optional.of("not the error shape: " + what);
        } catch (Exception e) {
            return java.util.Optional.of("not JSON: " + what);
        }
    }

    /** The route's path with each path parameter replaced by odd values, and odd queries on it. */
    private List<String> uris(Route route) {
        List<String> uris = new ArrayList<>();
        boolean parameters = route.path().matches(".*[{<][^}>]+[}>].*");
        List<String> values = parameters ? List.of("no-such-thing", "..", "%2e%2e", "%00", "%FF", "%2F", "a%20b",
                "x".repeat(300), "%C3%BCn%C3%AFc%C3%B8d%C3%A9", "%27%3B%20DROP%20TABLE%20runs%3B--", "-1",
                "99999999999999999999999", randomWord(12)) : List.of("");
        for (String value : values) {
            uris.add(route.path().replaceAll("[{<][^}>]+[}>]", value));
        }
        String plain = uris.getFirst();
        for (String query : List.of("limit=-1", "limit=abc", "limit=99999999999999999999", "cursor=%00%FF",
                "since=yesterday", "status=" + randomWord(8), "x=" + "y".repeat(5000), "a=%C0%AF")) {
            uris.add(plain + "?" + query);
        }
        return uris;
    }

    private List<Body> bodies() {
        List<Body> bodies = new ArrayList<>();
        for (String text : List.of("", "null", "[]", "{", "}", "\"text\"", "42", "true", "{}{}", "{\"a\":}",
                "{'single':'quotes'}", "{\"a\":1,}", "\u0000", "[".repeat(5000), "{\"" + "k".repeat(5000) + "\":1}")) {
            bodies.add(Body.json(text));
        }
        for (int i = 0; i < 12; i++) {
            bodies.add(Body.json("{\"" + FIELDS.get(random.nextInt(FIELDS.size())) + "\":" + wrongValue() + ",\""
                    + randomWord(6) + "\":" + wrongValue() + "}"));
        }
        bodies.add(Body.json("{\"user\":\"" + "x".repeat(70_000) + "\",\"password\":\"y\"}"));
        bodies.add(new Body("over the body limit", "application/json",
                ("{\"reason\":\"" + "z".repeat((int) ServerSettings.DEFAULT_MAX_BODY + 10) + "\"}")
                        .getBytes(StandardCharsets.UTF_8)));
        bodies.add(new Body("invalid UTF-8", "application/json", new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3,
                (byte) 0x28, (byte) 0xFF, (byte) 0xC0, (byte) 0xAF, '"', '}'}));
        bodies.add(new Body("random bytes", "application/json", randomBytes(256)));
        bodies.add(new Body("UTF-16", "application/json; charset=utf-16", "{\"user\":\"ü\"}"
                .getBytes(StandardCharsets.UTF_16)));
        bodies.add(new Body("text/plain", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
        bodies.add(new Body("no content type", null, "{\"user\":1}".getBytes(StandardCharsets.UTF_8)));
        bodies.add(new Body("bad form encoding", "application/x-www-form-urlencoded",
                "user=%ZZ&password=%&csrf=%C3%28".getBytes(StandardCharsets.ISO_8859_1)));
        bodies.add(new Body("huge form field", "application/x-www-form-urlencoded",
                ("user=admin&password=" + "p".repeat(200_000)).getBytes(StandardCharsets.UTF_8)));
        bodies.add(new Body("broken multipart", "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\nbroken".getBytes(StandardCharsets.UTF_8)));
        return bodies;
    }

    private String wrongValue() {
        return switch (random.nextInt(8)) {
            case 0 -> "null";
            case 1 -> Long.toString(random.nextLong());
            case 2 -> "1e999";
            case 3 -> "[" + random.nextInt() + ",\"" + randomWord(4) + "\"]";
            case 4 -> "{\"nested\":{\"deeper\":" + random.nextBoolean() + "}}";
            case 5 -> "\"" + randomWord(20) + "\"";
            case 6 -> "\"\\ud800\"";
            default -> Boolean.toString(random.nextBoolean());
        };
    }

    private String randomWord(int length) {
        StringBuilder word = new StringBuilder();
        String alphabet = "abcXYZ019_-.~ü€";
        for (int i = 0; i < length; i++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return java.net.URLEncoder.encode(word.toString(), StandardCharsets.UTF_8);
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Every table's rows, as text, but for those garbage may change. */
    private Map<String, List<String>> snapshot() throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve(".shipshape/store")
                + ";AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0")) {
            List<String> names = new ArrayList<>();
            try (ResultSet t = c.createStatement().executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (t.next()) {
                    names.add(t.getString(1));
                }
            }
            for (String name : names) {
                if (!MAY_CHANGE.contains(name.toUpperCase(java.util.Locale.ROOT))) {
                    tables.put(name, rows(c, name));
                }
            }
        }
        assertThat(tables).containsKeys("RUNS", "SHIPSHAPE_USERS", "API_TOKENS", "WEB_SESSIONS");
        return tables;
    }

    private static List<String> rows(Connection c, String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet row = c.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
            ResultSetMetaData columns = row.getMetaData();
            while (row.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    line.append(columns.getColumnName(i)).append('=').append(row.getString(i)).append(' ');
                }
                rows.add(line.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private record Body(String label, String contentType, byte[] bytes) {

        static Body json(String text) {
            String label = text.length() > 40 ? text.substring(0, 40) + "... (" + text.length() + " chars)" : text;
            return new Body("JSON " + label, "application/json", text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
