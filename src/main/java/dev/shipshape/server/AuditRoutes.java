package dev.shipshape.server;

import dev.shipshape.app.AuditTrail;
import dev.shipshape.audit.ChainCheck;
import dev.shipshape.runbook.Durations;
import dev.shipshape.users.Role;
import java.time.Duration;
import java.util.List;

/** The audit log, for admins: its entries oldest first, and the check of its hash chain. */
final class AuditRoutes {

    static final String AUDIT = Api.PREFIX + "/audit";

    /**
     * What the chain check found: {@code intact} with the number of entries and the head's hash, or the first bad
     * entry ({@code brokenAt}) and why.
     */
    record Verification(boolean intact, Long entries, String head, Long brokenAt, String reason) {
        static Verification of(ChainCheck.Verdict verdict) {
            return switch (verdict) {
                case ChainCheck.Intact i -> new Verification(true, i.entries(), i.headHash(), null, null);
                case ChainCheck.Broken b -> new Verification(false, null, null, b.seq(), b.reason()
                        + "; the entries before it are intact");
            };
        }
    }

    private AuditRoutes() {
    }

    static List<Route> routes(Backend backend) {
        Route.Access admin = Route.Access.role(Role.ADMIN);
        return List.of(
                Route.get(AUDIT, admin, "The audit log, oldest first (?since=7d&limit=&cursor=)", ctx -> {
                    String since = ctx.queryParam("since");
                    Duration within = since == null ? null : Durations.parse(since).orElseThrow(() ->
                            Page.query("since", "since '" + Page.shown(since) + "' is not a duration; write e.g. 7d"
                                    + " or 12h"));
                    List<AuditTrail.Entry> entries = trail(backend).entries(within);
                    ApiJson.answer(ctx, 200, Page.of(ctx, entries, e -> Long.toString(e.seq())));
                }),
                Route.get(AUDIT + "/verify", admin, "Whether the audit log's hash chain is whole, else its first bad"
                        + " entry", ctx -> ApiJson.answer(ctx, 200, Verification.of(trail(backend).verify()))));
    }

    private static AuditTrail trail(Backend backend) {
        return backend.app().auditTrail(backend.storeAccess());
    }
}
