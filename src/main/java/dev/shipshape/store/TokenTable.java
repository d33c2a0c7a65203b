package dev.shipshape.store;

import dev.shipshape.tokens.Token;
import dev.shipshape.tokens.TokenLedger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code api_tokens} table: each token's SHA-256, never its value. */
final class TokenTable implements TokenLedger {

    private static final String COLUMNS = "SELECT token_id, user_name, token_name, created_at, expires_at, revoked_at"
            + " FROM api_tokens";

    private final Database database;

    TokenTable(Database database) {
        this.database = database;
    }

    @Override
    public void add(Token token, String sha256) {
        database.transaction("keep the token " + token.id(), c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO api_tokens (token_id, user_name, token_name,"
                    + " token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, token.id());
                st.setString(2, token.user());
                st.setString(3, token.name());
                st.setString(4, sha256);
                Columns.setInstant(st, 5, token.createdAt());
                Columns.setInstant(st, 6, token.expiresAt());
                st.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Token> withHash(String sha256) {
        return database.transaction("look up a token", c -> one(c, " WHERE token_hash = ?", sha256));
    }

    @Override
    public List<Token> all(String user) {
        return database.transaction("list the tokens", c -> {
            String where = user == null ? "" : " WHERE user_name = ?";
            try (PreparedStatement st = c.prepareStatement(COLUMNS + where + " ORDER BY created_at, token_id")) {
                if (user != null) {
                    st.setString(1, user);
                }
                try (ResultSet row = st.executeQuery()) {
                    List<Token> out = new ArrayList<>();
                    while (row.next()) {
                        out.add(token(row));
                    }
                    return out;
                }
            }
        });
    }

    @Override
    public Optional<Token> revoke(String id, Instant at) {
        return database.transaction("revoke the token " + id, c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE api_tokens SET revoked_at = ? WHERE token_id = ?"
                    + " AND revoked_at IS NULL")) {
                Columns.setInstant(st, 1, at);
                st.setString(2, id);
                st.executeUpdate();
            }
            return one(c, " WHERE token_id = ?", id);
        });
    }

    private static Optional<Token> one(Connection c, String where, String value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(COLUMNS + where)) {
            st.setString(1, value);
            try (ResultSet row = st.executeQuery()) {
                return row.next() ? Optional.of(token(row)) : Optional.empty();
            }
        }
    }

    private static Token token(ResultSet row) throws SQLException {
        return new Token(row.getString("token_id"), row.getString("user_name"), row.getString("token_name"),
                Columns.instant(row, "created_at"), Columns.instant(row, "expires_at"), Columns.instant(row, "revoked_at"));
    }
}
