package dev.shipshape.users;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user may do, each role including the ones before it: a viewer reads, a deployer also deploys
 * and rolls back, an approver also approves and signs off, an admin also manages users and tokens.
 */
public enum Role {
    VIEWER, DEPLOYER, APPROVER, ADMIN;

    /** The role's name as written on the command line and in the store: {@code viewer}, {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role includes everything {@code other} may do. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** @throws ShipshapeException INVALID_INPUT naming the roles there are */
    public static Role of(String label) {
        return Arrays.stream(values()).filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> new ShipshapeException(Code.INVALID_INPUT, "'" + label + "' is not a role; roles: "
                        + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "))));
    }
}
