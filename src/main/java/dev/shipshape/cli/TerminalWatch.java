package dev.shipshape.cli;

import dev.shipshape.app.DeployWatch;
import dev.shipshape.app.RollbackWatch;
import dev.shipshape.engine.CancelSignal;
import dev.shipshape.engine.RunListener;
import dev.shipshape.engine.RunOutcome;
import dev.shipshape.gates.GateReport;
import dev.shipshape.gates.GateResult;
import dev.shipshape.gates.checklist.ItemResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/**
 * How a command follows a run it starts: live progress on stdout (none when stdout carries JSON), gate results
 * and the checklist table as they come (on stderr under JSON), and Ctrl-C or SIGTERM cancelling the run.
 */
final class TerminalWatch implements DeployWatch, RollbackWatch {

    private final Context context;
    private final boolean json;
    private final PrintWriter progress;

    TerminalWatch(Context context, boolean json) {
        this.context = context;
        this.json = json;
        this.progress = json ? context.err : context.out;
    }

    @Override
    public RunListener listener(dev.shipshape.plan.Plan plan) {
        return json ? RunListener.NONE : LiveProgress.of(context, plan);
    }

    @Override
    public RunOutcome run(Function<CancelSignal, RunOutcome> engine) {
        return Interrupts.cancellable(context, engine);
    }

    @Override
    public void checklist(String environment, List<ItemResult> items) {
        progress.println("Checklist for " + environment + ":");
        GateText.table(items).forEach(progress::println);
    }

    @Override
    public void waitingForWindow(GateResult window) {
        progress.println("waiting for the deployment window: " + window.reason());
        progress.flush();
    }

    @Override
    public void judged(GateReport report) {
        GateText.report(report).forEach(progress::println);
    }

    /** Database rollbacks restore data: say so (a rollback not confirmed then says how to confirm it). */
    @Override
    public void undoingDatabase(List<String> stages) {
        context.err.println("WARNING: this rollback undoes database stages (" + String.join(", ", stages)
                + "): data written since their backup is lost.");
    }
}
