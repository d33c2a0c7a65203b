package dev.shipshape.store;

import dev.shipshape.users.Role;
import dev.shipshape.users.User;
import dev.shipshape.users.Users;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code shipshape_users} table: one row per user, never deleted. */
final class UserTable implements Users {

    private static final String COLUMNS = "SELECT user_name, user_role, password_hash IS NOT NULL AS has_password,"
            + " created_at, disabled_at FROM shipshape_users";

    private final Database database;

    UserTable(Database database) {
        this.database = database;
    }

    @Override
    public boolean add(String name, Role role, String passwordHash, Instant at) {
        return database.transaction("add the user " + name, c -> {
            if (find(c, name).isPresent()) {
                return false;
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO shipshape_users (user_name, user_role,"
                    + " password_hash, created_at) VALUES (?, ?, ?, ?)")) {
                st.setString(1, name);
                st.setString(2, role.label());
                st.setString(3, passwordHash);
                Columns.setInstant(st, 4, at);
                st.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public Optional<User> find(String name) {
        return database.transaction("read the user " + name, c -> find(c, name));
    }

    @Override
    public List<User> all() {
        return database.transaction("list the users", c -> {
            try (PreparedStatement st = c.prepareStatement(COLUMNS + " ORDER BY user_name");
                 ResultSet row = st.executeQuery()) {
                List<User> out = new ArrayList<>();
                while (row.next()) {
                    out.add(user(row));
                }
                return out;
            }
        });
    }

    @Override
    public Optional<User> disable(String name, Instant at) {
        return database.transaction("disable the user " + name, c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE shipshape_users SET disabled_at = ?"
                    + " WHERE user_name = ? AND disabled_at IS NULL")) {
                Columns.setInstant(st, 1, at);
                st.setString(2, name);
                st.executeUpdate();
            }
            return find(c, name);
        });
    }

    @Override
    public Optional<String> passwordHash(String name) {
        return database.transaction("read the password of " + name, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT password_hash FROM shipshape_users"
                    + " WHERE user_name = ?")) {
                st.setString(1, name);
                try (ResultSet row = st.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The user in the connection's transaction; the token table reads it this way too. */
    static Optional<User> find(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(COLUMNS + " WHERE user_name = ?")) {
            st.setString(1, name);
            try (ResultSet row = st.executeQuery()) {
                return row.next() ? Optional.of(user(row)) : Optional.empty();
            }
        }
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(row.getString("user_name"), Role.of(row.getString("user_role")),
                row.getBoolean("has_password"), Columns.instant(row, "created_at"), Columns.instant(row, "disabled_at"));
    }
}
