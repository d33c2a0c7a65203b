package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunStore;
import dev.shipshape.gates.check.GateCheck;
import dev.shipshape.gates.GateReport;
import dev.shipshape.gates.Verdict;
import dev.shipshape.gates.promotion.AnalysisHistory;
import dev.shipshape.gates.promotion.SoakEvidence;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import dev.shipshape.store.Store;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.Planner;
import dev.shipshape.plan.SqlWriteConfirmation;
import dev.shipshape.runbook.Runbook;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shows what a deployment would run, in order, with values resolved and secrets masked. Runs nothing. */
@Command(name = "plan",
        description = {"Dry run: the ordered steps with resolved values (secrets masked) and each stage's rollback,",
                "then the gates: which would block now (or --at TIME), why, and when the next window opens.",
                "Exit: 0 no gate blocks, 5 a gate would block."})
final class PlanCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.HelpOption help;
    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--env", required = true, description = "Environment to plan for")
    String environment;
    @Option(names = "--version", description = "Version to deploy")
    String version;
    @Option(names = "--procedure", paramLabel = "NAME", description = "Show a named procedure instead of a deployment")
    String procedure;
    @Option(names = "--at", paramLabel = "TIME", description = "Judge the gates as of this moment, e.g."
            + " 2026-01-29T10:00-08:00 (default: now)")
    String at;

    private String shown;

    PlanCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if ((version == null) == (procedure == null)) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "plan needs --version VERSION (a"
                    + " deployment) or --procedure NAME (a named procedure), not " + (version == null ? "neither" : "both"));
        }
        Instant moment = moment();
        RunbookFiles.Loaded loaded = RunbookFiles.read(context, runbook);
        Runbook rb = loaded.runbook();
        shown = RunbookFiles.shown(context, loaded.path());
        if (procedure != null) {
            return procedure(rb);
        }
        Plan plan = new Planner(context.env).deploy(rb, environment, version, previousVersion(rb));
        GateReport gates = gates(rb, moment);
        var checklist = rb.environment(environment).flatMap(e -> e.gates().checklistIfAny());
        if (output.json()) {
            context.out.println(Json.write(PlanView.of(plan, gates, moment,
                    checklist.map(c -> c.items().size()).orElse(null))));
        } else {
            PlanText.lines(plan).forEach(context.out::println);
            refusedWrites(plan);
            if (!gates.results().isEmpty()) {
                context.out.println("gates (as of " + moment + "):");
                GateText.report(gates).forEach(context.out::println);
                checklist.ifPresent(c -> context.out.println("  checklist: " + c.items().size() + " items, not run by"
                        + " plan; run them with: shipshape checklist --env " + environment + " --version " + version));
            }
        }
        return gates.verdict() == Verdict.BLOCK ? ExitCode.BLOCKED : ExitCode.SUCCEEDED;
    }

    /** A procedure runs no gates: only its steps are shown. */
    private int procedure(Runbook rb) {
        Plan plan = new Planner(context.env).procedure(rb, environment, procedure);
        if (output.json()) {
            context.out.println(Json.write(PlanView.ofProcedure(plan)));
        } else {
            PlanText.lines(plan).forEach(context.out::println);
            refusedWrites(plan);
        }
        return ExitCode.SUCCEEDED;
    }

    /** Which postgres.sql steps a run would refuse without {@code --confirm-sql}, where they are written. */
    private void refusedWrites(Plan plan) {
        var refused = SqlWriteConfirmation.refused(plan, shown, false);
        if (!refused.isEmpty()) {
            context.out.println("writes to production (refused unless the run is started with "
                    + SqlWriteConfirmation.FLAG + "):");
            refused.forEach(p -> context.out.println("  " + p.file() + ":" + p.line() + ":" + p.column() + " "
                    + p.path()));
        }
    }

    private Instant moment() {
        if (at == null) {
            return context.clock.instant();
        }
        try {
            return ZonedDateTime.parse(at, DateTimeFormatter.ISO_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "--at '" + at + "' is not a moment;"
                    + " write e.g. 2026-01-29T10:00-08:00 or 2026-01-29T18:00Z");
        }
    }

    /** Windows and promotion as of the moment; the checklist is only listed (plan runs nothing). */
    private GateReport gates(Runbook rb, Instant moment) {
        if (!context.storeExists(store.url)) {
            return new GateCheck(new NoHistory(), null).evaluate(rb, environment, version, moment, s -> s,
                    java.util.List.of(), "").report();
        }
        try (Store opened = context.openStore(store.url)) {
            AnalysisHistory soak = new AnalysisHistory(opened.runs(), opened.verification());
            return new GateCheck(soak, null).evaluate(rb, environment, version, moment,
                    s -> s, java.util.List.of(), "").report();
        }
    }

    /** A store that does not exist yet has no runs: nothing has soaked anywhere. */
    private static final class NoHistory implements SoakEvidence {
        @Override
        public java.util.Optional<Instant> succeededAt(String service, String environment, String version) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.List<String> problemsSince(String service, String environment, Instant since) {
            return java.util.List.of();
        }
    }

    /** Reads the store only if one exists: planning never creates anything. */
    private String previousVersion(Runbook rb) {
        if (!context.storeExists(store.url)) {
            return null;
        }
        try (Store opened = context.openStore(store.url)) {
            RunStore runs = opened.runs();
            return runs.live(rb.service(), environment).map(dev.shipshape.engine.LiveVersion::version).orElse(null);
        }
    }
}
