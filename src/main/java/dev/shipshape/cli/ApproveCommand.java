package dev.shipshape.cli;

import dev.shipshape.app.ApprovalDesk;
import dev.shipshape.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Approves the approval step a run is waiting at, as SHIPSHAPE_USER (or the OS user). */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Approve a run waiting at an approval step (as SHIPSHAPE_USER, or the OS user).",
                "The person who started the run cannot approve it."})
final class ApproveCommand implements Callable<Integer> {

    private final Context context;
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;
    @Option(names = "--comment", description = "Recorded with the approval")
    String comment;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @Mixin
    Options.ServerOption server;

    ApproveCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var remote = dev.shipshape.remote.ServerAddress.of(server.url, context.env);
        if (remote.isPresent()) {
            ApproveCommand.print(context, ApproveCommand.decided(new dev.shipshape.remote.ApiClient(remote.get(),
                    context.http).decide(runId, true, comment)), output.json());
            return ExitCode.SUCCEEDED;
        }
        try (Store opened = context.openStore(store.url)) {
            ApprovalDesk.Decided decided = context.app.approvals(opened).decide(new ApprovalDesk.DecisionRequest(
                    runId, true, comment, context.actor()));
            print(context, decided, output.json());
            return ExitCode.SUCCEEDED;
        }
    }

    /** A server's answer to an approval or a rejection, as the decision it records. */
    static ApprovalDesk.Decided decided(com.fasterxml.jackson.databind.JsonNode answer) {
        return new ApprovalDesk.Decided(answer.path("runId").asText(), answer.path("stepId").asText(),
                answer.path("decision").asText(), answer.path("by").asText(), text(answer, "comment"),
                text(answer, "standing"));
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode answer, String field) {
        return answer.hasNonNull(field) ? answer.get(field).asText() : null;
    }

    /** The decision as text or JSON (reject prints it the same way). */
    static void print(Context context, ApprovalDesk.Decided decided, boolean json) {
        context.out.println(json ? Json.write(decided) : decided.decision() + " run " + decided.runId() + " at "
                + decided.stepId() + " as " + decided.by()
                + (decided.standing() == null ? "" : " (" + decided.standing() + ")"));
    }
}
