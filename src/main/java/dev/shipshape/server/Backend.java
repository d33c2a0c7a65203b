package dev.shipshape.server;

import dev.shipshape.app.Shipshape;
import dev.shipshape.app.SignIn;
import dev.shipshape.app.StoreAccess;
import dev.shipshape.sessions.LoginThrottle;
import dev.shipshape.sessions.Sessions;
import dev.shipshape.store.Store;
import dev.shipshape.tokens.Tokens;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * What the routes work with: the application layer over the server's one open store, and the server's own
 * meters. Handlers call use cases of {@code app}; they hold no use case of their own.
 *
 * @param runs executes the runs the server starts, in the server process
 */
public record Backend(Shipshape app, Store store, ServerSettings settings, ServerMetrics metrics, RunExecutor runs) {

    public StoreAccess storeAccess() {
        return StoreAccess.of(store);
    }

    public Clock clock() {
        return app.settings().clock();
    }

    public Sessions sessions() {
        return new Sessions(store.sessions(), store.users(), clock(), new SecureRandom());
    }

    public SignIn signIn() {
        return new SignIn(store.users(), sessions(), new LoginThrottle(store.loginFailures(), clock()));
    }

    public Tokens tokens() {
        return new Tokens(store.tokens(), store.users(), clock(), new SecureRandom());
    }
}
