package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.gates.Approvals;
import dev.shipshape.runbook.gates.WindowRule;
import dev.shipshape.runbook.gates.WindowSyntax;
import dev.shipshape.runbook.gates.Windows;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an environment's {@code windows:}: time zone, allowed, denied, holidays, maintenance, waiting, override. */
final class WindowsReader {

    private static final List<String> KEYS = List.of("timezone", "allow", "deny", "holidays", "maintenance",
            "wait_for_window", "override");

    private final Values values;
    private final ApprovalsReader approvals;

    WindowsReader(Values values) {
        this.values = values;
        this.approvals = new ApprovalsReader(values);
    }

    Optional<Windows> read(Node node, String path, String environment) {
        return Fields.of(node, path, values, "a map with timezone, allow and deny").flatMap(f -> {
            f.allowOnly(KEYS);
            Optional<ZoneId> zone = f.required("timezone").flatMap(n -> zone(n, f.path("timezone")));
            List<WindowRule> allow = rules(f, "allow");
            List<WindowRule> deny = rules(f, "deny");
            List<WindowRule> holidays = rules(f, "holidays");
            List<WindowRule> maintenance = rules(f, "maintenance");
            Duration wait = f.duration("wait_for_window").orElse(null);
            Approvals override = f.optional("override").flatMap(n -> approvals.read(n, f.path("override")))
                    .orElse(defaultOverride(environment));
            return zone.map(z -> new Windows(z, allow, deny, holidays, maintenance, wait, override));
        });
    }

    /** Production's windows are overridden only with one approval besides the reason, unless the runbook says. */
    static Approvals defaultOverride(String environment) {
        return environment.equals("production") ? new Approvals(1, List.of(), null) : Approvals.none();
    }

    Optional<ZoneId> zone(Node node, String path) {
        return values.string(node, path).flatMap(text -> {
            try {
                return Optional.of(ZoneId.of(text));
            } catch (DateTimeException e) {
                values.problems().add(node, path, "unknown time zone '" + text + "'",
                        "use a region name such as America/Los_Angeles, Europe/Berlin or UTC");
                return Optional.empty();
            }
        });
    }

    private List<WindowRule> rules(Fields f, String key) {
        List<WindowRule> rules = new ArrayList<>();
        f.optional(key).ifPresent(node -> {
            List<Node> items = values.oneOrMany(node);
            for (int i = 0; i < items.size(); i++) {
                String path = node instanceof Node.Sequence ? Problems.item(f.path(key), i) : f.path(key);
                Node item = items.get(i);
                values.string(item, path).ifPresent(text -> {
                    try {
                        rules.add(WindowSyntax.parse(text));
                    } catch (IllegalArgumentException e) {
                        values.problems().add(item, path, e.getMessage(), null);
                    }
                });
            }
        });
        return rules;
    }
}
