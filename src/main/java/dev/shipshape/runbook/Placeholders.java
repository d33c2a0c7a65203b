package dev.shipshape.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code ${...}} references a runbook may use in its strings: {@code ${version}},
 * {@code ${environment}}, {@code ${previous_version}}, {@code ${vars.NAME}}, {@code ${env:NAME}},
 * {@code ${env:NAME:-default}} (the default when NAME is unset or empty), {@code ${secret:NAME}}, and in always-steps
 * {@code ${run.outcome}} and {@code ${run.status}} (filled in by the engine when they run).
 * {@code $${} stands for a literal {@code ${}.
 */
public final class Placeholders {

    /** What a reference points at. */
    public enum Kind { VERSION, ENVIRONMENT, PREVIOUS_VERSION, VAR, ENV, SECRET, RUN, UNKNOWN }

    /**
     * One reference found in a text.
     *
     * @param source what is between the braces, e.g. {@code vars.BASE_URL}
     * @param name   the variable's name for VAR, ENV and SECRET; the source otherwise
     * @param start  offset of the {@code $}
     * @param end    offset just after the closing brace
     * @param fallback for ENV written {@code ${env:NAME:-default}}, the default; null otherwise
     */
    public record Placeholder(String source, Kind kind, String name, int start, int end, String fallback) {

        Placeholder(String source, Kind kind, String name, int start, int end) {
            this(source, kind, name, start, end, null);
        }
    }

    private Placeholders() {
    }

    /** Every reference in the text, in order; an unclosed {@code ${} is reported as UNKNOWN up to the end. */
    public static List<Placeholder> find(String text) {
        List<Placeholder> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                break;
            }
            if (start > 0 && text.charAt(start - 1) == '$') {
                i = start + 2;
                continue;
            }
            int close = text.indexOf('}', start + 2);
            if (close < 0) {
                found.add(new Placeholder(text.substring(start + 2), Kind.UNKNOWN, text.substring(start + 2), start,
                        text.length()));
                break;
            }
            found.add(classify(text.substring(start + 2, close), start, close + 1));
            i = close + 1;
        }
        return found;
    }

    /** The text with every reference replaced by {@code value.apply(reference)} and {@code $${} by {@code ${}. */
    public static String replace(String text, Function<Placeholder, String> value) {
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Placeholder p : find(text)) {
            out.append(unescape(text.substring(copied, p.start()))).append(value.apply(p));
            copied = p.end();
        }
        return out.append(unescape(text.substring(copied))).toString();
    }

    private static String unescape(String plain) {
        return plain.replace("$${", "${");
    }

    private static Placeholder classify(String source, int start, int end) {
        String s = source.trim();
        if (s.equals("version")) return new Placeholder(source, Kind.VERSION, s, start, end);
        if (s.equals("environment")) return new Placeholder(source, Kind.ENVIRONMENT, s, start, end);
        if (s.equals("previous_version")) return new Placeholder(source, Kind.PREVIOUS_VERSION, s, start, end);
        if (s.equals("run.outcome") || s.equals("run.status")) {
            return new Placeholder(source, Kind.RUN, s.substring(4), start, end);
        }
        if (s.startsWith("vars.") && s.length() > 5) return new Placeholder(source, Kind.VAR, s.substring(5), start, end);
        if (s.startsWith("env:") && s.length() > 4) return env(source, s.substring(4), start, end);
        if (s.startsWith("secret:") && s.length() > 7) {
            return new Placeholder(source, Kind.SECRET, s.substring(7), start, end);
        }
        return new Placeholder(source, Kind.UNKNOWN, s, start, end);
    }

    private static Placeholder env(String source, String reference, int start, int end) {
        int dash = reference.indexOf(":-");
        if (dash < 0) {
            return new Placeholder(source, Kind.ENV, reference, start, end);
        }
        String name = reference.substring(0, dash);
        if (name.isEmpty()) {
            return new Placeholder(source, Kind.UNKNOWN, source.trim(), start, end);
        }
        return new Placeholder(source, Kind.ENV, name, start, end, reference.substring(dash + 2));
    }
}
