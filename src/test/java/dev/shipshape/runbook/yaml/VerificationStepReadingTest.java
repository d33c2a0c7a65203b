package dev.shipshape.runbook.yaml;

import static dev.shipshape.runbook.yaml.RunbookFixtures.load;
import static dev.shipshape.runbook.yaml.RunbookFixtures.problems;
import static dev.shipshape.runbook.yaml.RunbookFixtures.withStages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.AnalysisStep;
import dev.shipshape.runbook.HealthStep;
import dev.shipshape.runbook.HttpMetrics;
import dev.shipshape.runbook.MetricCheck;
import dev.shipshape.runbook.OnInconclusive;
import dev.shipshape.runbook.RollbackRule;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.SmokeStep;
import dev.shipshape.runbook.StageProbe;
import dev.shipshape.runbook.StepOptions;
import dev.shipshape.runbook.Threshold;
import dev.shipshape.runbook.Tier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationStepReadingTest {

    private static final String PINNED = """
              - name: verify
                steps:
                  - analysis:
                      provider: prometheus
                      address: http://127.0.0.1:9090
                      interval: 5s
                      duration: 2m
                      metrics:
                        - name: error-rate
                          query: sum(rate(http_requests_total{status=~"5.."}[30s])) / sum(rate(http_requests_total[30s]))
                          warning: "> 0.05"
                          critical: "> 0.10"
                  - analysis:
                      provider: probe
                      url: http://127.0.0.1:8080/
                      interval: 5s
                      duration: 60s
                      metrics:
                        - name: error-rate
                          warning: "> 0.05"
                          critical: "> 0.10"
                        - name: p95-latency
                          critical: "> 2s"
            """;

    @Test
    void readsThePinnedAnalysisShapes() {
        Runbook runbook = load(withStages(PINNED));

        AnalysisStep prometheus = (AnalysisStep) runbook.stages().get(0).steps().get(0);
        AnalysisStep probe = (AnalysisStep) runbook.stages().get(0).steps().get(1);
        assertThat(prometheus).isEqualTo(new AnalysisStep("prometheus", "http://127.0.0.1:9090", null,
                Duration.ofSeconds(5), Duration.ofMinutes(2), null, List.of(new MetricCheck("error-rate",
                "sum(rate(http_requests_total{status=~\"5..\"}[30s])) / sum(rate(http_requests_total[30s]))",
                Threshold.parse("> 0.05").orElseThrow(), Threshold.parse("> 0.10").orElseThrow())), 0, 2,
                OnInconclusive.FAIL, List.of(), HttpMetrics.DEFAULT, StepOptions.defaults()));
        assertThat(prometheus.measurements()).isEqualTo(24);
        assertThat(probe.url()).isEqualTo("http://127.0.0.1:8080/");
        assertThat(probe.metrics().get(1).critical().limit()).isEqualTo(2.0);
        assertThat(probe.measurements()).isEqualTo(12);
    }

    @Test
    void readsHealthSmokeStageProbeTierAndRules() {
        Runbook runbook = load("""
                service: shop-api
                environments:
                  staging: {}
                rollback_rules:
                  - when: p95-latency critical
                    action: pause
                stages:
                  - name: migrate
                    tier: database
                    steps:
                      - run: ./migrate.sh
                  - name: deploy
                    probe: {url: "http://127.0.0.1:8080/health", interval: 500ms, max_outage: 2s}
                    steps:
                      - health: http://127.0.0.1:8080/health
                        successes: 3
                      - smoke:
                          - name: login
                            requests:
                              - http: http://127.0.0.1:8080/api/login
                                method: POST
                                capture: {token: token}
                """);

        var migrate = runbook.stages().get(0);
        var deploy = runbook.stages().get(1);
        assertThat(migrate.tier()).isEqualTo(Tier.DATABASE);
        assertThat(deploy.tier()).isEqualTo(Tier.APPLICATION);
        assertThat(deploy.probe()).isEqualTo(new StageProbe("http://127.0.0.1:8080/health", Duration.ofMillis(500),
                null, Duration.ofSeconds(2)));
        List<RollbackRule> rules = List.of(new RollbackRule("p95-latency critical", RollbackRule.Action.PAUSE));
        assertThat(deploy.steps().get(0)).isEqualTo(new HealthStep("http://127.0.0.1:8080/health",
                Duration.ofSeconds(2), Duration.ofSeconds(60), 3, Map.of(), rules, StepOptions.defaults()));
        SmokeStep smoke = (SmokeStep) deploy.steps().get(1);
        assertThat(smoke.rules()).isEqualTo(rules);
        assertThat(smoke.flows().getFirst().requests().getFirst().capture()).isEqualTo(Map.of("token", "token"));
        assertThat(smoke.flows().getFirst().requests().getFirst().name()).isEqualTo("POST http://127.0.0.1:8080/api/login");
    }

    @Test
    void rejectsAThresholdThatIsNotOne() {
        assertThat(problems(withStages(PINNED.replace("critical: \"> 2s\"", "critical: \"over 2 seconds\""))))
                .containsExactly("bad.yaml:27:25: stages[0].steps[1].analysis.metrics[1].critical: 'over 2 seconds' is not"
                        + " a threshold; write a comparison and a number, e.g. \"> 0.05\", \">= 2\", \"> 2s\", \"> 5%\"");
    }

    @Test
    void rejectsAnUnknownProviderAndAProbeMetricItCannotCompute() {
        assertThat(problems(withStages(PINNED.replace("provider: prometheus", "provider: prometheos")
                .replace("name: p95-latency", "name: saturation")))).containsExactly(
                "bad.yaml:8:21: stages[0].steps[0].analysis.provider: unknown provider 'prometheos'; expected"
                        + " prometheus or probe (did you mean 'prometheus'?)",
                "bad.yaml:26:21: stages[0].steps[1].analysis.metrics[1].name: 'saturation' is not a built-in metric"
                        + " of the probe provider; expected one of: error-rate, p50-latency, p95-latency, p99-latency");
    }

    @Test
    void rejectsARuleWithAnUnknownConditionOrAction() {
        assertThat(problems("""
                service: shop-api
                environments:
                  staging: {}
                rollback_rules:
                  - when: error rate above 10%
                    action: rollback
                  - when: health failed
                    action: panic
                stages:
                  - name: deploy
                    steps:
                      - run: ./deploy.sh
                """)).containsExactly(
                "bad.yaml:5:11: rollback_rules[0].when: 'error rate above 10%' is not a condition; expected"
                        + " '<metric> critical', '<metric> warning', 'health failed', 'smoke failed' or 'analysis inconclusive'",
                "bad.yaml:8:13: rollback_rules[1].action: 'panic' is not allowed; expected rollback|pause|alert");
    }

    @Test
    void rejectsAnAnalysisWithoutDurationOrMetrics() {
        assertThat(problems(withStages("""
                  - name: verify
                    steps:
                      - analysis:
                          provider: probe
                          url: http://127.0.0.1/
                          metrics: []
                """))).containsExactly(
                "bad.yaml:8:11: stages[0].steps[0].analysis: missing 'duration' or 'count' (e.g. duration: 2m)",
                "bad.yaml:10:20: stages[0].steps[0].analysis.metrics: an analysis needs at least one metric");
    }
}
