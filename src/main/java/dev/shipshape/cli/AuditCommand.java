package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.app.AuditTrail;
import dev.shipshape.audit.ChainCheck;
import dev.shipshape.runbook.Durations;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shipshape audit}: what people did, oldest first; {@code audit verify} checks that nobody changed it. */
@Command(name = "audit", mixinStandardHelpOptions = true, subcommands = AuditCommand.Verify.class,
        description = {"List the audit log: who did what, when, to what, from where, and how it ended.",
                "Each entry carries the SHA-256 of the one before; 'shipshape audit verify' checks the chain."})
final class AuditCommand implements Callable<Integer> {

    private static final String ROW = "%-6s %-19s %-16s %-14s %-40s %-8s %s";

    private final Context context;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--since", paramLabel = "DURATION", description = "Only entries this recent, e.g. 7d or 12h")
    String since;

    AuditCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Duration within = since == null ? null : Durations.parse(since).orElseThrow(() ->
                new ShipshapeException(Code.INVALID_INPUT, "--since: '" + since + "' is not a duration; write e.g. 7d"
                        + " or 12h"));
        List<AuditTrail.Entry> entries = context.app.auditTrail(context.app.store(store.url)).entries(within);
        if (output.json()) {
            context.out.println(Json.write(entries));
        } else if (entries.isEmpty()) {
            context.out.println(since == null ? "the audit log is empty" : "no audit entries in the last " + since);
        } else {
            context.out.println(String.format(ROW, "SEQ", "TIME (UTC)", "WHO", "ACTION", "TARGET", "FROM", "OUTCOME"));
            entries.forEach(e -> context.out.println(String.format(ROW, e.seq(), RunText.TIME.format(e.at()),
                    who(e), e.action(), e.target() == null ? "-" : e.target(), e.address(), e.outcome())));
        }
        return ExitCode.SUCCEEDED;
    }

    private static String who(AuditTrail.Entry r) {
        return r.local() ? r.who() + " (local)" : r.who();
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = {"Check the audit log's hash chain.",
            "Exits 1 naming the first entry that was changed, inserted or deleted outside Shipshape."})
    static final class Verify implements Callable<Integer> {
        private final Context context;
        @Mixin
        Options.StoreOption store;
        @Mixin
        Options.OutputOption output;

        /** {@code audit verify --output json} when the chain is whole. */
        record Verified(boolean intact, long entries, String head) {
        }

        Verify(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ChainCheck.Verdict verdict = context.app.auditTrail(context.app.store(store.url)).verify();
            return switch (verdict) {
                case ChainCheck.Broken broken -> throw new ShipshapeException(Code.FAILED, "audit log broken at entry "
                        + broken.seq() + ": " + broken.reason() + "; the entries before it are intact");
                case ChainCheck.Intact intact -> {
                    context.out.println(output.json() ? Json.write(new Verified(true, intact.entries(),
                            intact.headHash())) : "audit log intact: " + intact.entries() + " entries, head "
                            + intact.headHash());
                    yield ExitCode.SUCCEEDED;
                }
            };
        }
    }
}
