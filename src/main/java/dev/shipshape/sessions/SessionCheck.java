package dev.shipshape.sessions;

import dev.shipshape.users.User;

/** What a presented session cookie comes to: the user it lets in, or why it does not. */
public sealed interface SessionCheck {

    record Active(User user, Session session) implements SessionCheck {
    }

    /** @param message a line for the caller; it never contains the presented value */
    record Refused(String message) implements SessionCheck {
    }
}
