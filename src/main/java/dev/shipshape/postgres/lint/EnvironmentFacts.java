package dev.shipshape.postgres.lint;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.ServerFacts;
import java.sql.Connection;
import java.sql.SQLException;

/** The schema facts and server version of an environment's database, read from its catalog. */
public record EnvironmentFacts(Schema schema, int major) {

    public static EnvironmentFacts of(DatabaseWork work) {
        return of(work.address());
    }

    public static EnvironmentFacts of(DatabaseAddress address) {
        try (Connection c = address.connect()) {
            return new EnvironmentFacts(CatalogSchema.read(c), ServerFacts.of(c).major());
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "cannot read the schema of " + address + " for the lint: "
                    + address.redact(e.getMessage()) + "; lint without --env, or with --schema FILE.sql");
        }
    }
}
