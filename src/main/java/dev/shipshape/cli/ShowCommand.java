package dev.shipshape.cli;

import dev.shipshape.app.Runs;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Shows one run: stages and steps with outcome, duration and the tail of their output. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a run: stages and steps with outcome, duration and output tail.")
final class ShowCommand implements Callable<Integer> {

    private final Context context;
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;

    ShowCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Store opened = context.openStore(store.url)) {
            RunStore runs = opened.runs();
            RunRecord run = find(runs, runId);
            if (output.json()) {
                context.out.println(Json.write(RunView.document(opened, run)));
            } else {
                RunText.header(run).forEach(context.out::println);
                GateText.decisions(opened.gates().decisions(runId)).forEach(context.out::println);
                RunText.body(runs.stages(runId), runs.steps(runId)).forEach(context.out::println);
                VerificationText.lines(runs, opened.verification(), run).forEach(context.out::println);
            }
            return ExitCode.SUCCEEDED;
        }
    }

    static RunRecord find(RunStore runs, String runId) {
        return Runs.find(runs, runId);
    }
}
