package dev.shipshape.app;

import java.util.Objects;

/**
 * Who is acting on a use case: the name runs, approvals, sign-offs, cancels and unlocks are recorded under,
 * and what kind of person it is. The CLI acts as the local OS user (or {@code SHIPSHAPE_USER}); a server
 * acts as the user it authenticated, from an address.
 *
 * @param name    the name the runbook's {@code people} and the records know
 * @param address where a server user's request came from; null for a local user
 */
public record Actor(String name, Kind kind, String address) {

    /** How the actor reached Shipshape. */
    public enum Kind { LOCAL_USER, SERVER_USER }

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** A person at this host's command line. */
    public static Actor local(String name) {
        return new Actor(name, Kind.LOCAL_USER, null);
    }

    /** A user a server authenticated, calling from {@code address}. */
    public static Actor server(String name, String address) {
        return new Actor(name, Kind.SERVER_USER, address);
    }
}
