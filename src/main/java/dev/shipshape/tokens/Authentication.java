package dev.shipshape.tokens;

import dev.shipshape.users.User;

/** What a presented token comes to: the user it acts for, or a refusal with its reason. */
public sealed interface Authentication {

    /** The token is active and its user enabled. */
    record Authenticated(User user, Token token) implements Authentication {
    }

    /**
     * The token does not let anyone in.
     *
     * @param message a line to log; it never contains the presented token
     */
    record Refused(Reason reason, String message) implements Authentication {
    }

    /** Why a token was refused. */
    enum Reason {
        /** Not a Shipshape token, or none with that value was issued. */
        UNKNOWN,
        EXPIRED,
        REVOKED,
        /** The token is fine but its user was disabled. */
        USER_DISABLED
    }
}
