package dev.shipshape.secrets;

import dev.shipshape.engine.Secrets;
import dev.shipshape.runbook.Placeholders;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Secret values in memory. Redaction replaces the longest values first so that a secret that
 * contains another is masked whole. Values shorter than 3 characters are not redacted (they would
 * mask ordinary text); a runbook should not use such secrets.
 */
final class RevealedSecrets implements Secrets {

    static final String MASK = "***";
    private final Map<String, String> values;
    private final List<String> byLength;

    RevealedSecrets(Map<String, String> values) {
        this.values = Map.copyOf(values);
        this.byLength = values.values().stream().filter(v -> v.length() >= 3).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
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
}
