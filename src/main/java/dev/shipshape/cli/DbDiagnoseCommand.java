package dev.shipshape.cli;

import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.PostgresRecords;
import dev.shipshape.postgres.diagnose.Diagnosis;
import dev.shipshape.postgres.diagnose.DiagnosisText;
import dev.shipshape.postgres.diagnose.Diagnostics;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the database is doing now: queries, blocking chains, idle transactions, connections, slow statements. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Active and long-running queries, who blocks whom, idle transactions, connections, slow "
                + "statements (pg_stat_statements).")
final class DbDiagnoseCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    DbTarget target;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--long-running", defaultValue = "60", description = "Seconds after which a query is "
            + "long-running (default: ${DEFAULT-VALUE})")
    long longRunningSeconds;

    DbDiagnoseCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DatabaseWork work = target.work(context, PostgresRecords.NONE);
        Diagnosis d = Diagnostics.of(work.address(), Duration.ofSeconds(longRunningSeconds));
        if (output.json()) {
            context.out.println(Json.snakeCase(d));
        } else {
            DiagnosisText.lines(d).forEach(context.out::println);
        }
        return ExitCode.SUCCEEDED;
    }
}
