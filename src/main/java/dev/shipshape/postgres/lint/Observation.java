package dev.shipshape.postgres.lint;

import java.util.List;

/**
 * What {@code db lint --trace} saw when it ran a statement on a scratch copy of the schema: the
 * strongest lock the migrating session held on an existing table, and which tables got a new
 * file (were rewritten: their {@code relfilenode} changed).
 *
 * @param lock      the strongest table lock held, e.g. {@code ACCESS EXCLUSIVE}, or {@code none}
 * @param lockedOn  the table(s) holding that lock, e.g. {@code public.orders}
 * @param rewritten tables rewritten by the statement; empty when none
 * @param error     why the statement failed on the copy, or null when it ran
 */
public record Observation(String lock, List<String> lockedOn, List<String> rewritten, String error) {

    public Observation {
        lockedOn = List.copyOf(lockedOn);
        rewritten = List.copyOf(rewritten);
    }

    /** A statement that could not run on the copy. */
    public static Observation failed(String error) {
        return new Observation("none", List.of(), List.of(), error);
    }

    public boolean rewrote() {
        return !rewritten.isEmpty();
    }

    /** e.g. {@code ACCESS EXCLUSIVE on public.orders, rewrote public.orders}. */
    public String text() {
        if (error != null) {
            return "failed on the scratch copy: " + error;
        }
        String locked = "none".equals(lock) ? "no lock on an existing table" : lock + " on "
                + String.join(", ", lockedOn);
        return locked + ", " + (rewrote() ? "rewrote " + String.join(", ", rewritten) : "no rewrite");
    }
}
