package dev.shipshape.runbook;

import java.util.regex.Pattern;

/** What the names of services, environments and stages may be: safe in paths, logs and command lines. */
public final class Names {

    /** Letters, digits, '-', '_' and '.'. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._-]+");
    /** The rule in words, for messages. */
    public static final String RULE = "use only letters, digits, '-', '_' and '.'";

    private Names() {
    }

    /** Whether {@code name} fits {@link #PATTERN} and is not only dots (which a path would read as a folder). */
    public static boolean isValid(String name) {
        return PATTERN.matcher(name).matches() && !name.matches("\\.+");
    }
}
