package dev.shipshape.steps.postgres;

import dev.shipshape.runbook.yaml.*;

import dev.shipshape.runbook.PostgresBackupStep;
import dev.shipshape.runbook.PostgresDiagnoseStep;
import dev.shipshape.runbook.PostgresMigrateStep;
import dev.shipshape.runbook.PostgresQueryStep;
import dev.shipshape.runbook.PostgresRestoreStep;
import dev.shipshape.runbook.PostgresSqlStep;
import dev.shipshape.runbook.SqlCheck;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.shipshape.steps.kit.StepKind;

/**
 * The {@code postgres.*} step kinds and how each is read. Their database is the environment's, bound
 * when planning, so the steps carry only what differs per step.
 */
public final class PostgresStepKinds {

    private PostgresStepKinds() {
    }

    public static List<StepKind<?>> all() {
        return List.of(
                kind("postgres.backup", PostgresBackupStep.class, List.of(), (values, f, o) -> Optional.of(
                        new PostgresBackupStep(f.string("postgres.backup").orElse(null), null, o))),
                kind("postgres.restore", PostgresRestoreStep.class, List.of("jobs"), (values, f, o) -> Optional.of(
                        new PostgresRestoreStep(f.string("postgres.restore").orElse(null),
                                f.integer("jobs").orElse(null), null, o))),
                kind("postgres.migrate", PostgresMigrateStep.class, List.of("expect_tables"), (values, f, o) ->
                        Optional.of(new PostgresMigrateStep(f.string("postgres.migrate").orElse(null),
                                tables(values, f), null, o))),
                kind("postgres.query", PostgresQueryStep.class, List.of("expect"), PostgresStepKinds::query),
                kind("postgres.sql", PostgresSqlStep.class, List.of("safe"), PostgresStepKinds::sql),
                kind("postgres.diagnose", PostgresDiagnoseStep.class, List.of("long_running", "fail_on_blocked_for"),
                        (values, f, o) -> Optional.of(new PostgresDiagnoseStep(f.duration("long_running").orElse(null),
                                f.duration("fail_on_blocked_for").orElse(null), null, o))));
    }

    /** Reads one kind's own keys into its record. */
    @FunctionalInterface
    private interface Read {
        Optional<? extends Step> read(Values values, Fields fields, StepOptions options);
    }

    private static Optional<Step> query(Values values, Fields f, StepOptions options) {
        Optional<String> sql = f.required("postgres.query").flatMap(n -> values.string(n, f.path("postgres.query")));
        Optional<Fields> expect = f.optional("expect")
                .flatMap(n -> Fields.of(n, f.path("expect"), values, "a map with rows or value"));
        expect.ifPresent(e -> e.allowOnly(List.of("rows", "value")));
        Integer rows = expect.flatMap(e -> e.integer("rows")).orElse(null);
        String value = expect.flatMap(e -> e.optional("value").flatMap(n -> values.text(n, e.path("value"))))
                .orElse(null);
        return sql.map(s -> new PostgresQueryStep(new SqlCheck(s, rows, value), null, options));
    }

    private static Optional<Step> sql(Values values, Fields f, StepOptions options) {
        Optional<String> sql = f.required("postgres.sql").flatMap(n -> values.string(n, f.path("postgres.sql")));
        boolean safe = f.bool("safe").orElse(false);
        Node.Entry at = f.mapping().entry("postgres.sql").orElseThrow();
        return sql.map(s -> new PostgresSqlStep(s, safe, new PostgresSqlStep.Written(at.line(), at.column(),
                f.path()), null, options));
    }

    /** {@code expect_tables: {orders: [id, total], audit_log: []}}. */
    private static Map<String, List<String>> tables(Values values, Fields f) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        f.optional("expect_tables").flatMap(n -> Fields.of(n, f.path("expect_tables"), values,
                "a map of table names to their expected columns")).ifPresent(t -> t.mapping().entries()
                .forEach(e -> tables.put(e.key(), e.value() instanceof Node.Scalar s && s.isNull() ? List.of()
                        : values.strings(e.value(), t.path(e.key())))));
        return tables;
    }

    private static <S extends Step> StepKind<S> kind(String kind, Class<S> type, List<String> keys, Read read) {
        return new PostgresStepKind<>(kind, type, values -> reader(values, kind, keys, read));
    }

    private static KindReader reader(Values values, String kind, List<String> keys, Read read) {
        return new KindReader() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public List<String> keys() {
                return keys;
            }

            @Override
            public Optional<Step> read(Fields fields, StepOptions options) {
                return read.read(values, fields, options).map(Step.class::cast);
            }
        };
    }
}
