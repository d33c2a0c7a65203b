package dev.shipshape.cli;

import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.PostgresRecords;
import dev.shipshape.postgres.migrate.Migrations;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Migration status: applied and pending migrations, and whether applied files changed. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show applied and pending migrations and validate them.", "Exit: 0 valid, 1 invalid."})
final class DbStatusCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    DbTarget target;
    @Mixin
    Options.OutputOption output;

    DbStatusCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DatabaseWork work = target.work(context, PostgresRecords.NONE);
        Migrations migrations = Migrations.of(work.address(), DbMigrateCommand.folder(work),
                work.target().settings().layout());
        List<Migrations.State> states = migrations.status();
        List<String> invalid = migrations.validate().stream()
                .filter(p -> !p.contains("not applied") && !p.contains("pending")).toList();
        if (output.json()) {
            context.out.println(Json.snakeCase(java.util.Map.of("migrations", states, "problems", invalid)));
        } else {
            states.forEach(s -> context.out.println(String.format("%-8s %-10s %s", s.version(), s.state(),
                    s.script())));
            long pending = states.stream().filter(s -> s.state().equals("Pending")).count();
            context.out.println(pending + " pending");
            invalid.forEach(p -> context.out.println("problem: " + p));
        }
        return invalid.isEmpty() ? ExitCode.SUCCEEDED : ExitCode.FAILED;
    }
}
