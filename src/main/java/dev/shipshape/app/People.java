package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.users.Passwords;
import dev.shipshape.users.Role;
import dev.shipshape.users.User;
import java.util.List;

/** The people who may act through the server, with their roles: add, list, disable (users are never deleted). */
public final class People {

    /**
     * @param role     a role's name: viewer, deployer, approver or admin
     * @param password the password, kept only as its Argon2id hash; null for a user who signs in with tokens only
     */
    public record AddRequest(String name, String role, String password) {

        @Override
        public String toString() {
            return "AddRequest[name=" + name + ", role=" + role + ", password=" + (password == null ? "none" : "***")
                    + "]";
        }
    }

    /** A user as lists and answers show them: never a password or its hash. */
    public record Person(String name, String role, boolean password, java.time.Instant createdAt, boolean disabled,
                         java.time.Instant disabledAt) {

        static Person of(User u) {
            return new Person(u.name(), u.role().label(), u.hasPassword(), u.createdAt(), u.disabled(),
                    u.disabledAt());
        }
    }

    private final Shipshape app;
    private final StoreAccess store;

    People(Shipshape app, StoreAccess store) {
        this.app = app;
        this.store = store;
    }

    /**
     * Adds a user.
     *
     * @throws ShipshapeException INVALID_INPUT for a bad name or role, or a name taken
     */
    public Person add(AddRequest request) {
        String name = User.checkName(request.name());
        Role role = Role.of(request.role());
        String hash = request.password() == null ? null : Passwords.hash(request.password());
        return store.use(s -> {
            if (!s.users().add(name, role, hash, app.settings().clock().instant())) {
                throw new ShipshapeException(Code.INVALID_INPUT, "user '" + name + "' exists; see them with:"
                        + " shipshape user list");
            }
            return Person.of(s.users().find(name).orElseThrow());
        });
    }

    /** Every user, by name; none while there is no store. */
    public List<Person> all() {
        return store.readIfExists(s -> s.users().all().stream().map(Person::of).toList()).orElse(List.of());
    }

    /**
     * Disables a user: their tokens stop working at once.
     *
     * @throws ShipshapeException NOT_FOUND for an unknown user
     */
    public Person disable(String name) {
        return store.use(s -> Person.of(s.users().disable(name, app.settings().clock().instant()).orElseThrow(() ->
                new ShipshapeException(Code.NOT_FOUND, "no user '" + name + "'; see them with: shipshape user"
                        + " list"))));
    }
}
