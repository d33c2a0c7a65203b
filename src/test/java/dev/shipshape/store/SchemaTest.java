package dev.shipshape.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's schema is migrated when it is behind and left alone, without Flyway, when it is current. */
class SchemaTest {

    @TempDir
    Path home;

    @Test
    void latestIsTheNewestMigrationShipped() throws IOException, URISyntaxException {
        Path folder = Path.of(Schema.class.getResource("/dev/shipshape/store/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            int newest = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElseThrow();
            assertThat(Schema.LATEST).isEqualTo(newest);
        }
    }

    @Test
    void emptyDatabaseIsNotCurrentAndGetsEveryMigration() throws SQLException {
        try (HikariDataSource database = database()) {
            assertThat(Schema.isCurrent(database)).isFalse();

            Schema.migrate(database);

            assertThat(Schema.isCurrent(database)).isTrue();
            assertThat(count(database, "SELECT COUNT(*) FROM step_processes")).isZero();
        }
    }

    @Test
    void storeOfAnOlderVersionGetsTheMissingMigrations() throws SQLException {
        try (HikariDataSource database = database()) {
            Flyway.configure().dataSource(database).locations(Schema.MIGRATIONS).target("5").load().migrate();
            assertThat(Schema.isCurrent(database)).isFalse();

            Schema.migrate(database);

            assertThat(count(database, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '6'"))
                    .isEqualTo(1);
            assertThat(Schema.isCurrent(database)).isTrue();
        }
    }

    @Test
    void storeAtVersionSevenGetsUsersTokensAndAuditWhateverVersionsLieBetween() throws SQLException {
        try (HikariDataSource database = database()) {
            Flyway.configure().dataSource(database).locations(Schema.MIGRATIONS).target("7").load().migrate();

            Schema.migrate(database);

            assertThat(count(database, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '9'"))
                    .isEqualTo(1);
            assertThat(count(database, "SELECT COUNT(*) FROM audit_head")).isEqualTo(1);
            assertThat(count(database, "SELECT COUNT(*) FROM shipshape_users")).isZero();
            assertThat(Schema.isCurrent(database)).isTrue();
        }
    }

    @Test
    void historyWithAFailedMigrationIsNotCurrent() throws SQLException {
        try (HikariDataSource database = database()) {
            Schema.migrate(database);
            try (Connection c = database.getConnection()) {
                c.createStatement().executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE"
                        + " WHERE \"version\" = '6'");
                c.commit();
            }
            assertThat(Schema.isCurrent(database)).isFalse();
        }
    }

    private HikariDataSource database() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:file:" + home.resolve("schema") + ";TRACE_LEVEL_FILE=0");
        pool.setAutoCommit(false);
        pool.setMaximumPoolSize(2);
        return pool;
    }

    private static long count(HikariDataSource database, String sql) throws SQLException {
        try (Connection c = database.getConnection(); var rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            long n = rows.getLong(1);
            c.rollback();
            return n;
        }
    }
}
