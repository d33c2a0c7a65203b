package dev.shipshape.store;

import dev.shipshape.confirmations.Confirmation;
import dev.shipshape.confirmations.ConfirmationLedger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Confirmations of confirm steps, over {@link Database}; each is also an event of its run. */
final class JdbcConfirmations implements ConfirmationLedger {

    private static final String INSERT = "INSERT INTO confirmations (run_id, step_id, confirmed_by, note, confirmed_at)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String READ = "SELECT run_id, step_id, confirmed_by, note, confirmed_at FROM confirmations"
            + " WHERE run_id = ? AND step_id = ?";

    private final Database database;

    JdbcConfirmations(Database database) {
        this.database = database;
    }

    @Override
    public void confirm(Confirmation c) {
        database.transaction("record a confirmation", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, c.runId());
                insert.setString(2, c.stepId());
                insert.setString(3, c.by());
                insert.setString(4, c.note());
                insert.setLong(5, c.at().toEpochMilli());
                insert.executeUpdate();
            }
            EventLog.append(connection, c.runId(), c.at(), "step.confirmed", c.stepId(), c.describe());
            return null;
        });
    }

    @Override
    public Optional<Confirmation> confirmation(String runId, String stepId) {
        return database.transaction("read a confirmation", connection -> {
            try (PreparedStatement read = connection.prepareStatement(READ)) {
                read.setString(1, runId);
                read.setString(2, stepId);
                try (ResultSet row = read.executeQuery()) {
                    return row.next() ? Optional.of(new Confirmation(row.getString(1), row.getString(2),
                            row.getString(3), row.getString(4), Instant.ofEpochMilli(row.getLong(5))))
                            : Optional.<Confirmation>empty();
                }
            }
        });
    }
}
