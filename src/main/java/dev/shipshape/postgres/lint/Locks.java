package dev.shipshape.postgres.lint;

import java.util.List;

/** PostgreSQL's table lock modes, weakest first, and what each one keeps the application from doing. */
final class Locks {

    static final List<String> MODES = List.of("none", "ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE",
            "SHARE UPDATE EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE");

    private Locks() {
    }

    /** Only ACCESS EXCLUSIVE conflicts with the ACCESS SHARE of a SELECT. */
    static boolean blocksReads(String lock) {
        return "ACCESS EXCLUSIVE".equals(lock);
    }

    /** SHARE and stronger conflict with the ROW EXCLUSIVE of INSERT, UPDATE and DELETE. */
    static boolean blocksWrites(String lock) {
        return rank(lock) >= rank("SHARE");
    }

    static boolean blocks(String lock) {
        return blocksWrites(lock);
    }

    static int rank(String lock) {
        return MODES.indexOf(lock);
    }

    static String stronger(String a, String b) {
        return rank(a) >= rank(b) ? a : b;
    }
}
