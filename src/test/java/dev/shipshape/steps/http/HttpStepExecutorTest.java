package dev.shipshape.steps.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.StepResult;
import dev.shipshape.runbook.HttpExpect;
import dev.shipshape.runbook.HttpStep;
import dev.shipshape.runbook.StepOptions;
import dev.shipshape.steps.FakeRun;
import dev.shipshape.steps.StepExecutors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpStepExecutorTest {

    private static final String HEALTH = "{\"status\":\"up\",\"version\":2,\"checks\":{\"database\":false,"
            + "\"cache\":\"true\"},\"items\":[{\"id\":7},{\"id\":8}]}";

    private final TestServer server = new TestServer();
    private final FakeRun run = new FakeRun();
    private final HttpStepExecutor executor = new HttpStepExecutor(new dev.shipshape.http.Exchanges(StepExecutors.defaultHttpClient()), 64 * 1024);

    HttpStepExecutorTest() throws Exception {
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private StepResult get(String path, HttpExpect expect) {
        HttpStep step = new HttpStep("GET", server.url(path), Map.of(), null, expect, StepOptions.defaults());
        return executor.execute(step, run.context(Path.of("."), Duration.ofSeconds(2)));
    }

    static HttpExpect expectStatus(Integer... status) {
        return new HttpExpect(List.of(status), Map.of(), List.of(), null);
    }

    static HttpExpect expectJson(Map<String, Object> json) {
        return new HttpExpect(List.of(), json, List.of(), null);
    }

    @Test
    void succeedsOnAny2xxWhenNoStatusIsExpected() {
        server.answer(204, "");

        StepResult result = get("/health", HttpExpect.none());

        assertThat(result.succeeded()).isTrue();
        assertThat(result.exitCode()).isNull();
        assertThat(result.message()).matches("204 No Content in \\d+ms");
        assertThat(result.outputTail()).isEqualTo("HTTP 204 No Content\n");
        assertThat(result.outputSize()).isZero();
    }

    @Test
    void failsOnAServerErrorWhenNoStatusIsExpected() {
        server.answer(503, "down");

        StepResult result = get("/health", HttpExpect.none());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).isEqualTo("status 503 (expected 2xx)");
        assertThat(result.outputTail()).isEqualTo("HTTP 503 Service Unavailable\ndown\n");
        assertThat(result.outputSize()).isEqualTo(4);
        assertThat(run.output()).containsExactly("HTTP 503 Service Unavailable", "down");
    }

    @Test
    void failsWhenTheStatusIsNotTheExpectedOne() {
        server.answer(200, "ok");

        assertThat(get("/", expectStatus(201)).message()).isEqualTo("status 200 (expected 201)");
        assertThat(get("/", expectStatus(201, 202)).message()).isEqualTo("status 200 (expected one of 201, 202)");
    }

    @Test
    void acceptsANonSuccessStatusWhenItIsTheExpectedOne() {
        server.answer(404, "");

        StepResult result = get("/gone", expectStatus(404));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.message()).startsWith("404 Not Found in ");
    }

    @Test
    void doesNotFollowRedirects() {
        server.answer(302, "");

        assertThat(get("/health", HttpExpect.none()).message()).isEqualTo("status 302 (expected 2xx)");
    }

    @Test
    void checksJsonFieldsByNestedPathAndArrayIndex() {
        server.answer(200, HEALTH);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "up");
        json.put("version", 2.0);
        json.put("checks.database", false);
        json.put("items[1].id", 8);

        StepResult result = get("/health", expectJson(json));

        assertThat(result.message()).matches("200 OK in \\d+ms");
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void listsEveryJsonMismatchWithTheActualValue() {
        server.answer(200, HEALTH);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "down");
        json.put("checks.database", true);
        json.put("checks.cache", true);
        json.put("checks.redis", true);
        json.put("items[5].id", 1);
        json.put("items[0]", 7);

        StepResult result = get("/health", expectJson(json));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).isEqualTo("200 OK: json status = \"up\" (expected \"down\"); "
                + "json checks.database = false (expected true); json checks.cache = \"true\" (expected true); "
                + "json checks.redis is missing; json items[5].id is missing; json items[0] = {\"id\":7} (expected 7)");
    }

    @Test
    void failsWhenJsonIsExpectedButTheBodyIsNotJson() {
        server.answer(200, "<html>ok</html>");

        StepResult result = get("/health", expectJson(Map.of("status", "up")));

        assertThat(result.message()).isEqualTo("200 OK: body is not JSON (expected json fields status)");
    }

    @Test
    void checksTheBodyContainsEachText() {
        server.answer(200, "all systems go");
        HttpExpect expect = new HttpExpect(List.of(), Map.of(), List.of("systems", "ok", "stop"), null);

        StepResult result = get("/health", expect);

        assertThat(result.message()).isEqualTo("200 OK: body does not contain \"ok\"; body does not contain \"stop\"");
    }

    @Test
    void failsWhenTheResponseIsSlowerThanAllowed() {
        server.answer(200, "ok").delay(300);
        HttpExpect expect = new HttpExpect(List.of(), Map.of(), List.of(), Duration.ofMillis(100));

        StepResult result = get("/health", expect);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).matches("200 OK: took \\d{3,}ms \\(expected at most 100ms\\)");
    }

    @Test
    void reportsAllKindsOfFailureTogether() {
        server.answer(500, "{\"status\":\"down\"}");
        HttpExpect expect = new HttpExpect(List.of(200), Map.of("status", "up"), List.of("ok"), null);

        assertThat(get("/health", expect).message()).isEqualTo(
                "status 500 (expected 200); json status = \"down\" (expected \"up\"); body does not contain \"ok\"");
    }

    @Test
    void sendsTheMethodHeadersAndBody() {
        server.answer(201, "created");
        HttpStep step = new HttpStep("POST", server.url("/deploys"), Map.of("Content-Type", "application/json"),
                "{\"version\":3}", expectStatus(201), StepOptions.defaults());

        StepResult result = executor.execute(step, run.context(Path.of("."), Duration.ofSeconds(2)));

        assertThat(result.succeeded()).isTrue();
        assertThat(server.lastMethod).isEqualTo("POST");
        assertThat(server.lastHeaders.getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(server.lastBody).isEqualTo("{\"version\":3}");
    }
}
