package dev.shipshape.postgres.migrate;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.ChildProcess;
import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.postgres.DatabaseWork;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The team's own migration command ({@code migrate_command: npx prisma migrate deploy}) in place of Shipshape
 * applying the files: run with bash in the runbook's folder, through the processes port, with the database in
 * {@code DATABASE_URL} and libpq's {@code PG*} variables. What it applied is read back from the history table:
 * the pending files before it ran that are no longer pending.
 */
final class MigrateCommand {

    private final DatabaseWork work;
    private final String command;

    MigrateCommand(DatabaseWork work, String command) {
        this.work = work;
        this.command = command;
    }

    /** Runs the command; returns the migrations it applied, relative to {@code folder}. */
    List<String> apply(Migrations migrations, Path folder) {
        List<Path> before = migrations.pendingFiles();
        work.say("running migrate_command: " + command);
        String databaseUrl = databaseUrl(work.address());
        Map<String, String> env = new LinkedHashMap<>(work.address().childEnvironment());
        env.put("DATABASE_URL", databaseUrl);
        ChildProcess.Result result = work.tools().programs().run(List.of("bash", "-c", command), env,
                work.runbookFolder(), work.timeout(), work.cancelled());
        String output = redact(result.output(), databaseUrl);
        output.lines().forEach(line -> work.say("  | " + line));
        if (!result.succeeded()) {
            String how = result.timedOut() ? "timed out after " + work.timeout().toSeconds() + "s"
                    : result.cancelled() ? "was cancelled" : "exited " + result.exitCode();
            String last = output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).map(l -> ": " + l.strip())
                    .orElse("");
            throw new ShipshapeException(Code.FAILED, "migrate_command '" + command + "' " + how + last);
        }
        List<Path> after = migrations.pendingFiles();
        List<String> applied = new ArrayList<>();
        before.stream().filter(p -> !after.contains(p)).forEach(p -> applied.add(folder.relativize(p).toString()));
        return applied;
    }

    private String redact(String text, String databaseUrl) {
        return work.address().redact(text.replace(databaseUrl, "postgresql://***@" + work.address().host() + ":"
                + work.address().port() + "/" + work.address().database()));
    }

    /** {@code postgresql://USER:PASSWORD@HOST:PORT/DATABASE}, user and password URL-encoded. */
    static String databaseUrl(DatabaseAddress address) {
        Map<String, String> env = address.childEnvironment();
        String login = env.containsKey("PGUSER") ? encode(env.get("PGUSER"))
                + (env.containsKey("PGPASSWORD") ? ":" + encode(env.get("PGPASSWORD")) : "") + "@" : "";
        return "postgresql://" + login + address.host() + ":" + address.port() + "/" + encode(address.database());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
