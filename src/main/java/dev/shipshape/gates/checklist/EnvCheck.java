package dev.shipshape.gates.checklist;

import dev.shipshape.runbook.gates.ChecklistItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Required environment variables: set, long enough, matching a pattern, containing a text. Reasons never show values. */
final class EnvCheck {

    private EnvCheck() {
    }

    static ItemResult check(ChecklistItem.Env item, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        for (String name : item.variables()) {
            String value = env.get(name);
            if (value == null || value.isEmpty()) {
                problems.add(name + " is not set");
            } else if (item.minLength() != null && value.length() < item.minLength()) {
                problems.add(name + " has " + value.length() + " characters; needs at least " + item.minLength());
            } else if (item.pattern() != null && !Pattern.compile(item.pattern()).matcher(value).matches()) {
                problems.add(name + " does not match " + item.pattern() + " (the whole value)");
            } else if (item.contains() != null && !value.contains(item.contains())) {
                problems.add(name + " does not contain '" + item.contains() + "'");
            }
        }
        if (problems.isEmpty()) {
            return ItemResult.pass(item.name(), "env", String.join(", ", item.variables())
                    + (item.variables().size() == 1 ? " is" : " are") + " set as required");
        }
        return ItemResult.fail(item.name(), "env", String.join("; ", problems));
    }
}
