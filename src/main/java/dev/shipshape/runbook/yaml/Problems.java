package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in one runbook, so that a user sees all of them at once instead of
 * fixing them one run at a time.
 */
public final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public void add(Node at, String path, String message) {
        add(at, path, message, null);
    }

    public void add(Node at, String path, String message, String hint) {
        add(at.line(), at.column(), path, message, hint);
    }

    public void add(Node.Entry at, String path, String message, String hint) {
        add(at.line(), at.column(), path, message, hint);
    }

    public void add(int line, int column, String path, String message, String hint) {
        found.add(new Problem(file, line, column, path, message, hint));
    }

    /** Problems in file order, which is the order a person fixes them in. */
    public List<Problem> sorted() {
        List<Problem> sorted = new ArrayList<>(found);
        sorted.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return List.copyOf(sorted);
    }

    /** Throws when anything was found. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRunbookException(file, sorted());
        }
    }

    /** The path of a key below {@code parent}: {@code stages[0]} + {@code name}. */
    public static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The path of a list item below {@code parent}: {@code stages} + 0. */
    public static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
