package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.gates.Approvals;
import java.util.List;
import java.util.Optional;

/** Reads {@code {count: 2, roles: [lead, sre], expires: 4h}}: an approval step's settings or a window override's. */
public final class ApprovalsReader {

    private static final List<String> KEYS = List.of("count", "roles", "expires");

    private final Values values;

    public ApprovalsReader(Values values) {
        this.values = values;
    }

    public Optional<Approvals> read(Node node, String path) {
        return Fields.of(node, path, values, "a map with count, roles and expires").map(f -> {
            f.allowOnly(KEYS);
            int count = f.integer("count").orElse(1);
            if (count < 0) {
                values.problems().add(f.node("count").orElseThrow(), f.path("count"),
                        "count must be 0 or more, got " + count);
            }
            List<String> roles = f.optional("roles").map(n -> values.strings(n, f.path("roles"))).orElse(List.of());
            return new Approvals(Math.max(count, 0), roles, f.duration("expires").orElse(null));
        });
    }
}
