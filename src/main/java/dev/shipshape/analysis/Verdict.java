package dev.shipshape.analysis;

import java.util.List;
import java.util.Locale;

/**
 * What an analysis concluded, with why: passed, failed (with the breaching value, threshold and
 * time) or inconclusive (no data, provider unreachable, too many errors). Inconclusive never promotes.
 *
 * @param findings every threshold crossing seen, warnings included
 */
public record Verdict(Outcome outcome, String reason, List<Finding> findings) {

    /** The three ways an analysis ends. */
    public enum Outcome {
        PASSED, FAILED, INCONCLUSIVE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Verdict {
        findings = List.copyOf(findings);
    }
}
