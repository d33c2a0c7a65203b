package dev.shipshape.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipshape.runbook.Masked;
import dev.shipshape.runbook.Procedure;
import dev.shipshape.runbook.Runbook;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists the runbook's named procedures; {@code --when} suggests the ones written for a situation. */
@Command(name = "procedures", mixinStandardHelpOptions = true,
        description = "List the runbook's named procedures (run one with: shipshape run NAME --env ENV).")
final class ProceduresCommand implements Callable<Integer> {

    private static final String ROW = "%-22s %5s  %-28s %s";

    private final Context context;
    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--when", paramLabel = "SITUATION", description = "Only procedures whose when: names every word"
            + " of this, e.g. \"db-connections critical\"")
    String situation;

    /** A procedure as machines read it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProcedureView(String name, String description, String when, List<StepView> steps) {
    }

    /** One of its steps. */
    record StepView(String name, String kind, String summary) {
    }

    ProceduresCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Runbook rb = RunbookFiles.read(context, runbook).runbook();
        List<Procedure> procedures = rb.procedures().values().stream().filter(this::fits).toList();
        if (output.json()) {
            context.out.println(Json.write(procedures.stream().map(ProceduresCommand::view).toList()));
        } else if (procedures.isEmpty()) {
            context.out.println(rb.procedures().isEmpty() ? "no procedures in " + RunbookFiles.shown(context,
                    runbook.resolve(context)) + "; add them under procedures:"
                    : "no procedure is written for '" + situation + "'; list them all with: shipshape procedures");
        } else {
            context.out.println(String.format(ROW, "PROCEDURE", "STEPS", "WHEN", "DESCRIPTION").stripTrailing());
            procedures.forEach(p -> context.out.println(String.format(ROW, p.name(), p.steps().size(),
                    p.when() == null ? "-" : p.when(), p.description())));
        }
        return ExitCode.SUCCEEDED;
    }

    /** Every word of the situation appears in the procedure's when: text. */
    private boolean fits(Procedure procedure) {
        if (situation == null) {
            return true;
        }
        String when = procedure.when() == null ? "" : procedure.when().toLowerCase(Locale.ROOT);
        return Arrays.stream(situation.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty())
                .allMatch(when::contains);
    }

    private static ProcedureView view(Procedure p) {
        return new ProcedureView(p.name(), p.description(), p.when(), p.steps().stream()
                .map(s -> new StepView(Masked.of(s.displayName()), s.kind(), Masked.of(s.summary()))).toList());
    }
}
