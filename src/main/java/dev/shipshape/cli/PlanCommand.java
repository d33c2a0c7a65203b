package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.app.PlanDocument;
import dev.shipshape.app.Plans;
import dev.shipshape.gates.GateReport;
import dev.shipshape.plan.Plan;
import dev.shipshape.runbook.Runbook;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import dev.shipshape.plan.SqlWriteConfirmation;
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
        Plans plans = context.app.plans(context.app.store(store.url));
        if (procedure != null) {
            return procedure(plans.procedure(new Plans.ProcedureRequest(rb, environment, procedure)));
        }
        Plans.DeploymentPlan planned = plans.deployment(new Plans.PlanRequest(rb, environment, version, moment));
        Plan plan = planned.plan();
        GateReport gates = planned.gates();
        if (output.json()) {
            context.out.println(Json.write(PlanDocument.of(plan, gates, moment, planned.checklistItems().orElse(null))));
        } else {
            PlanText.lines(plan).forEach(context.out::println);
            refusedWrites(plan);
            if (!gates.results().isEmpty()) {
                context.out.println("gates (as of " + moment + "):");
                GateText.report(gates).forEach(context.out::println);
                planned.checklistItems().ifPresent(items -> context.out.println("  checklist: " + items + " items,"
                        + " not run by plan; run them with: shipshape checklist --env " + environment + " --version "
                        + version));
            }
        }
        return planned.blocks() ? ExitCode.BLOCKED : ExitCode.SUCCEEDED;
    }

    /** A procedure runs no gates: only its steps are shown. */
    private int procedure(Plan plan) {
        if (output.json()) {
            context.out.println(Json.write(PlanDocument.ofProcedure(plan)));
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
}
