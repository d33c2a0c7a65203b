package dev.shipshape.store;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.engine.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Opens the run store: the embedded H2 file under {@code ~/.shipshape/store} by default, or the
 * H2 or PostgreSQL database a {@code jdbc:} URL names. The schema is brought up to date on open.
 * For PostgreSQL, user and password come from the URL ({@code ?user=..&password=..}) or from
 * {@code SHIPSHAPE_STORE_USER} and {@code SHIPSHAPE_STORE_PASSWORD}.
 */
public final class Stores {

    private Stores() {
    }

    /** Opens the store with credentials from the process environment. */
    public static RunStore open(String url, Path home) {
        return open(url, home, System.getenv());
    }

    /**
     * @param url  null for the embedded store, else a {@code jdbc:h2:} or {@code jdbc:postgresql://} URL
     * @param home the user's home folder, where the embedded store lives
     * @param env  where {@code SHIPSHAPE_STORE_USER} and {@code SHIPSHAPE_STORE_PASSWORD} are looked up
     * @throws ShipshapeException INVALID_INPUT for an unsupported URL, STORE when it cannot be opened
     */
    public static RunStore open(String url, Path home, Map<String, String> env) {
        return Store.open(url, home, env).runs();
    }
}
