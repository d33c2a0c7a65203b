package dev.shipshape.cli;

import dev.shipshape.app.RunDocument;
import dev.shipshape.app.Runs;
import dev.shipshape.app.StoreAccess;
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
            Runs runs = context.app.runs(StoreAccess.of(opened));
            RunDocument document = runs.document(runId);
            if (output.json()) {
                context.out.println(Json.write(document));
            } else {
                RunStore recorded = opened.runs();
                RunText.header(runs.show(runId)).forEach(context.out::println);
                GateText.decisions(document.gates()).forEach(context.out::println);
                RunText.body(recorded.stages(runId), recorded.steps(runId)).forEach(context.out::println);
                VerificationText.lines(document).forEach(context.out::println);
            }
            return ExitCode.SUCCEEDED;
        }
    }

    static RunRecord find(RunStore runs, String runId) {
        return Runs.find(runs, runId);
    }
}
