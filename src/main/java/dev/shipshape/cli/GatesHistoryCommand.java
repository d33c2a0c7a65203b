package dev.shipshape.cli;

import dev.shipshape.runbook.Masked;
import dev.shipshape.gates.GateDecision;
import dev.shipshape.gates.Verdict;
import dev.shipshape.store.Store;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Lists an environment's recorded gate decisions, newest first. A refused deployment started no
 * run, so this is the one place its refusal can be read back.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Recorded gate decisions for the service in an environment, newest first: who asked, the"
                + " verdict and why; refusals (no run started) included.")
final class GatesHistoryCommand implements Callable<Integer> {

    /** Refusals are a fraction of all decisions: read this many times more when only they are wanted. */
    private static final int REFUSALS_READ_FACTOR = 10;

    private final Context context;
    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--env", required = true, description = "Environment whose gate decisions to list")
    String environment;
    @Option(names = "--service", description = "Service (default: the runbook's)")
    String service;
    @Option(names = "--refused", description = "Only refusals: the gate decisions that kept a deployment from starting")
    boolean refusedOnly;
    @Option(names = "--limit", defaultValue = "20", description = "At most this many (default: ${DEFAULT-VALUE})")
    int limit;

    GatesHistoryCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String name = service != null ? service : RunbookFiles.read(context, runbook).runbook().service();
        List<GateDecision> decisions = decisions(name);
        if (output.json()) {
            context.out.println(Json.write(decisions));
        } else if (decisions.isEmpty()) {
            context.out.println("no gate " + (refusedOnly ? "refusals" : "decisions") + " recorded for " + name + " in "
                    + environment);
        } else {
            decisions.forEach(d -> context.out.println(line(d)));
        }
        return ExitCode.SUCCEEDED;
    }

    private List<GateDecision> decisions(String name) {
        if (!context.storeExists(store.url)) {
            return List.of();
        }
        try (Store opened = context.openStore(store.url)) {
            List<GateDecision> recent = opened.gates().recent(name, environment,
                    refusedOnly ? limit * REFUSALS_READ_FACTOR : limit);
            return recent.stream().filter(d -> !refusedOnly || refused(d)).limit(limit).toList();
        }
    }

    /** A decision that kept its deployment from starting; a gate that passed in a refused attempt is not one. */
    private static boolean refused(GateDecision d) {
        return d.runId() == null && !Verdict.PASS.label().equals(d.verdict());
    }

    /** {@code 2026-01-29T18:00:00Z  v1  promotion block  by alice  (refused): v1 has not succeeded ...}. */
    static String line(GateDecision d) {
        return d.at().truncatedTo(ChronoUnit.SECONDS) + "  " + d.version() + "  " + d.gate() + " " + d.verdict()
                + "  by " + d.decidedBy() + "  " + outcome(d) + ": " + Masked.of(d.reason());
    }

    private static String outcome(GateDecision d) {
        if (d.runId() != null) {
            return "(run " + d.runId() + ")";
        }
        return refused(d) ? "(refused)" : "(passed; the attempt was refused by another gate)";
    }
}
