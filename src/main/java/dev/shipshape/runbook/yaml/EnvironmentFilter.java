package dev.shipshape.runbook.yaml;

import dev.shipshape.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code environments: [production]} on a stage or a step: the environments it runs in. Each name must be
 * one of the runbook's environments (read before the stages), else a problem at the name.
 */
final class EnvironmentFilter {

    static final String KEY = "environments";

    private final Values values;
    private final Set<String> declared = new LinkedHashSet<>();

    EnvironmentFilter(Values values) {
        this.values = values;
    }

    /** The runbook's environments, once read. */
    void declared(Set<String> names) {
        declared.clear();
        declared.addAll(names);
    }

    /** The names under {@code environments:} of a stage or step; empty when absent. */
    List<String> read(Fields f) {
        return f.optional(KEY).map(node -> names(node, f.path(KEY))).orElse(List.of());
    }

    private List<String> names(Node node, String path) {
        List<Node> items = values.oneOrMany(node);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = node instanceof Node.Sequence ? Problems.item(path, i) : path;
            values.string(item, itemPath).ifPresent(name -> {
                if (declared.contains(name)) {
                    names.add(name);
                } else {
                    values.problems().add(item, itemPath, "unknown environment '" + name + "'; declared: "
                            + String.join(", ", declared), Suggestions.closest(name, declared)
                            .map(n -> "did you mean '" + n + "'?").orElse(null));
                }
            });
        }
        if (items.isEmpty() && node instanceof Node.Sequence) {
            values.problems().add(node, path, "expected at least one environment; leave environments out to run"
                    + " in every one");
        }
        return names;
    }
}
