package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.gates.Checklist;
import dev.shipshape.runbook.gates.ChecklistItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads an environment's {@code checklist:}: {@code strict} and the items, each with one kind key
 * ({@code run}, {@code http}, {@code env}, {@code tls}, {@code sql}, {@code sign_off}).
 */
final class ChecklistReader {

    private static final List<String> KINDS = List.of("run", "http", "env", "tls", "sql", "sign_off");
    private static final List<String> ITEM_KEYS = List.of("name", "timeout", "run", "http", "status", "env",
            "min_length", "pattern", "contains", "tls", "min_days", "sql", "database", "sign_off");
    private static final Pattern HOST_PORT = Pattern.compile("([^:\\s]+):(\\d{1,5})");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int DEFAULT_MIN_DAYS = 14;

    private final Values values;

    ChecklistReader(Values values) {
        this.values = values;
    }

    Optional<Checklist> read(Node node, String path) {
        return Fields.of(node, path, values, "a map with strict and items").map(f -> {
            f.allowOnly(List.of("strict", "items"));
            List<ChecklistItem> items = new ArrayList<>();
            Set<String> names = new HashSet<>();
            f.required("items").ifPresent(n -> {
                List<Node> list = values.list(n, f.path("items"), "a list of checklist items");
                for (int i = 0; i < list.size(); i++) {
                    String itemPath = Problems.item(f.path("items"), i);
                    Node at = list.get(i);
                    item(at, itemPath).ifPresent(item -> {
                        if (!names.add(item.name())) {
                            values.problems().add(at, itemPath, "two checklist items are named '" + item.name()
                                    + "'", "give each item its own name");
                        }
                        items.add(item);
                    });
                }
            });
            return new Checklist(f.bool("strict").orElse(false), items);
        });
    }

    private Optional<ChecklistItem> item(Node node, String path) {
        return Fields.of(node, path, values, "a checklist item (a map with one of: " + String.join(", ", KINDS) + ")")
                .flatMap(f -> {
                    f.allowOnly(ITEM_KEYS);
                    List<String> kinds = KINDS.stream().filter(k -> f.node(k).isPresent()).toList();
                    if (kinds.size() != 1) {
                        values.problems().add(f.mapping(), path, kinds.isEmpty()
                                ? "checklist item has no kind; expected one of: " + String.join(", ", KINDS)
                                : "checklist item has more than one kind: " + String.join(", ", kinds),
                                null);
                        return Optional.empty();
                    }
                    return item(f, kinds.getFirst());
                });
    }

    private Optional<ChecklistItem> item(Fields f, String kind) {
        Duration timeout = f.duration("timeout").orElse(DEFAULT_TIMEOUT);
        Optional<String> given = f.string("name");
        return switch (kind) {
            case "run" -> f.string("run").map(c -> new ChecklistItem.Command(given.orElse(c), c, timeout));
            case "http" -> Checks.url(f, values, "http").map(u -> new ChecklistItem.Http(given.orElse(u), u,
                    f.optional("status").map(n -> values.integers(n, f.path("status"))).orElse(List.of()), timeout));
            case "env" -> env(f, given);
            case "tls" -> tls(f, given, timeout);
            case "sql" -> sql(f, given, timeout);
            default -> signOff(f, given);
        };
    }

    private Optional<ChecklistItem> env(Fields f, Optional<String> given) {
        List<String> variables = values.strings(f.node("env").orElseThrow(), f.path("env"));
        Integer minLength = f.integer("min_length").orElse(null);
        String pattern = f.string("pattern").orElse(null);
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                values.problems().add(f.node("pattern").orElseThrow(), f.path("pattern"),
                        "not a valid regular expression: " + e.getDescription(), null);
            }
        }
        String contains = f.string("contains").orElse(null);
        return variables.isEmpty() ? Optional.empty() : Optional.of(new ChecklistItem.Env(
                given.orElse(String.join(", ", variables)), variables, minLength, pattern, contains));
    }

    private Optional<ChecklistItem> tls(Fields f, Optional<String> given, Duration timeout) {
        int minDays = f.integer("min_days").orElse(DEFAULT_MIN_DAYS);
        return f.string("tls").flatMap(text -> {
            var m = HOST_PORT.matcher(text.trim());
            if (!m.matches() || Integer.parseInt(m.group(2)) > 65535) {
                values.problems().add(f.node("tls").orElseThrow(), f.path("tls"), "'" + text
                        + "' is not host:port", "write e.g. api.example.com:443");
                return Optional.empty();
            }
            return Optional.of(new ChecklistItem.Tls(given.orElse(text), m.group(1), Integer.parseInt(m.group(2)),
                    minDays, timeout));
        });
    }

    private Optional<ChecklistItem> sql(Fields f, Optional<String> given, Duration timeout) {
        Optional<String> database = f.required("database").flatMap(n -> values.string(n, f.path("database")));
        return f.string("sql").flatMap(q -> database.map(d -> new ChecklistItem.Sql(given.orElse(q), d, q, timeout)));
    }

    private Optional<ChecklistItem> signOff(Fields f, Optional<String> given) {
        if (given.isEmpty()) {
            values.problems().add(f.mapping(), f.path(), "a sign_off item needs a name, used to sign it off", null);
        }
        Node node = f.node("sign_off").orElseThrow();
        if (node instanceof Node.Mapping) {
            return Fields.of(node, f.path("sign_off"), values, "a map with roles, count and once").flatMap(rule -> {
                rule.allowOnly(List.of("roles", "count", "once"));
                List<String> by = rule.optional("roles").map(n -> values.strings(n, rule.path("roles")))
                        .orElse(List.of());
                int count = Checks.atLeast(rule, values, "count", 1).orElse(1);
                boolean once = rule.bool("once").orElse(false);
                return given.map(name -> new ChecklistItem.SignOff(name, by, count, once));
            });
        }
        List<String> by = values.strings(node, f.path("sign_off"));
        return given.map(name -> new ChecklistItem.SignOff(name, by));
    }
}
