package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.app.Checklists;
import dev.shipshape.gates.GateResult;
import dev.shipshape.gates.SignOff;
import dev.shipshape.gates.Verdict;
import dev.shipshape.gates.checklist.ChecklistGate;
import dev.shipshape.gates.checklist.ChecklistRunner;
import dev.shipshape.gates.checklist.ItemResult;
import dev.shipshape.plan.Planner;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.gates.Checklist;
import dev.shipshape.runbook.gates.ChecklistItem;
import dev.shipshape.secrets.SecretResolver;
import dev.shipshape.store.Store;
import java.util.List;
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

    /** {@code checklist --output json}: each item's outcome, then the gate's verdict and reason. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ChecklistView(String environment, String version, boolean strict, List<ItemResult> items, String verdict,
                         String reason) {
    }

    /** {@code checklist --sign ITEM --output json}. */
    record SignedOff(String service, String environment, String version, String item, String by, String comment) {
    }

    ChecklistCommand(Context context) {
        this.context = context;
    }

    static String signHint(String environment, String version) {
        return Checklists.signHint(environment, version);
    }

    @Override
    public Integer call() {
        RunbookFiles.Loaded loaded = RunbookFiles.read(context, runbook);
        Runbook rb = loaded.runbook();
        if (rb.environment(environment).isEmpty()) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "environment '" + environment
                    + "' is not defined in " + RunbookFiles.shown(context, loaded.path()) + "; defined: "
                    + String.join(", ", rb.environments().keySet()));
        }
        Checklist checklist = rb.environment(environment).flatMap(e -> e.gates().checklistIfAny())
                .orElseThrow(() -> new ShipshapeException(ShipshapeException.Code.NOT_FOUND, "environment '"
                        + environment + "' has no checklist in " + RunbookFiles.shown(context, loaded.path())));
        if (sign != null) {
            return signOff(rb, checklist);
        }
        List<SignOff> signOffs = version == null || !context.storeExists(store.url) ? List.of() : readSignOffs(rb);
        var resolve = new Planner(context.env).resolver(rb, environment, version == null ? "" : version, null);
        List<ItemResult> items = new ChecklistRunner(context.env, loaded.path().toAbsolutePath().getParent(),
                context.clock, rb.people(), new SecretResolver(context.env, context.secretsFile(secrets.file)), context.processes, context.http)
                .run(checklist, resolve, signOffs,
                version == null ? "pass --version, then: " + signHint(environment, "VERSION")
                        : signHint(environment, version));
        GateResult result = ChecklistGate.decide(checklist, items);
        if (output.json()) {
            context.out.println(Json.write(new ChecklistView(environment, version, checklist.strict(), items,
                    result.verdict().label(), result.reason())));
        } else {
            context.out.println("Checklist for " + environment + (version == null ? "" : " " + version)
                    + (checklist.strict() ? " (strict)" : "") + ":");
            GateText.table(items).forEach(context.out::println);
            context.out.println(result.verdict().label() + ": " + result.reason());
        }
        if (result.verdict() == Verdict.BLOCK) {
            return ExitCode.BLOCKED;
        }
        return items.stream().allMatch(ItemResult::passed) ? ExitCode.SUCCEEDED : ExitCode.FAILED;
    }

    private List<SignOff> readSignOffs(Runbook rb) {
        try (Store opened = context.openStore(store.url)) {
            return opened.gates().signOffs(rb.service(), environment, version);
        }
    }

    private int signOff(Runbook rb, Checklist checklist) {
        if (version == null) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "--sign needs --version: a sign-off"
                    + " is for one version");
        }
        ChecklistItem.SignOff item = checklist.items().stream()
                .filter(i -> i instanceof ChecklistItem.SignOff && i.name().equals(sign))
                .map(ChecklistItem.SignOff.class::cast).findFirst()
                .orElseThrow(() -> new ShipshapeException(ShipshapeException.Code.NOT_FOUND, "no manual item '" + sign
                        + "' in the checklist of " + environment + "; manual items: " + String.join(", ",
                        checklist.items().stream().filter(i -> i instanceof ChecklistItem.SignOff)
                                .map(ChecklistItem::name).toList())));
        String person = context.user();
        if (!rb.people().allows(person, item.by())) {
            throw new ShipshapeException(ShipshapeException.Code.FAILED, person + " may not sign off '" + sign
                    + "': needs " + String.join(" or ", item.by()) + "; nothing was recorded");
        }
        try (Store opened = context.openStore(store.url)) {
            opened.gates().signOff(new SignOff(rb.service(), environment, version, sign, person, comment,
                    context.clock.instant()));
        }
        String by = rb.people().describe(person);
        context.out.println(output.json() ? Json.write(new SignedOff(rb.service(), environment, version, sign, by,
                comment)) : "signed off '" + sign + "' for " + rb.service() + " " + version + " in " + environment
                + " as " + by);
        return ExitCode.SUCCEEDED;
    }
}
