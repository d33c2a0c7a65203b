package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.sample.Faults;
import dev.shipshape.sample.SampleService;
import dev.shipshape.testing.PrometheusServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given the sample service, traffic against it and a real Prometheus scraping it every second,
 * when a runbook deploys (its deploy stage switches the service's faults, as a bad release would),
 * then health, smoke and analysis gate the release and roll back a bad one by themselves.
 */
class VerificationTest {

    private static final Duration SCRAPE = Duration.ofSeconds(1);
    static SampleService service;
    static PrometheusServer prometheus;
    static Traffic traffic;

    @TempDir
    Path folder;
    Cli cli;

    @BeforeAll
    static void start() throws Exception {
        service = SampleService.start(0, "v1", new Faults());
        traffic = Traffic.start(service.baseUrl() + "/", Duration.ofMillis(50));
        prometheus = PrometheusServer.start(List.of("127.0.0.1:" + service.port()), SCRAPE);
        prometheus.awaitScraped();
    }

    @AfterAll
    static void stop() {
        traffic.close();
        if (prometheus != null) {
            prometheus.close();
        }
        service.close();
    }

    @BeforeEach
    void healthy() {
        cli = new Cli(folder);
        service.faults().errorRate(0).unhealthy(false).latency(Duration.ZERO);
    }

    /** A runbook whose deploy switches the service to {@code faults} and whose rollback switches them off. */
    private void runbook(String faults, String verify) throws Exception {
        cli.write("shipshape.yaml", """
                service: sample
                vars:
                  BASE_URL: %s
                  PROMETHEUS: %s
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - http: ${vars.BASE_URL}/admin/faults?%s
                        method: POST
                    rollback:
                      - http: ${vars.BASE_URL}/admin/faults?error_rate=0&unhealthy=false
                        method: POST
                  - name: verify
                    steps:
                %s
                """.formatted(service.baseUrl(), prometheus.address(), faults, verify.indent(6)));
    }

    private static final String ERROR_RATE = """
            - analysis:
                provider: prometheus
                address: ${vars.PROMETHEUS}
                interval: 1s
                count: 4
                metrics:
                  - name: error-rate
                    query: sum(rate(http_requests_total{status=~"5.."}[5s])) / sum(rate(http_requests_total[5s]))
                    warning: "> 0.05"
                    critical: "> 0.10"
            """;

    @Test
    void passesEveryGateForAGoodVersion() throws Exception {
        runbook("error_rate=0", """
                - health: ${vars.BASE_URL}/health
                  interval: 200ms
                  successes: 2
                - smoke:
                    - name: log in and order
                      requests:
                        - http: ${vars.BASE_URL}/api/login
                          method: POST
                          body: {user: demo}
                          capture: {token: token}
                        - http: ${vars.BASE_URL}/api/orders
                          method: POST
                          headers: {Authorization: "Bearer {{token}}"}
                          body: {item: teapot}
                          expect: {status: 201}
                          capture: {id: id}
                        - http: ${vars.BASE_URL}/api/orders/{{id}}
                          headers: {Authorization: "Bearer {{token}}"}
                          expect: {json: {item: teapot}}
                """ + ERROR_RATE + """
                - analysis:
                    provider: prometheus
                    address: ${vars.PROMETHEUS}
                    interval: 1s
                    count: 2
                    metrics:
                      - name: error-rate
                        critical: "> 0.10"
                      - name: p95-latency
                        critical: "> 2s"
                - analysis:
                    provider: probe
                    url: ${vars.BASE_URL}/
                    interval: 1s
                    count: 2
                    metrics:
                      - name: error-rate
                        critical: "> 0.10"
                      - name: p95-latency
                        critical: "> 2s"
                """);

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v2");

        String runId = deploy.out().replaceAll("(?s).*run (\\S+) succeeded.*", "$1");
        Cli.Result show = cli.run("show", runId);

        assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isEqualTo(0);
        assertThat(show.out()).contains("verification:", "verify/2  smoke  passed  1/1 flows passed",
                "smoke success rate: 100% (1/1)", "rollback needed: no");
        // A poll or a measurement may find no answer on a loaded machine: counts are bounded, not exact.
        assertThat(number(show.out(), "verify/1  health  passed  healthy 2x in a row after (\\d+) polls: healthy"
                + " \\(200, version v1\\)")).isGreaterThanOrEqualTo(2);
        assertThat(number(show.out(), "verify/3  analysis  passed  1 metric within thresholds over (\\d+) samples"))
                .isBetween(1, 4);
        assertThat(number(show.out(), "verify/4  analysis  passed  2 metrics within thresholds over (\\d+) samples"))
                .isBetween(2, 4);
        assertThat(number(show.out(), "verify/5  analysis  passed  2 metrics within thresholds over (\\d+) samples"))
                .isBetween(2, 4);
    }

    /** The number {@code pattern}'s group captures in {@code text}; fails when the pattern is not there. */
    private static int number(String text, String pattern) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as("%s in:%n%s", pattern, text).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void rollsBackWhenErrorRateExceedsCriticalThreshold() throws Exception {
        // It fails at the first critical sample; more measurements only leave room for slow scrapes.
        runbook("error_rate=0.5", ERROR_RATE.replace("count: 4", "count: 10"));

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v3");

        assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isEqualTo(3);
        assertThat(deploy.out()).containsPattern("run \\S+ rolled back: verify/1 failed: analysis failed: error rate "
                + "0\\.\\d+ > 0\\.10 \\(critical\\) at \\d\\d:\\d\\d:\\d\\d");
        assertThat(service.faults().errorRate()).isZero();
    }

    @Test
    void rollsBackWhenTheHealthCheckFails() throws Exception {
        runbook("unhealthy=true", """
                - health: ${vars.BASE_URL}/health
                  interval: 200ms
                  within: 3s
                """);

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v4");

        assertThat(deploy.exitCode()).as(deploy.out()).isEqualTo(3);
        assertThat(deploy.out()).contains("rolled back: verify/1 failed: health failed: not healthy within 3s",
                "last: unhealthy: status 503, status unhealthy, checks.database is false, version v1");
        assertThat(service.faults().unhealthy()).isFalse();
    }

    @Test
    void neverPromotesWhenPrometheusIsUnreachable() throws Exception {
        runbook("error_rate=0", ERROR_RATE.replace("${vars.PROMETHEUS}", "http://127.0.0.1:1"));

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v5");

        assertThat(deploy.exitCode()).isEqualTo(3);
        assertThat(deploy.out()).contains("verify/1 failed: analysis inconclusive: error-rate could not be measured"
                + " 3 times in a row: Prometheus at http://127.0.0.1:1 did not answer: connection refused");
    }

    @Test
    void pausesForAPersonWhenInconclusiveAndResumeRollsBack() throws Exception {
        runbook("error_rate=0", ERROR_RATE.replace("${vars.PROMETHEUS}", "http://127.0.0.1:1")
                .replace("count: 4", "count: 4\n    on_inconclusive: pause"));

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v6");
        String runId = deploy.out().replaceAll("(?s).*run (\\S+) halted.*", "$1");
        Cli.Result resume = cli.run("resume", runId, "--rollback");

        assertThat(deploy.exitCode()).as(deploy.out()).isEqualTo(1);
        assertThat(deploy.out()).contains("halted: verify/1 paused: analysis inconclusive", "--rerun (measure again) or --rollback");
        assertThat(resume.exitCode()).as(resume.out()).isEqualTo(3);
        assertThat(resume.out()).contains("rolled back: verify/1 failed: a person chose to roll back after a pause");
    }

    @Test
    void reportsAQueryPrometheusRejects() throws Exception {
        runbook("error_rate=0", ERROR_RATE.replace("sum(rate(http_requests_total{status=~\"5..\"}[5s]))", "sum(rate(")
                .replace("count: 4", "count: 1\n    consecutive_error_limit: 0"));

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v7");

        assertThat(deploy.exitCode()).isEqualTo(3);
        assertThat(deploy.out()).contains("analysis inconclusive: error-rate could not be measured:"
                + " Prometheus rejected the query sum(rate( / sum(rate(http_requests_total[5s])): bad_data:");
    }

    @Test
    void reportsAQueryWithoutSeries() throws Exception {
        runbook("error_rate=0", ERROR_RATE.replace("sum(rate(http_requests_total{status=~\"5..\"}[5s])) / sum(rate(http_requests_total[5s]))",
                "sum(rate(no_such_metric[5s]))").replace("count: 4", "count: 1"));

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v8");

        assertThat(deploy.exitCode()).isEqualTo(3);
        assertThat(deploy.out()).contains("analysis inconclusive: no data for error-rate: no series for"
                + " sum(rate(no_such_metric[5s]))");
    }

    @Test
    void reportsAnAnswerThatIsNotPrometheusJson() throws Exception {
        runbook("error_rate=0", ERROR_RATE.replace("${vars.PROMETHEUS}", "${vars.BASE_URL}/nothing-here")
                .replace("count: 4", "count: 1"));

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v9");

        assertThat(deploy.exitCode()).isEqualTo(3);
        assertThat(deploy.out()).contains("answered HTTP 404 with something that is not Prometheus JSON");
    }

    /** Steady requests against the service, as users would send. */
    record Traffic(Thread thread) implements AutoCloseable {
        static Traffic start(String url, Duration every) {
            HttpClient client = HttpClient.newHttpClient();
            return new Traffic(Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
                        Thread.sleep(every);
                    } catch (InterruptedException e) {
                        return;
                    } catch (java.io.IOException e) {
                        // the service may be down for a moment; keep going
                    }
                }
            }));
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
