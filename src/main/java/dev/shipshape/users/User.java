package dev.shipshape.users;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A person known to Shipshape. A user is disabled rather than deleted, so that what the audit log and the
 * run records say about them keeps pointing somewhere; a disabled user's tokens stop working.
 *
 * @param disabledAt when the user was disabled, null while enabled
 */
public record User(String name, Role role, boolean hasPassword, Instant createdAt, Instant disabledAt) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public boolean disabled() {
        return disabledAt != null;
    }

    /** @throws ShipshapeException INVALID_INPUT for a name that is not lower-case letters, digits, '.', '_', '-' */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ShipshapeException(Code.INVALID_INPUT, "'" + name + "' is not a user name: use 1 to 64 lower-case"
                    + " letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
