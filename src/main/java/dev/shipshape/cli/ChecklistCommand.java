package dev.shipshape.cli;

import dev.shipshape.app.ChecklistReport;
import dev.shipshape.app.Checklists;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs an environment's pre-deployment checklist alone and prints a table, or signs off a manual item. */
@Command(name = "checklist",
        description = {"Run an environment's pre-deployment checklist and print a table; or sign off a manual item.",
                "Exit: 0 all passed, 1 an item failed (not strict), 5 an item failed in strict mode."})
final class ChecklistCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.HelpOption help;
    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.SecretsOption secrets;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--env", required = true, description = "Environment whose checklist to run")
    String environment;
    @Option(names = "--version", description = "Version the checklist is for (sign-offs are per version)")
    String version;
    @Option(names = "--sign", paramLabel = "ITEM", description = "Sign off this manual item (as SHIPSHAPE_USER)")
    String sign;
    @Option(names = "--comment", description = "Recorded with the sign-off")
    String comment;

    ChecklistCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RunbookFiles.Loaded loaded = RunbookFiles.read(context, runbook);
        Checklists checklists = context.app.checklists(context.app.store(store.url));
        if (sign != null) {
            Checklists.SignedOff signed = checklists.signOff(new Checklists.SignOffRequest(RunbookFiles.of(loaded),
                    environment, version, sign, comment, context.actor()));
            context.out.println(output.json() ? Json.write(signed) : "signed off '" + sign + "' for " + signed.service()
                    + (signed.version() == null ? "" : " " + signed.version()) + " in " + environment
                    + (signed.version() == null ? ", once for every version," : "") + " as " + signed.by());
            return ExitCode.SUCCEEDED;
        }
        Checklists.ChecklistResult result = checklists.run(new Checklists.ChecklistRequest(RunbookFiles.of(loaded),
                environment, version, secrets.file));
        if (output.json()) {
            context.out.println(Json.write(ChecklistReport.of(result)));
        } else {
            context.out.println("Checklist for " + environment + (version == null ? "" : " " + version)
                    + (result.strict() ? " (strict)" : "") + ":");
            GateText.table(result.items()).forEach(context.out::println);
            context.out.println(result.gate().verdict().label() + ": " + result.gate().reason());
        }
        if (result.blocks()) {
            return ExitCode.BLOCKED;
        }
        return result.allPassed() ? ExitCode.SUCCEEDED : ExitCode.FAILED;
    }
}
