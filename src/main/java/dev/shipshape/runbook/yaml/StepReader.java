package dev.shipshape.runbook.yaml;

import dev.shipshape.Suggestions;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads steps: works out each step's kind from its one kind key, reads the options all kinds
 * share, and hands kind-specific keys to the reader of that kind.
 */
final class StepReader {

    static final List<String> OPTION_KEYS = List.of("name", "timeout", "retries", "backoff", "idempotent",
            EnvironmentFilter.KEY, ConditionReader.KEY, RepeatReader.KEY);

    private final Values values;
    /** Every step kind, by its key. */
    private final Map<String, KindReader> kinds = new LinkedHashMap<>();
    private final List<String> kindKeys;
    private final EnvironmentFilter environments;
    private final ConditionReader conditions;
    private final RepeatReader repeats;

    StepReader(Values values, List<? extends StepSyntax> syntax, EnvironmentFilter environments,
               ConditionReader conditions) {
        this.values = values;
        this.environments = environments;
        this.conditions = conditions;
        this.repeats = new RepeatReader(values, conditions);
        syntax.stream().map(kind -> kind.reader(values)).forEach(reader -> kinds.put(reader.kind(), reader));
        this.kindKeys = List.copyOf(kinds.keySet());
    }

    /** The steps of a list; {@code what} names the list for the "at least one" problem. */
    List<Step> steps(Node node, String path, String what) {
        List<Node> items = values.list(node, path, "a list of steps");
        if (items.isEmpty() && node instanceof Node.Sequence) {
            values.problems().add(node, path, what + " needs at least one step");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            step(items.get(i), Problems.item(path, i)).ifPresent(steps::add);
        }
        return steps;
    }

    Optional<Step> step(Node node, String path) {
        return Fields.of(node, path, values, "a step (a map with one of: " + String.join(", ", kindKeys) + ")")
                .flatMap(f -> {
                    List<Node.Entry> found = f.mapping().entries().stream()
                            .filter(e -> kinds.containsKey(e.key())).toList();
                    if (found.size() > 1) {
                        values.problems().add(found.get(1), path, "step has more than one kind: '"
                                + found.get(0).key() + "' and '" + found.get(1).key() + "'",
                                "split it into one step per kind");
                        return Optional.empty();
                    }
                    if (found.isEmpty()) {
                        reportMissingKind(f);
                        return Optional.empty();
                    }
                    KindReader reader = kinds.get(found.get(0).key());
                    f.allowOnly(allowed(reader.kind(), reader.keys()));
                    return reader.read(f, options(f));
                });
    }

    /** An unknown key in a step without a kind is most likely a misspelt or invented kind. */
    private void reportMissingKind(Fields f) {
        List<Node.Entry> unknown = f.mapping().entries().stream().filter(e -> !isKnownKey(e.key())).toList();
        Optional<Node.Entry> guess = unknown.stream()
                .filter(e -> Suggestions.closest(e.key(), kindKeys).isPresent()).findFirst()
                .or(() -> unknown.stream().findFirst());
        if (guess.isPresent()) {
            Node.Entry e = guess.get();
            values.problems().add(e, f.path(), "unknown step kind '" + e.key() + "'", Suggestions.hint(e.key(), kindKeys));
        } else {
            values.problems().add(f.mapping(), f.path(), "step has no kind; expected one of: " + String.join(", ", kindKeys));
        }
    }

    private boolean isKnownKey(String key) {
        return kinds.containsKey(key) || OPTION_KEYS.contains(key)
                || kinds.values().stream().anyMatch(reader -> reader.keys().contains(key));
    }

    /** The keys a step of one kind may have: its kind key, the shared options and its own keys. */
    static List<String> allowed(String kind, List<String> own) {
        return Stream.of(List.of(kind), own, OPTION_KEYS).flatMap(List::stream).toList();
    }

    private StepOptions options(Fields f) {
        int retries = f.integer("retries").orElse(0);
        if (retries < 0) {
            values.problems().add(f.node("retries").orElseThrow(), f.path("retries"),
                    "retries must be 0 or more, got " + retries);
        }
        return new StepOptions(f.string("name").orElse(null), f.duration("timeout").orElse(null), Math.max(retries, 0),
                f.duration("backoff").orElse(StepOptions.DEFAULT_BACKOFF), f.bool("idempotent").orElse(null),
                environments.read(f), conditions.read(f), repeats.read(f));
    }
}
