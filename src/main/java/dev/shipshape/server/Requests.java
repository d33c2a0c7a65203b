package dev.shipshape.server;

import io.javalin.http.Context;

/** What the guard hands a handler through the request: the caller, and the audit target the handler names. */
public final class Requests {

    static final String CALLER = "shipshape.caller";
    static final String TARGET = "shipshape.target";
    static final String CLAIMED = "shipshape.claimed";

    private Requests() {
    }

    /** The authenticated caller; only routes that are not public have one. */
    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("route " + ctx.path() + " is public: it has no caller");
        }
        return caller;
    }

    /** What the action acts on, for its audit entry: names only, e.g. {@code service=shop-api env=prod}. */
    public static void target(Context ctx, String target) {
        ctx.attribute(TARGET, target);
    }

    /**
     * Who a public action's caller says they are (the user name a sign-in tries), for its audit entry; only used
     * where no token or session tells who the caller is.
     */
    public static void claimed(Context ctx, String name) {
        ctx.attribute(CLAIMED, name);
    }

    /** A path parameter, refused with a 400 when it is longer than any real name or id. */
    public static String pathParam(Context ctx, String name) {
        String value = ctx.pathParam(name);
        if (value.length() > 200) {
            throw ApiProblem.badRequest(name + " is longer than 200 characters");
        }
        return value;
    }
}
