package dev.shipshape.server;

import dev.shipshape.app.Actor;
import dev.shipshape.users.User;

/**
 * Who sent a request, as the server authenticated it: the user comes from the token or the session, never from a
 * header or an environment variable.
 *
 * @param via       how the caller proved who they are
 * @param sessionId the browser session's id when {@code via} is SESSION (for CSRF checks), else null
 */
public record Caller(User user, Via via, String address, String sessionId) {

    public enum Via { TOKEN, SESSION }

    /** Never shows the session id: it is as good as a password while the session lasts. */
    @Override
    public String toString() {
        return "Caller[" + user.name() + " via " + via + " from " + address + "]";
    }

    public Actor actor() {
        return Actor.server(user.name(), address);
    }
}
