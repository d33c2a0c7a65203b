package dev.shipshape.tokens;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.tokens.Authentication.Authenticated;
import dev.shipshape.tokens.Authentication.Reason;
import dev.shipshape.tokens.Authentication.Refused;
import dev.shipshape.users.User;
import dev.shipshape.users.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Issues API tokens for users and tells, for a presented token, whom it acts for or why it is refused. */
public final class Tokens {

    /** A token lives at most this long: one that never expires is a leak waiting to happen. */
    public static final Duration LONGEST = Duration.ofDays(366);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final TokenLedger ledger;
    private final Users users;
    private final Clock clock;
    private final RandomGenerator random;

    /** @param random where token values come from: a {@code java.security.SecureRandom} */
    public Tokens(TokenLedger ledger, Users users, Clock clock, RandomGenerator random) {
        this.ledger = ledger;
        this.users = users;
        this.clock = clock;
        this.random = random;
    }

    /** A token just made: {@code value} is shown to the person once and kept nowhere. */
    public record Issued(Token token, String value) {
        @Override
        public String toString() {
            return "Issued[" + token + ", value hidden]";
        }
    }

    /**
     * Makes a token for an enabled user.
     *
     * @throws ShipshapeException NOT_FOUND for an unknown user; INVALID_INPUT for a disabled one, a bad name or
     *                            a validity that is not positive or longer than {@link #LONGEST}
     */
    public Issued issue(String user, String name, Duration validity) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ShipshapeException(Code.INVALID_INPUT, "'" + name + "' is not a token name: use 1 to 64 letters,"
                    + " digits, '.', '_' or '-'");
        }
        if (validity.isNegative() || validity.isZero() || validity.compareTo(LONGEST) > 0) {
            throw new ShipshapeException(Code.INVALID_INPUT, "a token must expire within " + LONGEST.toDays()
                    + " days; give e.g. --expires 90d");
        }
        User owner = users.find(user).orElseThrow(() -> new ShipshapeException(Code.NOT_FOUND, "no user '" + user
                + "'; add them first with: shipshape user add " + user + " --role ROLE"));
        if (owner.disabled()) {
            throw new ShipshapeException(Code.INVALID_INPUT, "user '" + user + "' is disabled; a token for them"
                    + " would not work");
        }
        Instant now = clock.instant();
        String value = TokenValue.generate(random);
        Token token = new Token(TokenValue.newId(random), user, name, now, now.plus(validity), null);
        ledger.add(token, TokenValue.sha256(value));
        return new Issued(token, value);
    }

    /** Whom {@code presented} acts for now, or why it does not: unknown, revoked, expired, user disabled. */
    public Authentication authenticate(String presented) {
        if (!TokenValue.wellFormed(presented)) {
            return new Refused(Reason.UNKNOWN, "not a Shipshape token (they start with " + TokenValue.PREFIX + ")");
        }
        Optional<Token> found = ledger.withHash(TokenValue.sha256(presented));
        if (found.isEmpty()) {
            return new Refused(Reason.UNKNOWN, "no such token was issued");
        }
        Token token = found.get();
        switch (token.state(clock.instant())) {
            case REVOKED -> {
                return new Refused(Reason.REVOKED, "token " + token.id() + " was revoked at " + token.revokedAt());
            }
            case EXPIRED -> {
                return new Refused(Reason.EXPIRED, "token " + token.id() + " expired at " + token.expiresAt());
            }
            case ACTIVE -> {
            }
        }
        Optional<User> user = users.find(token.user()).filter(u -> !u.disabled());
        return user.<Authentication>map(u -> new Authenticated(u, token)).orElseGet(() -> new Refused(
                Reason.USER_DISABLED, "token " + token.id() + " belongs to user '" + token.user() + "', who is disabled"));
    }

    /**
     * Revokes a token.
     *
     * @throws ShipshapeException NOT_FOUND for an unknown id
     */
    public Token revoke(String id) {
        return ledger.revoke(id, clock.instant()).orElseThrow(() -> new ShipshapeException(Code.NOT_FOUND,
                "no token '" + id + "'; see them with: shipshape token list"));
    }
}
