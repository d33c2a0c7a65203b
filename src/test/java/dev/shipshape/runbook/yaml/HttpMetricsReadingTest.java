package dev.shipshape.runbook.yaml;

import static dev.shipshape.runbook.yaml.RunbookFixtures.load;
import static dev.shipshape.runbook.yaml.RunbookFixtures.problems;
import static dev.shipshape.runbook.yaml.RunbookFixtures.withStages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.AnalysisStep;
import dev.shipshape.runbook.HttpMetrics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpMetricsReadingTest {

    private static final String ANALYSIS = """
              - name: verify
                steps:
                  - analysis:
                      provider: prometheus
                      address: http://127.0.0.1:9090
                      count: 3
            %s
                      metrics:
                        - name: error-rate
                          critical: "> 0.10"
            """;

    private static String with(String httpMetrics) {
        return withStages(ANALYSIS.formatted(httpMetrics.indent(10).stripTrailing()));
    }

    @Test
    void readsTheNamesTheTemplatesQuery() {
        AnalysisStep step = (AnalysisStep) load(with("""
                http_metrics:
                  requests: http_server_requests_seconds_count
                  latency: http_server_requests_seconds
                  status_label: code
                  filter: job="shop"
                  window: 30s""")).stages().get(0).steps().get(0);

        assertThat(step.httpMetrics()).isEqualTo(new HttpMetrics("http_server_requests_seconds_count",
                "http_server_requests_seconds", "code", "job=\"shop\"", Duration.ofSeconds(30)));
    }

    @Test
    void keepsTheConventionalNamesForWhatIsNotGiven() {
        AnalysisStep step = (AnalysisStep) load(with("http_metrics: {status_label: code}")).stages().get(0).steps().get(0);

        assertThat(step.httpMetrics()).isEqualTo(new HttpMetrics("http_requests_total", "http_request_duration_seconds",
                "code", "", Duration.ofMinutes(1)));
    }

    @Test
    void rejectsANameThatIsNotAPrometheusName() {
        assertThat(problems(with("http_metrics: {requests: http-requests, status_label: \"status:code\"}"))).containsExactly(
                "bad.yaml:11:36: stages[0].steps[0].analysis.http_metrics.requests: 'http-requests' is not a Prometheus"
                        + " metric name (e.g. requests: http_server_requests_seconds_count)",
                "bad.yaml:11:65: stages[0].steps[0].analysis.http_metrics.status_label: 'status:code' is not a Prometheus"
                        + " label name (e.g. status_label: code)");
    }
}
