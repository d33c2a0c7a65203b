package dev.shipshape.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.users.Passwords;
import dev.shipshape.users.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route the server serves × every caller (no credentials, each role, a browser session without its CSRF
 * token), against this test's own table of who may call what. A route without a row fails the build: add the row
 * the failure prints, with the least role the route should need.
 */
class ServerAuthorizationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLIC = "public";

    /** METHOD path (Javalin's syntax, as in the route table) → least role, or {@link #PUBLIC}. */
    private static final Map<String, String> RULES = rules(
            "GET /health", PUBLIC,
            "GET /metrics", "viewer",
            "GET /login", PUBLIC,
            "POST /login", PUBLIC,
            "POST /logout", "viewer",
            "GET /api/v1/session", "viewer",
            "GET /api/v1/openapi.json", "viewer",
            "GET /api/v1/services", "viewer",
            "GET /api/v1/services/{service}", "viewer",
            "POST /api/v1/services/{service}/validate", "viewer",
            "GET /api/v1/services/{service}/plan", "viewer",
            "GET /api/v1/services/{service}/environments", "viewer",
            "POST /api/v1/services/{service}/deploys", "deployer",
            "POST /api/v1/services/{service}/rollbacks", "deployer",
            "POST /api/v1/services/{service}/procedures/{name}/runs", "deployer",
            "GET /api/v1/runs", "viewer",
            "GET /api/v1/runs/{id}", "viewer",
            "GET /api/v1/runs/{id}/steps/<step>/output", "viewer",
            "GET /api/v1/runs/{id}/analyses", "viewer",
            "POST /api/v1/runs/{id}/cancel", "deployer",
            "POST /api/v1/runs/{id}/resume", "deployer",
            "POST /api/v1/runs/{id}/approve", "approver",
            "POST /api/v1/runs/{id}/reject", "approver",
            "POST /api/v1/runs/{id}/steps/{step}/confirm", "deployer",
            "GET /api/v1/events", "viewer",
            "GET /api/v1/runs/{id}/events", "viewer",
            "GET /api/v1/locks", "viewer",
            "POST /api/v1/services/{service}/environments/{env}/unlock", "deployer",
            "GET /api/v1/services/{service}/environments/{env}/checklist", "viewer",
            "POST /api/v1/services/{service}/environments/{env}/checklist/sign", "deployer",
            "GET /api/v1/services/{service}/environments/{env}/backups", "viewer",
            "POST /api/v1/services/{service}/environments/{env}/backups", "deployer",
            "POST /api/v1/services/{service}/environments/{env}/backups/{backup}/restore", "admin",
            "GET /api/v1/users", "admin",
            "POST /api/v1/users", "admin",
            "POST /api/v1/users/{name}/disable", "admin",
            "GET /api/v1/tokens", "admin",
            "POST /api/v1/tokens", "admin",
            "POST /api/v1/tokens/{id}/revoke", "admin",
            "GET /api/v1/audit", "admin",
            "GET /api/v1/audit/verify", "admin");

    @TempDir
    Path folder;
    ServerKit kit;

    @BeforeEach
    void start() {
        kit = new ServerKit(folder);
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void everyServedRouteHasARowInThisTestsTable() {
        List<String> missing = kit.server.routes().stream().map(ServerAuthorizationTest::key)
                .filter(key -> !RULES.containsKey(key)).toList();
        List<String> stale = RULES.keySet().stream()
                .filter(key -> kit.server.routes().stream().noneMatch(r -> key(r).equals(key))).toList();

        assertThat(missing).as("routes without a rule; add these rows to RULES (with the least role each should"
                + " need):%n%s", missing.stream().map(key -> "            \"" + key + "\", \"" + declared(key) + "\",")
                .collect(Collectors.joining("\n"))).isEmpty();
        assertThat(stale).as("rows for routes the server no longer serves; remove them").isEmpty();
    }

    @Test
    void everyRouteAnswers401WithoutCredentials403BelowItsLeastRoleAndLetsTheRestIn() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route route : kit.server.routes()) {
            String rule = RULES.get(key(route));
            if (rule == null) {
                continue;
            }
            check(route, null, rule, wrong);
            for (Role role : Role.values()) {
                check(route, role, rule, wrong);
            }
        }

        assertThat(wrong).as("answers that break the table").isEmpty();
    }

    @Test
    void everyActingRouteRefusesABrowserSessionWithoutItsCsrfToken() throws Exception {
        kit.store.users().add("browser-admin", Role.ADMIN, Passwords.hash("a long enough password"),
                java.time.Instant.now());
        HttpResponse<String> in = kit.post("/login", null,
                "{\"user\":\"browser-admin\",\"password\":\"a long enough password\"}");
        assertThat(in.statusCode()).isEqualTo(200);
        List<String> wrong = new ArrayList<>();
        for (Route route : kit.server.routes()) {
            if (!route.acts() || route.access() instanceof Route.Access.Public) {
                continue;
            }
            HttpResponse<String> answer = kit.send(ServerSignInTest.withSession(kit.request(uriOf(route), null), in)
                    .header("Content-Type", "application/json")
                    .method(route.method().name(), HttpRequest.BodyPublishers.ofString("{}")).build());
            if (answer.statusCode() != 403 || !codeOf(answer).equals("csrf")) {
                wrong.add(key(route) + " with a session and no CSRF token: " + answer.statusCode() + " " + shortly(answer.body()));
            }
        }

        assertThat(wrong).isEmpty();
    }

    private void check(Route route, Role role, String rule, List<String> wrong) throws Exception {
        HttpResponse<String> answer = call(route, role);
        int status = answer.statusCode();
        String who = role == null ? "no credentials" : role.label();
        String expected;
        boolean fine;
        if (rule.equals(PUBLIC)) {
            expected = "neither 401 nor 403";
            fine = status != 401 && status != 403;
        } else if (role == null) {
            expected = "401 unauthenticated";
            fine = status == 401 && codeOf(answer).equals("unauthenticated");
        } else if (!role.includes(Role.of(rule))) {
            expected = "403 forbidden";
            fine = status == 403 && codeOf(answer).equals("forbidden");
        } else {
            expected = "neither 401 nor 403";
            fine = status != 401 && status != 403;
        }
        if (!fine) {
            wrong.add(key(route) + " as " + who + ": expected " + expected + ", got " + status + " " + shortly(answer.body()));
        }
    }

    private HttpResponse<String> call(Route route, Role role) throws Exception {
        HttpRequest.Builder request = kit.request(uriOf(route), role);
        if (route.acts()) {
            request.header("Content-Type", "application/json")
                    .method(route.method().name(), HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            // asking for JSON: a live-events stream answers that with a 406 instead of streaming on
            request.header("Accept", "application/json").method(route.method().name(),
                    HttpRequest.BodyPublishers.noBody());
        }
        return kit.send(request.build());
    }

    private static String shortly(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    static String uriOf(Route route) {
        return route.path().replaceAll("[{<][^}>]+[}>]", "no-such-thing");
    }

    private static String codeOf(HttpResponse<String> answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body.path("code").asText();
        } catch (Exception e) {
            return "(not JSON)";
        }
    }

    private static String key(Route route) {
        return route.method().name() + " " + route.path();
    }

    /** What the route declares, as a starting point for its row (the row should say what it ought to be). */
    private String declared(String key) {
        Optional<Route> route = kit.server.routes().stream().filter(r -> key(r).equals(key)).findFirst();
        return route.map(r -> r.access() instanceof Route.Access.Signed signed ? signed.least().label() : PUBLIC)
                .orElse("?");
    }

    private static Map<String, String> rules(String... pairs) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            rules.put(pairs[i], pairs[i + 1]);
        }
        return rules;
    }
}
