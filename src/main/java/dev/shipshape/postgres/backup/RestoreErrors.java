package dev.shipshape.postgres.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pg_restore could not restore, read from what it printed: each failed statement
 * ({@code Command was: CREATE EXTENSION ...}) with the error and hint the server gave, and what
 * a person can do about it.
 */
record RestoreErrors(List<Unrestorable> objects, String otherwise) {

    /** One archive entry that failed, e.g. {@code EXTENSION pg_stat_statements}. */
    record Unrestorable(String object, String error, String hint) {
        boolean isExtension() {
            return object.startsWith("EXTENSION ");
        }

        String name() {
            return object.substring(object.indexOf(' ') + 1);
        }

        @Override
        public String toString() {
            return object + " (" + error + (hint == null ? "" : "; " + hint) + ")";
        }
    }

    private static final Pattern ERROR = Pattern.compile("^pg_restore: error: could not execute query: "
            + "(?:ERROR:\\s+)?(.+)$");
    private static final Pattern HINT = Pattern.compile("^HINT:\\s+(.+)$");
    private static final Pattern COMMAND = Pattern.compile("^Command was: (.+)$");
    private static final Pattern OBJECT = Pattern.compile("^(?:CREATE (?:OR REPLACE )?(?:UNIQUE )?|ALTER |DROP )?"
            + "((?:COMMENT ON )?(?:MATERIALIZED |FOREIGN |EVENT )?[A-Z]+) (?:IF NOT EXISTS )?(?:ONLY )?([^ (;]+).*",
            Pattern.DOTALL);
    private static final int SHOWN = 8;

    /**
     * Reads pg_restore's output: each {@code could not execute query} with its hint and command,
     * leaving out what failed only because an earlier object did (the comment on an extension
     * that could not be created).
     */
    static RestoreErrors of(String output) {
        List<Unrestorable> objects = new ArrayList<>();
        String error = null;
        String hint = null;
        for (String line : output.lines().toList()) {
            Matcher failed = ERROR.matcher(line);
            Matcher hinted = HINT.matcher(line);
            Matcher command = COMMAND.matcher(line);
            if (failed.matches()) {
                error = failed.group(1).strip();
                hint = null;
            } else if (hinted.matches() && error != null) {
                hint = hinted.group(1).strip();
            } else if (command.matches() && error != null) {
                String object = objectOf(command.group(1).strip());
                if (objects.stream().noneMatch(o -> object.endsWith(" " + o.object()))) {
                    objects.add(new Unrestorable(object, error, hint));
                }
                error = null;
            }
        }
        return new RestoreErrors(List.copyOf(objects), Backups.lastLines(output));
    }

    /** {@code EXTENSION adminpack} for {@code CREATE EXTENSION IF NOT EXISTS adminpack WITH SCHEMA ...}. */
    static String objectOf(String command) {
        Matcher m = OBJECT.matcher(command);
        if (m.matches()) {
            return m.group(1) + " " + m.group(2);
        }
        return command.length() > 60 ? command.substring(0, 60) + "..." : command;
    }

    /** Which objects could not be restored, or pg_restore's last lines when it named none. */
    String describe() {
        if (objects.isEmpty()) {
            return otherwise;
        }
        List<String> shown = objects.stream().limit(SHOWN).map(Unrestorable::toString).toList();
        return objects.size() + " object(s) could not be restored: " + String.join(", ", shown)
                + (objects.size() > SHOWN ? " and " + (objects.size() - SHOWN) + " more" : "");
    }

    /** What to do next, given what failed. */
    String advice(String login) {
        String role = login == null ? "the restoring role" : "the role " + login;
        List<String> extensions = objects.stream().filter(Unrestorable::isExtension).map(Unrestorable::name)
                .distinct().toList();
        if (!extensions.isEmpty()) {
            String names = String.join(", ", extensions);
            return role + " may not create the extension(s) " + names + ": have a superuser run "
                    + "CREATE EXTENSION " + extensions.get(0) + " in template1, so that the new database a restore "
                    + "creates has it (on managed PostgreSQL ask the provider, or enable it in its console), then "
                    + "restore again";
        }
        return "fix the cause above (the restore runs as " + role.substring(4) + ") and restore again";
    }
}
