package dev.shipshape.cli;

import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.backup.DrillReport;
import dev.shipshape.postgres.backup.RecoveryDrill;
import dev.shipshape.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The disaster-recovery drill: restore into a scratch database, check, drop, report RTO and RPO. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recovery drill: restore a backup into a scratch database, run checks, drop it, and report "
                + "RTO and RPO against the runbook's targets.", "Exit: 0 passed, 1 a target or check failed."})
final class DbVerifyCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    DbTarget target;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--backup", defaultValue = "latest", paramLabel = "ID|latest", description = "Backup to verify")
    String backup;
    @Option(names = "--jobs", description = "Parallel pg_restore jobs")
    Integer jobs;
    @Option(names = "--server", paramLabel = "jdbc:postgresql://HOST:PORT/DB", description = "Restore on this "
            + "server instead, with the environment's login")
    String serverUrl;

    DbVerifyCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Store opened = context.openStore(target.store.url)) {
            DatabaseWork work = target.work(context, opened.postgres());
            DatabaseAddress server = serverUrl == null ? work.address() : work.address().atServer(serverUrl);
            DrillReport report = new RecoveryDrill(work).run(backup, server, jobs);
            opened.postgres().action(work.action("verify", report.backup().id(), null, report.passed() ? "passed"
                    : "failed: " + String.join("; ", report.problems())));
            if (output.json()) {
                context.out.println(Json.snakeCase(report));
            } else {
                print(report);
                context.out.println("  restored into " + report.scratchDatabase() + " on " + server.host() + ":"
                        + server.port() + " (dropped afterwards)");
            }
            return report.passed() ? ExitCode.SUCCEEDED : ExitCode.FAILED;
        }
    }

    private void print(DrillReport r) {
        context.out.println("recovery drill of " + r.backup().id() + ": " + (r.passed() ? "passed" : "FAILED"));
        context.out.println("  RTO " + DrillReport.human(r.restoreTime()) + (r.rto() == null ? " (no target)"
                : (r.rtoMet() ? " <= " : " > ") + "target " + DrillReport.human(r.rto())));
        context.out.println("  RPO " + DrillReport.human(r.backupAge()) + (r.rpo() == null ? " (no target)"
                : (r.rpoMet() ? " <= " : " > ") + "target " + DrillReport.human(r.rpo())));
        context.out.println("  tables: " + r.rowCounts().size());
        new java.util.TreeMap<>(r.rowCounts()).forEach((t, n) -> context.out.println("    " + t + ": " + n + " rows"));
        r.checks().forEach(c -> context.out.println("  check " + (c.passed() ? "ok" : "FAILED") + ": " + c.sql()
                + " -> " + c.reason()));
        r.problems().forEach(p -> context.out.println("  problem: " + p));
    }
}
