package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.HttpExpect;
import dev.shipshape.runbook.HttpStep;
import dev.shipshape.runbook.RunStep;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;

import static dev.shipshape.runbook.yaml.RunbookFixtures.load;
import static dev.shipshape.runbook.yaml.RunbookFixtures.problems;
import static dev.shipshape.runbook.yaml.RunbookFixtures.withStages;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpStepReadingTest {

    private static Step onlyStep(String steps) {
        return load(withStages("  - name: verify\n    steps:\n" + steps)).stages().get(0).steps().get(0);
    }

    @Test
    void nestedJsonExpectationsFlattenToPathsKeepingScalarTypes() {
        HttpStep step = (HttpStep) onlyStep("""
                      - http: http://localhost/health
                        expect:
                          json:
                            checks: {database: true, queue: {depth: 0}}
                            "items[0].id": 7
                            ratio: 0.5
                            version: "7"
                            owner: null
                            tags: [a, b]
                """);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("checks.database", true);
        expected.put("checks.queue.depth", 0);
        expected.put("items[0].id", 7);
        expected.put("ratio", 0.5);
        expected.put("version", "7");
        expected.put("owner", null);
        expected.put("tags[0]", "a");
        expected.put("tags[1]", "b");
        assertThat(step.expect().json()).containsExactlyEntriesOf(expected);
    }

    @Test
    void bodyMapIsSentAsJsonWithJsonContentType() {
        HttpStep step = (HttpStep) onlyStep("""
                      - http: http://localhost/deployments
                        method: post
                        headers: {Authorization: "Bearer ${secret:T}", X-Retry: 3}
                        body: {version: "${version}", replicas: 2, canary: false, zones: [a, b]}
                """);
        assertThat(step.method()).isEqualTo("POST");
        assertThat(step.body()).isEqualTo("{\"version\":\"${version}\",\"replicas\":2,\"canary\":false,\"zones\":[\"a\",\"b\"]}");
        assertThat(step.headers()).containsExactly(Map.entry("Authorization", "Bearer ${secret:T}"),
                Map.entry("X-Retry", "3"), Map.entry("Content-Type", "application/json"));
    }

    @Test
    void givenContentTypeIsKept() {
        HttpStep step = (HttpStep) onlyStep("""
                      - http: http://localhost/
                        method: PUT
                        headers: {content-type: application/merge-patch+json}
                        body: [1, 2]
                """);
        assertThat(step.body()).isEqualTo("[1,2]");
        assertThat(step.headers()).containsExactly(Map.entry("content-type", "application/merge-patch+json"));
    }

    @Test
    void allExpectationsAndOptionsAreRead() {
        HttpStep step = (HttpStep) onlyStep("""
                      - http: http://localhost/
                        name: smoke
                        body: 'plain text'
                        timeout: 10s
                        retries: 3
                        backoff: 500ms
                        idempotent: false
                        expect:
                          status: [200, 204]
                          body_contains: ok
                          max_latency: 1h30m
                """);
        assertThat(step).isEqualTo(new HttpStep("GET", "http://localhost/", Map.of(), "plain text",
                new HttpExpect(List.of(200, 204), Map.of(), List.of("ok"), Duration.ofMinutes(90)),
                new StepOptions("smoke", Duration.ofSeconds(10), 3, Duration.ofMillis(500), false)));
        assertThat(step.idempotent()).isFalse();
    }

    @Test
    void runStepReadsWorkdirExitCodesAndStringifiedEnv() {
        Step step = onlyStep("""
                      - run: ./migrate.sh
                        workdir: scripts
                        exit_codes: [0, 3]
                        env: {PORT: 8080, DEBUG: true}
                        idempotent: true
                """);
        assertThat(step).isEqualTo(new RunStep("./migrate.sh", Map.of("PORT", "8080", "DEBUG", "true"), "scripts",
                Arrays.asList(0, 3), new StepOptions(null, null, 0, StepOptions.DEFAULT_BACKOFF, true)));
    }

    @Test
    void unknownMethodSuggestsTheMethodMeant() {
        assertThat(problems(withStages("""
                  - name: verify
                    steps:
                      - http: http://localhost/
                        method: PSOT
                """))).containsExactly("bad.yaml:8:17: stages[0].steps[0].method: 'PSOT' is not an HTTP method; "
                + "expected one of: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS (did you mean 'POST'?)");
    }

    @Test
    void alwaysStepsAreRead() {
        Runbook runbook = load(withStages("  - name: build\n    steps: [{run: make}]\n")
                + "always:\n  - run: ./notify.sh\n");
        assertThat(runbook.always()).extracting(Step::summary).containsExactly("./notify.sh");
    }
}
