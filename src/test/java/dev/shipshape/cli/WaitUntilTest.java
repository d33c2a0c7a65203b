package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.shipshape.testing.PostgresServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wait_until:} polls a command, a request or a query until it holds, or fails with the last result. */
class WaitUntilTest {

    @TempDir
    Path folder;
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private Cli cli(String steps) throws Exception {
        Cli cli = new Cli(folder);
        cli.write("shipshape.yaml", """
                service: shop
                environments:
                  staging: {}
                stages:
                  - name: wait
                    steps:
                %s""".formatted(steps.indent(6)));
        return cli;
    }

    @Test
    void aCommandThatHoldsOnItsThirdPollLetsTheRunGoOn() throws Exception {
        Cli cli = cli("""
                - wait_until:
                    run: 'n=$(cat n 2>/dev/null || echo 0); echo $((n+1)) > n; [ "$n" -ge 2 ]'
                    interval: 100ms
                    within: 20s
                - run: echo after
                """);

        Cli.Result r = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out()).contains("poll 1: false: exit 1").contains("poll 2: false: exit 1")
                .contains("poll 3: holds: exit 0").doesNotContain("poll 4").contains("| after");
    }

    @Test
    void aConditionThatNeverHoldsFailsTheStepWithTheLastResult() throws Exception {
        Cli cli = cli("""
                - wait_until:
                    run: test -f ready.txt
                    interval: 200ms
                    within: 1s
                """);

        Cli.Result r = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).containsPattern("still false after 1s \\(\\d+ polls\\): exit 1");
    }

    @Test
    void aRequestHoldsOnceItsExpectationIsMetTwiceInARow() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ready", exchange -> {
            boolean ready = calls.incrementAndGet() > 2;
            byte[] body = ("{\"ready\": " + ready + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Cli cli = cli("""
                - wait_until:
                    http: http://127.0.0.1:%d/ready
                    expect: {status: 200, json: {ready: true}}
                    interval: 100ms
                    within: 20s
                    successes: 2
                """.formatted(server.getAddress().getPort()));

        Cli.Result r = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out()).contains("poll 1: false: status 503").contains("poll 3: holds: 200 OK").contains("poll 4: holds: 200 OK").doesNotContain("poll 5");
        assertThat(calls.get()).isEqualTo(4);
    }

    @Test
    void aQueryOnTheEnvironmentsDatabaseHoldsWhenItReturnsTrue() throws Exception {
        PostgresServer pg = PostgresServer.get();
        String url = pg.createDatabase("waituntil");
        try (var c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE TABLE flags (ready boolean); INSERT INTO flags VALUES (true)");
        }
        Cli cli = new Cli(folder);
        cli.env.put("DB_PASSWORD", pg.password());
        cli.write("shipshape.yaml", """
                service: shop
                environments:
                  staging:
                    database: {url: %s, user: %s, password: "${secret:DB_PASSWORD}"}
                stages:
                  - name: wait
                    steps:
                      - wait_until: {sql: "SELECT bool_and(ready) FROM flags", interval: 100ms, within: 10s}
                """.formatted(url.substring(0, url.indexOf('?')), pg.user()));

        Cli.Result r = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out()).contains("poll 1: holds: 1 row, first value true");
    }

    @Test
    void theIssuesShapeValidatesAndThePlanShowsIt() throws Exception {
        Cli cli = cli("""
                - wait_until:
                    run: test -f ready.txt      # or http: URL with expect:, or sql: QUERY
                    interval: 500ms
                    within: 10s
                """);

        Cli.Result validate = cli.run("validate");
        Cli.Result plan = cli.run("plan", "--env", "staging", "--version", "v1");

        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(0);
        assertThat(plan.out()).contains("wait/1  wait_until  until test -f ready.txt (every 500ms, within 10s)");
    }

    @Test
    void aWaitWithoutAConditionOrWithTwoIsAValidationErrorWithItsPlace() throws Exception {
        Cli none = cli("""
                - wait_until: {within: 10s}
                """);
        Cli.Result missing = none.run("validate");
        Cli two = cli("""
                - wait_until: {run: "true", sql: "SELECT true"}
                """);
        Cli.Result both = two.run("validate");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).containsPattern("shipshape.yaml:7:\\d+: .*wait_until needs a condition: one of run,"
                + " http or sql");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("wait_until has more than one condition: run and sql");
    }
}
