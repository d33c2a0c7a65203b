package dev.shipshape.server;

import static dev.shipshape.server.ServerBasicsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.audit.AuditEntry;
import dev.shipshape.audit.AuditRecord;
import dev.shipshape.engine.testkit.ManualClock;
import dev.shipshape.users.Passwords;
import dev.shipshape.users.Role;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    ServerKit kit;

    @BeforeEach
    void start() {
        kit = new ServerKit(folder, false, clock);
        kit.store.users().add("alice", Role.DEPLOYER, Passwords.hash(PASSWORD), clock.instant());
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void theLoginPageIsAPublicFormThatPostsToLogin() throws Exception {
        HttpResponse<String> page = kit.get("/login", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<form method=\"post\" action=\"/login\">").contains("name=\"password\"");
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieAndAnswersTheCsrfToken() throws Exception {
        HttpResponse<String> in = signIn("alice", PASSWORD);

        assertThat(in.statusCode()).isEqualTo(200);
        String cookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("shipshape_session=shs_").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").doesNotContain("Secure");
        JsonNode body = JSON.readTree(in.body());
        assertThat(body.path("user").asText()).isEqualTo("alice");
        assertThat(body.path("role").asText()).isEqualTo("deployer");
        assertThat(body.path("csrfToken").asText()).isNotBlank();

        HttpResponse<String> who = kit.send(withSession(kit.request("/api/v1/session", null), in).GET().build());
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(who.body()).path("user").asText()).isEqualTo("alice");
        assertThat(JSON.readTree(who.body()).path("csrfToken").asText()).isEqualTo(body.path("csrfToken").asText());
    }

    @Test
    void aForwardedProtoHeaderDoesNotMakeThePlainHttpCookieSecure() throws Exception {
        HttpResponse<String> in = kit.send(kit.request("/login", null).header("Content-Type", "application/json")
                .header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString(credentials("alice", PASSWORD))).build());

        assertThat(in.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
    }

    @Test
    void theStoreKeepsOnlyTheSha256OfTheSessionValue() throws Exception {
        String value = sessionValue(signIn("alice", PASSWORD));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve(".shipshape/store")
                + ";AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0");
             ResultSet rows = c.createStatement().executeQuery("SELECT session_hash, user_name FROM web_sessions")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(sha256).doesNotContain(value);
            assertThat(rows.getString(2)).isEqualTo("alice");
        }
    }

    @Test
    void aWrongPasswordIs401WithoutACookieAndIsAudited() throws Exception {
        HttpResponse<String> refused = signIn("alice", "not the password at all");

        assertError(refused, 401, "unauthenticated");
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(refused.body()).doesNotContain("not the password");
        assertThat(lastAudit().who()).isEqualTo("alice");
        assertThat(lastAudit().action()).isEqualTo("login");
        assertThat(lastAudit().outcome()).isEqualTo("refused (401 unauthenticated)");
    }

    @Test
    void aTriedNameThatIsNoUserNameIsNotKeptInTheAuditLog() throws Exception {
        signIn("Tr0ub4dor&3-typed-in-the-wrong-field", "whatever it is");

        assertThat(lastAudit().who()).isEqualTo("(not a user name)");
        assertThat(lastAudit().target()).isEqualTo("user=(not a user name)");
    }

    @Test
    void anUnknownUserAndAUserWithoutPasswordAreRefusedInTheSameWords() throws Exception {
        String unknown = JSON.readTree(signIn("nobody", PASSWORD).body()).path("message").asText();
        String tokenOnly = JSON.readTree(signIn("viewer", PASSWORD).body()).path("message").asText();
        String wrong = JSON.readTree(signIn("alice", "another password").body()).path("message").asText();

        assertThat(unknown).isEqualTo(tokenOnly).isEqualTo(wrong).isEqualTo("the user name or the password is wrong");
    }

    @Test
    void signInAndSignOutAreAuditedUnderTheUser() throws Exception {
        HttpResponse<String> in = signIn("alice", PASSWORD);
        assertThat(lastAudit().outcome()).isEqualTo("succeeded (200)");
        assertThat(lastAudit().target()).isEqualTo("user=alice");

        HttpResponse<String> out = kit.send(withSession(kit.request("/logout", null), in)
                .header("X-CSRF-Token", csrf(in)).POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(lastAudit().action()).isEqualTo("logout");
        assertThat(lastAudit().who()).isEqualTo("alice");
        HttpResponse<String> after = kit.send(withSession(kit.request("/api/v1/session", null), in).GET().build());
        assertError(after, 401, "unauthenticated");
    }

    @Test
    void aStateChangingRequestWithTheSessionButNoCsrfTokenIs403Csrf() throws Exception {
        HttpResponse<String> in = signIn("alice", PASSWORD);

        HttpResponse<String> missing = kit.send(withSession(kit.request("/logout", null), in)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<String> forged = kit.send(withSession(kit.request("/logout", null), in)
                .header("X-CSRF-Token", "AAAA" + csrf(in).substring(4)).POST(HttpRequest.BodyPublishers.noBody())
                .build());

        assertError(missing, 403, "csrf");
        assertError(forged, 403, "csrf");
        assertThat(lastAudit().outcome()).isEqualTo("refused (403 csrf)");
        HttpResponse<String> still = kit.send(withSession(kit.request("/api/v1/session", null), in).GET().build());
        assertThat(still.statusCode()).as("the forged request ended nothing").isEqualTo(200);
    }

    @Test
    void theCsrfTokenMayComeAsAFormField() throws Exception {
        HttpResponse<String> in = signIn("alice", PASSWORD);

        HttpResponse<String> out = kit.send(withSession(kit.request("/logout", null), in)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + URLEncoder.encode(csrf(in), StandardCharsets.UTF_8)))
                .build());

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void aTokenCallerNeedsNoCsrfToken() throws Exception {
        HttpResponse<String> out = kit.send(kit.request("/logout", Role.VIEWER).POST(HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(out.statusCode()).isEqualTo(204);
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutes() throws Exception {
        HttpResponse<String> in = signIn("alice", PASSWORD);
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessionStatus(in)).isEqualTo(200);

        clock.advance(Duration.ofMinutes(31));

        assertThat(sessionStatus(in)).isEqualTo(401);
    }

    @Test
    void aBusySessionStillEndsTwelveHoursAfterSignIn() throws Exception {
        HttpResponse<String> in = signIn("alice", PASSWORD);
        for (int i = 0; i < 35; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(sessionStatus(in)).isEqualTo(200);
        }

        clock.advance(Duration.ofMinutes(20));

        assertThat(sessionStatus(in)).isEqualTo(401);
    }

    @Test
    void aDisabledUsersSessionStopsWorking() throws Exception {
        HttpResponse<String> in = signIn("alice", PASSWORD);

        kit.store.users().disable("alice", clock.instant());

        assertThat(sessionStatus(in)).isEqualTo(401);
    }

    @Test
    void fiveFailuresIn15MinutesThrottleTheUserWithRetryAfterEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("alice", "guess number " + i).statusCode()).isEqualTo(401);
            clock.advance(Duration.ofMinutes(1));
        }

        HttpResponse<String> throttled = signIn("alice", PASSWORD);

        assertError(throttled, 429, "throttled");
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue(Long.toString(Duration.ofMinutes(10)
                .toSeconds()));
        assertThat(lastAudit().outcome()).isEqualTo("refused (429 throttled)");
        clock.advance(Duration.ofMinutes(10));
        assertThat(signIn("alice", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void fiveFailuresFromOneAddressThrottleOtherUserNamesFromThere() throws Exception {
        for (String name : List.of("a1", "a2", "a3", "a4", "a5")) {
            signIn(name, PASSWORD);
        }

        assertError(signIn("alice", PASSWORD), 429, "throttled");
    }

    @Test
    void aFormSignInAnswersHtmlAndAFailedOneShowsTheFormWithTheReasonEscaped() throws Exception {
        HttpResponse<String> in = formSignIn("alice", PASSWORD);
        assertThat(in.statusCode()).isEqualTo(200);
        assertThat(in.headers().firstValue("Set-Cookie")).isPresent();
        assertThat(in.body()).contains("Signed in as <strong>alice</strong>");

        HttpResponse<String> refused = formSignIn("<script>x</script>", "whatever it is");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("the user name or the password is wrong").contains("<form")
                .doesNotContain("<script>");
    }

    @Test
    void aSignInWithoutUserOrPasswordIs400() throws Exception {
        assertError(kit.post("/login", null, "{\"user\":\"alice\"}"), 400, "bad_request");
        assertError(kit.post("/login", null, "{\"user\":\"alice\",\"pass\":\"x\"}"), 400, "bad_body");
    }

    private int sessionStatus(HttpResponse<String> in) throws Exception {
        return kit.send(withSession(kit.request("/api/v1/session", null), in).GET().build()).statusCode();
    }

    private HttpResponse<String> signIn(String user, String password) throws Exception {
        return kit.post("/login", null, credentials(user, password));
    }

    private HttpResponse<String> formSignIn(String user, String password) throws Exception {
        return kit.send(kit.request("/login", null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build());
    }

    private static String credentials(String user, String password) throws Exception {
        return JSON.writeValueAsString(java.util.Map.of("user", user, "password", password));
    }

    static String sessionValue(HttpResponse<String> in) {
        String cookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    static String csrf(HttpResponse<String> in) throws Exception {
        return JSON.readTree(in.body()).path("csrfToken").asText();
    }

    static HttpRequest.Builder withSession(HttpRequest.Builder request, HttpResponse<String> in) {
        return request.header("Cookie", "shipshape_session=" + sessionValue(in));
    }

    private AuditRecord lastAudit() {
        List<AuditEntry> entries = kit.store.audit().since(null);
        return entries.getLast().record();
    }
}
