package dev.shipshape.secrets;

import dev.shipshape.engine.Secrets;
import dev.shipshape.runbook.Placeholders;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Secret values in memory. Redaction replaces the longest values first so that a secret that
 * contains another is masked whole. Values shorter than 3 characters are not redacted (they would
 * mask ordinary text); a runbook should not use such secrets. Each line of a multi-line value is
 * masked on its own too.
 */
final class RevealedSecrets implements Secrets {

    static final String MASK = "***";
    private final Map<String, String> values;
    private final List<String> byLength;

    RevealedSecrets(Map<String, String> values) {
        this.values = Map.copyOf(values);
        this.byLength = values.values().stream().flatMap(RevealedSecrets::wholeAndLines)
                .filter(v -> v.length() >= 3).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** A multi-line value is masked whole and line by line, as output is redacted a line at a time. */
    private static Stream<String> wholeAndLines(String value) {
        return value.contains("\n")
                ? Stream.concat(Stream.of(value), value.lines())
                : Stream.of(value);
    }

    @Override
    public String reveal(String text) {
        if (text == null || !text.contains("${secret:")) {
            return text;
        }
        return Placeholders.replace(text, p -> p.kind() == Placeholders.Kind.SECRET && values.containsKey(p.name())
                ? values.get(p.name()) : "${" + p.source() + "}");
    }

    @Override
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String value : byLength) {
            out = out.replace(value, MASK);
        }
        return out;
    }

    @Override
    public int partialAtEnd(String text) {
        int longest = 0;
        for (String value : byLength) {
            for (int k = Math.min(value.length() - 1, text.length()); k > longest; k--) {
                if (text.endsWith(value.substring(0, k))) {
                    longest = k;
                }
            }
        }
        return longest;
    }
}
