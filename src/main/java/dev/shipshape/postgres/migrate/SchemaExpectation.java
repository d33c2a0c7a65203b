package dev.shipshape.postgres.migrate;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks that expected tables and columns exist after migrating (seed 003's "verify table structure"). */
final class SchemaExpectation {

    private SchemaExpectation() {
    }

    /** Missing tables and columns, e.g. {@code table pfa_write_queue is missing}; empty when all exist. */
    static List<String> check(DatabaseAddress address, Map<String, List<String>> expected) {
        List<String> problems = new ArrayList<>();
        if (expected.isEmpty()) {
            return problems;
        }
        try (Connection c = address.connect(); PreparedStatement st = c.prepareStatement("SELECT column_name FROM "
                + "information_schema.columns WHERE table_schema = ANY (current_schemas(false)) AND table_name = ?")) {
            for (var e : expected.entrySet()) {
                st.setString(1, e.getKey());
                Set<String> columns = new HashSet<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
                if (columns.isEmpty()) {
                    problems.add("table " + e.getKey() + " is missing");
                } else {
                    e.getValue().stream().filter(col -> !columns.contains(col))
                            .forEach(col -> problems.add("column " + e.getKey() + "." + col + " is missing"));
                }
            }
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "cannot read the schema of " + address + ": " + e.getMessage());
        }
        return problems;
    }
}
