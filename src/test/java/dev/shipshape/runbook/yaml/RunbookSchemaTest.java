package dev.shipshape.runbook.yaml;


import dev.shipshape.steps.StepKinds;
import static dev.shipshape.runbook.yaml.RunbookFixtures.withStages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RunbookSchemaTest {

    private final SchemaValidation validation = new SchemaValidation();

    @Test
    void schemaIsDraft2020JsonWithHelpTexts() throws Exception {
        var schema = new ObjectMapper().readTree(RunbookSchema.text(StepKinds.all()));
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("properties").get("stages").get("description").asText()).isNotBlank();
    }

    @Test
    void acceptsARunbookUsingEveryFeature() {
        assertThat(validation.errors("""
                service: shop-api
                vars: {REGION: eu, PORT: 8080}
                on_interrupted: rollback
                environments:
                  staging: {vars: {BASE_URL: "http://localhost"}}
                  production:
                stages:
                  - name: build
                    timeout: 10m
                    on_failure: stop
                    steps:
                      - run: make
                        name: compile
                        env: {A: b}
                        workdir: src
                        exit_codes: [0, 3]
                        timeout: 5m
                        retries: 2
                        backoff: 2s
                        idempotent: true
                  - name: verify
                    needs: build
                    steps:
                      - http: ${vars.BASE_URL}/health
                        method: post
                        headers: {X-A: b}
                        body: {a: [1]}
                        expect: {status: [200, 204], json: {checks: {db: true}}, body_contains: ok, max_latency: 500ms}
                    rollback:
                      - run: ./undo.sh
                always:
                  - run: ./notify.sh
                """)).isEmpty();
    }

    @Test
    void acceptsGatesAndApprovalSteps() {
        assertThat(validation.errors("""
                service: shop-api
                people: {alice: [lead], bob: sre}
                environments:
                  staging: {}
                  production:
                    promote_from: staging
                    soak: 48h
                    windows:
                      timezone: America/Los_Angeles
                      allow: ["Mon-Thu 10:00-16:00"]
                      deny: ["2026-01-28..2026-01-30", "Fri 14:00-24:00"]
                      holidays: "2026-12-25"
                      wait_for_window: 2h
                      override: {count: 1, roles: [lead]}
                    checklist:
                      strict: true
                      items:
                        - {run: ./test.sh, timeout: 5m}
                        - {env: NEXTAUTH_SECRET, min_length: 32, pattern: "[A-Za-z0-9]+"}
                        - {tls: "api.example.com:443", min_days: 30}
                        - {sql: SELECT 1 = 1, database: "jdbc:h2:mem:x"}
                        - {name: audit, sign_off: security}
                stages:
                  - name: approve
                    steps:
                      - approval: {count: 2, roles: [lead, sre], expires: 4h}
                """)).isEmpty();
        assertThat(validation.errors(withStages("""
                  - name: approve
                    steps: [{approval: {count: 2, rolls: [lead]}}]
                """))).isNotEmpty();
    }

    @Test
    void rejectsAnUnknownKey() {
        assertThat(validation.errors(withStages("""
                  - name: deploy
                    steps: [{run: ./deploy.sh}]
                    rolback: [{run: ./undo.sh}]
                """))).anySatisfy(message -> assertThat(message).contains("rolback"));
    }

    @Test
    void rejectsAStepWithoutAKind() {
        assertThat(validation.errors(withStages("""
                  - name: deploy
                    steps: [{name: deploy, timeout: 5m}]
                """))).anySatisfy(message -> assertThat(message).contains("required property 'run'"))
                .anySatisfy(message -> assertThat(message).contains("required property 'http'"));
    }

    @Test
    void rejectsAStepWithTwoKinds() {
        assertThat(validation.errors(withStages("""
                  - name: deploy
                    steps: [{run: make, http: "http://localhost/"}]
                """))).isNotEmpty();
    }

    @Test
    void rejectsABadDurationAndStatus() {
        assertThat(validation.errors(withStages("""
                  - name: deploy
                    timeout: 5 minutes
                    steps: [{http: "http://x/", expect: {status: 999}}]
                """))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void acceptsDurationsAndRetriesWrittenAsVariables() {
        assertThat(validation.errors("""
                service: shop-api
                environments:
                  staging:
                    vars: {T: 30s, RETRIES: 2}
                stages:
                  - name: deploy
                    timeout: ${vars.T}
                    steps:
                      - run: ./scripts/deploy.sh
                        timeout: ${vars.T}
                        retries: ${vars.RETRIES}
                """)).isEmpty();
    }

    @Test
    void acceptsEachFormOfWaitUntilAndRejectsOneWithoutACondition() {
        assertThat(validation.errors(withStages("""
                  - name: wait
                    steps:
                      - wait_until: {run: test -f ready.txt, interval: 500ms, within: 10s}
                      - wait_until: {http: "http://localhost/ready", expect: {status: 200}, successes: 2}
                      - wait_until: {sql: "SELECT true"}
                """))).isEmpty();
        assertThat(validation.errors(withStages("""
                  - name: wait
                    steps: [{wait_until: {within: 10s}}]
                """))).isNotEmpty();
    }

    @Test
    void acceptsProceduresAndRejectsOneWithoutADescription() {
        String stages = """
                  - name: deploy
                    steps: [{run: ./deploy.sh}]
                """;
        assertThat(validation.errors(withStages(stages) + """
                procedures:
                  pool-exhausted:
                    description: database connection pool exhausted
                    when: db-connections critical
                    timeout: 30m
                    steps:
                      - {name: check, run: ./scripts/check-pool.sh}
                """)).isEmpty();
        assertThat(validation.errors(withStages(stages) + """
                procedures:
                  pool-exhausted:
                    steps: [{run: ./scripts/check-pool.sh}]
                """)).anySatisfy(message -> assertThat(message).contains("description"));
    }

    @Test
    void acceptsEnvironmentsOnStagesAndStepsAndRejectsAnEmptyList() {
        assertThat(validation.errors(withStages("""
                  - name: scale
                    environments: [staging]
                    steps:
                      - {run: ./scale.sh, environments: staging}
                      - {http: "http://localhost/health", environments: [staging]}
                """))).isEmpty();
        assertThat(validation.errors(withStages("""
                  - name: scale
                    steps: [{run: ./scale.sh, environments: []}]
                """))).isNotEmpty();
    }

    @Test
    void acceptsConditionsOnStagesAndSteps() {
        assertThat(validation.errors(withStages("""
                  - name: check
                    steps:
                      - {name: pool, run: ./check-pool.sh}
                      - {run: ./restart.sh, when: "${steps.pool.exit} != 0"}
                  - name: announce
                    when: ${env} == staging
                    steps:
                      - {http: "http://localhost/health", when: "${steps.pool.outcome} == failed"}
                """))).isEmpty();
        assertThat(validation.errors(withStages("""
                  - name: check
                    steps: [{run: ./restart.sh, when: [a, b]}]
                """))).isNotEmpty();
    }

    @Test
    void acceptsConfirmStepsAndRejectsOneWithoutAQuestion() {
        assertThat(validation.errors(withStages("""
                  - name: verify
                    steps:
                      - name: sentry
                        confirm: Check Sentry for new errors
                        instructions: Compare with yesterday.
                        environments: [staging]
                """))).isEmpty();
        assertThat(validation.errors(withStages("""
                  - name: verify
                    steps: [{confirm: "", instructions: x}]
                """))).isNotEmpty();
    }
}
