package dev.shipshape.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the store's tables up to date; runs once per open, never per call. */
final class Schema {

    static final String MIGRATIONS = "classpath:dev/shipshape/store/migration";

    private Schema() {
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .load()
                .migrate();
    }
}
