package dev.shipshape.server;

import dev.shipshape.app.ApiTokens;
import dev.shipshape.app.People;
import dev.shipshape.runbook.Durations;
import dev.shipshape.users.Role;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;

/** The server's users and their API tokens, for admins: add, list and disable users; create, list, revoke tokens. */
final class PeopleRoutes {

    static final String USERS = Api.PREFIX + "/users";
    static final String TOKENS = Api.PREFIX + "/tokens";

    /** @param password kept only as its Argon2id hash; absent for a user who signs in with tokens only */
    record NewUser(String name, String role, String password) {

        @Override
        public String toString() {
            return "NewUser[name=" + name + ", role=" + role + "]";
        }
    }

    /** @param expires how long it works, e.g. 30d or 12h (default 90d, at most 366d) */
    record NewToken(String user, String name, String expires) {
    }

    private PeopleRoutes() {
    }

    static List<Route> routes(Backend backend) {
        Route.Access admin = Route.Access.role(Role.ADMIN);
        return List.of(
                Route.get(USERS, admin, "The users by name, with role and state (?limit=&cursor=)", ctx ->
                        ApiJson.answer(ctx, 200, Page.of(ctx, people(backend).all(), People.Person::name))),
                Route.post(USERS, admin, "user add", "Add a user with a role, and a password or none", ctx ->
                        addUser(ctx, backend)),
                Route.post(USERS + "/{name}/disable", admin, "user disable", "Disable a user: their tokens stop"
                        + " working at once", ctx -> {
                    String name = Requests.pathParam(ctx, "name");
                    Requests.target(ctx, "user=" + name);
                    ApiJson.answer(ctx, 200, people(backend).disable(name));
                }),
                Route.get(TOKENS, admin, "The tokens, never their values (?user=&limit=&cursor=)", ctx ->
                        ApiJson.answer(ctx, 200, Page.of(ctx, tokens(backend).all(ctx.queryParam("user")),
                                ApiTokens.Listed::id))),
                Route.post(TOKENS, admin, "token create", "Create a token; its value is answered this once", ctx ->
                        createToken(ctx, backend)),
                Route.post(TOKENS + "/{id}/revoke", admin, "token revoke", "Revoke a token: it stops working at"
                        + " once", ctx -> {
                    String id = Requests.pathParam(ctx, "id");
                    Requests.target(ctx, "token=" + id);
                    ApiJson.answer(ctx, 200, tokens(backend).revoke(id));
                }));
    }

    private static void addUser(Context ctx, Backend backend) {
        NewUser user = ApiJson.read(ctx, NewUser.class);
        Requests.target(ctx, "user=" + RunBodies.required(user.name(), "name") + " role="
                + RunBodies.required(user.role(), "role"));
        ApiJson.answer(ctx, 201, people(backend).add(new People.AddRequest(user.name(), user.role(),
                user.password())));
    }

    private static void createToken(Context ctx, Backend backend) {
        NewToken token = ApiJson.read(ctx, NewToken.class);
        String expires = token.expires() == null ? "90d" : token.expires();
        Requests.target(ctx, "user=" + RunBodies.required(token.user(), "user") + " name="
                + RunBodies.required(token.name(), "name")
                + " expires=" + expires);
        Duration validity = Durations.parse(expires).orElseThrow(() -> new ApiProblem(400, "bad_body", "field"
                + " 'expires': '" + Page.shown(expires) + "' is not a duration; write e.g. 90d or 12h",
                java.util.Map.of("field", "expires")));
        ApiJson.answer(ctx, 201, tokens(backend).create(new ApiTokens.CreateRequest(token.user(), token.name(),
                validity)));
    }

    private static People people(Backend backend) {
        return backend.app().people(backend.storeAccess());
    }

    private static ApiTokens tokens(Backend backend) {
        return backend.app().apiTokens(backend.storeAccess());
    }
}
