package dev.shipshape.runbook.yaml;

import dev.shipshape.Suggestions;
import dev.shipshape.runbook.DatabaseSettings;
import dev.shipshape.runbook.Environment;
import dev.shipshape.runbook.gates.Checklist;
import dev.shipshape.runbook.gates.Gates;
import dev.shipshape.runbook.gates.Promotion;
import dev.shipshape.runbook.gates.Windows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one environment: its vars, its gates ({@code windows}, {@code promote_from} with
 * {@code soak}, {@code checklist}) and its {@code database}. {@code promote_from} must name another
 * environment.
 */
final class EnvironmentReader {

    private static final List<String> KEYS = List.of("vars", "windows", "promote_from", "soak", "checklist",
            "database");

    private final Values values;
    private final WindowsReader windows;
    private final ChecklistReader checklist;
    private final DatabaseReader database;

    EnvironmentReader(Values values) {
        this.values = values;
        this.windows = new WindowsReader(values);
        this.checklist = new ChecklistReader(values);
        this.database = new DatabaseReader(values);
    }

    /** An environment may be written empty ({@code production: {}} or {@code production:}). */
    Environment read(String name, Node node, String path, Set<String> names) {
        if (node instanceof Node.Scalar s && s.isNull()) {
            return new Environment(name, Map.of());
        }
        return Fields.of(node, path, values, "a map with the environment's vars, gates and database").map(f -> {
            f.allowOnly(KEYS);
            Windows w = f.optional("windows").flatMap(n -> windows.read(n, f.path("windows"), name)).orElse(null);
            Checklist c = f.optional("checklist").flatMap(n -> checklist.read(n, f.path("checklist"))).orElse(null);
            DatabaseSettings db = f.optional("database").flatMap(n -> database.database(n, f.path("database")))
                    .orElse(null);
            return new Environment(name, f.textMap("vars"), new Gates(w, promotion(f, name, names), c), db);
        }).orElse(new Environment(name, Map.of()));
    }

    private Promotion promotion(Fields f, String name, Set<String> names) {
        Duration soak = f.duration("soak").orElse(Duration.ZERO);
        if (f.optional("promote_from").isEmpty()) {
            f.optional("soak").ifPresent(n -> values.problems().add(n, f.path("soak"),
                    "soak needs promote_from: the environment the version must have soaked in", null));
            return null;
        }
        String from = f.string("promote_from").orElse(null);
        Node at = f.node("promote_from").orElseThrow();
        if (from != null && from.equals(name)) {
            values.problems().add(at, f.path("promote_from"), "an environment cannot be promoted from itself", null);
        } else if (from != null && !names.contains(from)) {
            values.problems().add(at, f.path("promote_from"), "unknown environment '" + from + "'",
                    Suggestions.hint(from, List.copyOf(names)));
        }
        return from == null ? null : new Promotion(from, soak);
    }
}
