package dev.shipshape.cli;

import dev.shipshape.postgres.lint.Finding;
import java.util.ArrayList;
import java.util.List;

/** A lint finding as text: {@code file:line VERDICT statement}, then lock, reason and alternative. */
final class LintText {

    private LintText() {
    }

    static List<String> lines(Finding f) {
        List<String> out = new ArrayList<>();
        out.add(f.file() + ":" + f.line() + "  " + f.verdict().name()
                + "  " + f.statement());
        out.add("    lock " + f.lock() + ", " + f.rewrite() + (f.appCompatible() ? ""
                : ", breaks the running application") + ": " + f.reason());
        if (f.assumed() != null) {
            out.add("    " + f.assumed());
        }
        if (f.alternative() != null) {
            out.add("    instead: " + f.alternative());
        }
        if (f.allowance() != null) {
            out.add("    allowed by the file: " + f.allowance());
        }
        if (f.observed() != null) {
            out.add("    observed: " + f.observed().text() + (f.observedDiffers() ? " (differs from the lint)" : ""));
        }
        return out;
    }
}
