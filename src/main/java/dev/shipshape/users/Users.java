package dev.shipshape.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where users are kept (implemented by the store). Passwords only ever arrive here hashed. */
public interface Users {

    /**
     * Adds a user.
     *
     * @param passwordHash an Argon2id hash from {@link Passwords#hash}, or null for a user without a password
     * @return false, changing nothing, when a user of that name exists
     */
    boolean add(String name, Role role, String passwordHash, Instant at);

    Optional<User> find(String name);

    /** Every user, by name. */
    List<User> all();

    /**
     * Disables a user (their tokens stop working); disabling a disabled user changes nothing.
     *
     * @return the user as they are now, or empty when there is no such user
     */
    Optional<User> disable(String name, Instant at);

    /** The stored hash of the user's password, empty when there is no such user or no password. */
    Optional<String> passwordHash(String name);
}
