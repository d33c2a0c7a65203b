package dev.shipshape.store;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a store lives and how to log in: the JDBC URL with its credentials kept apart, so that
 * messages can show the URL without ever showing a password.
 *
 * @param user     null when the URL carries it (or none is needed)
 * @param password null when the URL carries it (or none is needed)
 * @param poolSize connections to keep; an H2 file allows few writers at a time anyway
 */
record StoreAddress(String jdbcUrl, String user, String password, int poolSize) {

    static final String USER_VARIABLE = "SHIPSHAPE_STORE_USER";
    static final String PASSWORD_VARIABLE = "SHIPSHAPE_STORE_PASSWORD";

    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)(password=)[^&;]*");
    /** {@code jdbc:h2:file:...} or a bare path ({@code jdbc:h2:~/x}, {@code jdbc:h2:./x}, {@code jdbc:h2:/x}). */
    private static final Pattern H2_FILE = Pattern.compile("jdbc:h2:(file:|[~./]|[A-Za-z]:[/\\\\])");
    private static final Pattern USER_PARAMETER = Pattern.compile("(?i)[?&]user=");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)[?&]password=");

    @Override
    public String toString() {
        return "StoreAddress[" + shown() + "]";
    }

    /** Reads the URL given by the user; {@code null} means the embedded store under {@code home}. */
    static StoreAddress of(String url, Path home, Map<String, String> env) {
        if (url == null || url.isBlank()) {
            return embedded(home);
        }
        if (url.startsWith("jdbc:h2:")) {
            return new StoreAddress(durable(url), null, null, 2);
        }
        if (url.startsWith("jdbc:postgresql://")) {
            return postgres(url, env);
        }
        throw new ShipshapeException(Code.INVALID_INPUT, "unsupported store URL " + redact(url)
                + "; use jdbc:postgresql://host:port/db or leave it out for the embedded store");
    }

    /**
     * AUTO_SERVER lets a second process (e.g. {@code shipshape cancel} from another terminal) use
     * the file while a run holds it. WRITE_DELAY=0 hands every commit to the operating system
     * before returning, so a {@code kill -9} of the JVM loses nothing that was committed.
     * TRACE_LEVEL_FILE=0: failures are reported by shipshape itself, never left in a store.trace.db.
     */
    private static StoreAddress embedded(Path home) {
        return new StoreAddress(durable("jdbc:h2:file:" + embeddedFile(home) + ";AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0"),
                null, null, 2);
    }

    /** The embedded store's files all start with this path: store.mv.db, store.lock.db. */
    static Path embeddedFile(Path home) {
        return home.toAbsolutePath().normalize().resolve(".shipshape").resolve("store");
    }

    /** Whether this is an H2 store, which other processes open through its file. */
    boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    /** Adds WRITE_DELAY=0 to an H2 file URL that does not choose its own write delay. */
    private static String durable(String h2Url) {
        boolean file = H2_FILE.matcher(h2Url).lookingAt();
        boolean chosen = h2Url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=");
        return file && !chosen ? h2Url + ";WRITE_DELAY=0" : h2Url;
    }

    private static StoreAddress postgres(String url, Map<String, String> env) {
        String user = USER_PARAMETER.matcher(url).find() ? null : blankToNull(env.get(USER_VARIABLE));
        String password = PASSWORD_PARAMETER.matcher(url).find() ? null : blankToNull(env.get(PASSWORD_VARIABLE));
        return new StoreAddress(url, user, password, 4);
    }

    /** The URL as it may be shown: any password setting replaced by {@code ***}. */
    String shown() {
        return redact(jdbcUrl);
    }

    /** Removes every password, from the URL or the environment, from a text about this store. */
    String scrub(String text) {
        String scrubbed = redact(text == null ? "" : text);
        Matcher inUrl = PASSWORD_SETTING.matcher(jdbcUrl);
        while (inUrl.find()) {
            scrubbed = hide(scrubbed, inUrl.group().substring(inUrl.group(1).length()));
        }
        return hide(scrubbed, password);
    }

    private static String hide(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
    }

    static String redact(String url) {
        return PASSWORD_SETTING.matcher(url).replaceAll("$1***");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
