package dev.shipshape.steps.postgres;

import dev.shipshape.postgres.PgTools;
import dev.shipshape.runbook.Masked;
import dev.shipshape.runbook.PostgresMigrateStep;
import dev.shipshape.runbook.PostgresSqlStep;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.UsesDatabase;
import dev.shipshape.runbook.yaml.KindReader;
import dev.shipshape.runbook.yaml.Values;
import dev.shipshape.steps.kit.KindExecutor;
import dev.shipshape.steps.kit.StepKind;
import dev.shipshape.steps.kit.StepServices;
import java.util.List;
import java.util.function.Function;

/**
 * One of the {@code postgres.*} kinds. They share an executor and their database, the environment's,
 * bound when planning; the plan names where each connects, never with its password.
 */
public final class PostgresStepKind<S extends Step> implements StepKind<S> {

    private final String key;
    private final Class<S> type;
    private final Function<Values, KindReader> reader;

    PostgresStepKind(String key, Class<S> type, Function<Values, KindReader> reader) {
        this.key = key;
        this.type = type;
        this.reader = reader;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Class<S> type() {
        return type;
    }

    @Override
    public KindReader reader(Values values) {
        return reader.apply(values);
    }

    @Override
    public List<String> details(S step) {
        var settings = ((UsesDatabase) step).target().settings();
        List<String> lines = new java.util.ArrayList<>(List.of("database " + Masked.of(settings.url())
                + (settings.user() == null ? "" : " as " + Masked.of(settings.user()))));
        if (step instanceof PostgresSqlStep sql) {
            lines.addAll(SqlWrite.planLines(sql));
        }
        if (step instanceof PostgresMigrateStep migrate) {
            String folder = migrate.migrations() != null ? migrate.migrations() : settings.migrations();
            if (folder != null) {
                lines.add("migrations " + folder + (settings.layout() == null ? ""
                        : " (layout " + settings.layout().name().toLowerCase(java.util.Locale.ROOT) + ")"));
            }
            if (settings.migrateCommand() != null) {
                lines.add("applied by migrate_command: " + Masked.of(settings.migrateCommand()));
            }
        }
        return lines;
    }

    @Override
    public KindExecutor<S> executor(StepServices services) {
        PostgresStepExecutor postgres = new PostgresStepExecutor(services.postgres(),
                new PgTools(services.env(), services.processes()), services.clock());
        return (planned, step, context) -> postgres.execute(step, context);
    }
}
