package dev.shipshape.server;

import dev.shipshape.users.Role;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One route of the server, with the rule that guards it: the table of these is what the server serves, what the
 * OpenAPI document lists and what the authorization test walks through.
 *
 * @param access  who may call it
 * @param action  the audit log's name for what a state-changing route does ({@code deploy}, {@code approve});
 *                null for a route that only reads
 * @param summary one line for the OpenAPI document
 */
public record Route(HandlerType method, String path, Access access, String action, String summary,
                    Handler handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(handler, "handler");
    }

    /** Who may call a route. */
    public sealed interface Access {

        /** Anyone, signed in or not: the health check, the login page, metrics when configured so. */
        record Public() implements Access {
        }

        /** A signed-in user whose role includes {@code least}. */
        record Signed(Role least) implements Access {
        }

        static Access anyone() {
            return new Public();
        }

        static Access role(Role least) {
            return new Signed(least);
        }
    }

    public static Route get(String path, Access access, String summary, Handler handler) {
        return new Route(HandlerType.GET, path, access, null, summary, handler);
    }

    public static Route post(String path, Access access, String action, String summary, Handler handler) {
        return new Route(HandlerType.POST, path, access, action, summary, handler);
    }

    public static Route delete(String path, Access access, String action, String summary, Handler handler) {
        return new Route(HandlerType.DELETE, path, access, action, summary, handler);
    }

    /** Whether the route changes something (and so is audited, and needs a CSRF token from a browser). */
    public boolean acts() {
        return method != HandlerType.GET && method != HandlerType.HEAD;
    }
}
