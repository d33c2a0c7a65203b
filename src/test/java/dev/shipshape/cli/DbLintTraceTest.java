package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db lint --trace}: the locks and rewrites PostgreSQL actually shows, on a scratch copy of the schema. */
class DbLintTraceTest {

    @TempDir
    Path folder;
    private Cli cli;
    private String url;

    @BeforeEach
    void database() throws Exception {
        PostgresServer server = PostgresServer.get();
        url = server.createDatabase("trace");
        cli = new Cli(folder);
        cli.env.put("DB_PASSWORD", server.password());
        sql("CREATE TABLE orders (id int PRIMARY KEY, total int); INSERT INTO orders SELECT g, g FROM "
                + "generate_series(1, 100) g");
        cli.write("shipshape.yaml", """
                service: shop
                environments:
                  staging:
                    database:
                      url: %s
                      user: %s
                      password: ${secret:DB_PASSWORD}
                      migrations: db/migrations
                stages:
                  - name: noop
                    steps:
                      - run: "true"
                """.formatted(url.substring(0, url.indexOf('?')), server.user()));
        cli.write("db/migrations/V1__orders.sql", """
                ALTER TABLE orders ADD COLUMN note text;
                ALTER TABLE orders ADD COLUMN placed timestamptz DEFAULT now();
                ALTER TABLE orders ADD COLUMN token timestamptz DEFAULT clock_timestamp();
                ALTER TABLE orders ALTER COLUMN total TYPE bigint;
                CREATE INDEX orders_total ON orders (total);
                """);
        cli.write("db/migrations/V2__concurrent.sql", "CREATE INDEX CONCURRENTLY orders_note ON orders (note);\n");
    }

    @Test
    void withEnvTheStaticLintJudgesByTheEnvironmentsCatalog() throws Exception {
        sql("ALTER TABLE orders ADD COLUMN label varchar(10)");
        cli.write("widen.sql", "ALTER TABLE orders ALTER COLUMN label TYPE varchar(50);\n");

        Cli.Result known = cli.run("db", "lint", "--env", "staging", "widen.sql");
        Cli.Result unknown = cli.run("db", "lint", "--pg-version", "15", "widen.sql");

        assertThat(known.exitCode()).as(known.out() + known.err()).isEqualTo(0);
        assertThat(known.out()).contains("SAFE  ALTER TABLE orders")
                .contains("varchar(10) to varchar(50) is binary-coercible").doesNotContain("assumed");
        assertThat(unknown.exitCode()).isEqualTo(5);
        assertThat(unknown.out()).contains("assumed the change is not binary-coercible");
    }

    @Test
    void traceShowsTheLockActuallyTakenAndWhetherTheTableWasRewritten() throws Exception {
        Cli.Result r = cli.run("db", "lint", "--trace", "--env", "staging");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.BLOCKED);
        assertThat(r.out()).contains("""
                V1__orders.sql:1  SAFE  ALTER TABLE orders ADD COLUMN note text
                    lock ACCESS EXCLUSIVE, none: a nullable column: catalog only, brief lock
                    observed: ACCESS EXCLUSIVE on public.orders, no rewrite
                """, """
                V1__orders.sql:2  SAFE  ALTER TABLE orders ADD COLUMN placed timestamptz DEFAULT now()
                """, """
                    observed: ACCESS EXCLUSIVE on public.orders, no rewrite
                V1__orders.sql:3  UNSAFE  ALTER TABLE orders ADD COLUMN token timestamptz DEFAULT clock_timestamp()
                """, """
                    observed: ACCESS EXCLUSIVE on public.orders, rewrote public.orders
                V1__orders.sql:4  UNSAFE  ALTER TABLE orders ALTER COLUMN total TYPE bigint
                """, """
                    observed: ACCESS EXCLUSIVE on public.orders, rewrote public.orders
                V1__orders.sql:5  UNSAFE  CREATE INDEX orders_total ON orders (total)
                """, """
                    observed: SHARE on public.orders, no rewrite
                V2__concurrent.sql:1  SAFE  CREATE INDEX CONCURRENTLY orders_note ON orders (note)
                """, """
                    observed: SHARE UPDATE EXCLUSIVE on public.orders, no rewrite
                6 statement(s), 3 unsafe
                """);
        assertThat(r.err()).contains("tracing on a scratch copy of the schema (shipshape_trace_");
    }

    @Test
    void traceLeavesTheRealDatabaseAsItWasAndDropsTheScratchCopy() throws Exception {
        cli.run("db", "lint", "--trace", "--env", "staging");

        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM pg_indexes WHERE tablename = 'orders'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM pg_database WHERE datname LIKE 'shipshape_trace_%'")).isZero();
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(100);
    }

    @Test
    void traceAsJsonPutsTheObservationBesideTheStaticVerdict() throws Exception {
        cli.write("extra/idx.sql", "CREATE INDEX CONCURRENTLY orders_by_total ON orders (total);\n");
        Cli.Result r = cli.run("db", "lint", "--trace", "--env", "staging", "--output", "json", "extra/idx.sql");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("  \"verdict\" : \"safe\",\n  \"lock\" : \"SHARE UPDATE EXCLUSIVE\",\n"
                + "  \"rewrite\" : \"scan\",\n", """
                  "observed" : {
                    "lock" : "SHARE UPDATE EXCLUSIVE",
                    "locked_on" : [ "public.orders" ],
                    "rewrite" : false,
                    "rewritten" : [ ],
                    "error" : null,
                    "differs_from_lint" : false
                  }
                } ]
                """);
    }

    @Test
    void traceWithoutAnEnvironmentSaysWhatItNeeds() {
        Cli.Result r = cli.run("db", "lint", "--trace");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("shipshape: --trace needs --env ENV: the environment whose schema is copied "
                + "to a scratch database\n");
    }

    private void sql(String statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(statements);
        }
    }

    private long count(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
