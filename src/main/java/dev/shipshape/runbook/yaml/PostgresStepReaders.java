package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.PostgresBackupStep;
import dev.shipshape.runbook.PostgresDiagnoseStep;
import dev.shipshape.runbook.PostgresMigrateStep;
import dev.shipshape.runbook.PostgresQueryStep;
import dev.shipshape.runbook.PostgresRestoreStep;
import dev.shipshape.runbook.SqlCheck;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Readers of the {@code postgres.*} step kinds. Their database is the environment's, bound when
 * planning, so the steps carry only what differs per step.
 */
final class PostgresStepReaders {

    private PostgresStepReaders() {
    }

    static Stream<KindReader> all(Values values) {
        return Stream.of(
                reader("postgres.backup", List.of(), (f, o) -> Optional.of(
                        new PostgresBackupStep(f.string("postgres.backup").orElse(null), null, o))),
                reader("postgres.restore", List.of("jobs"), (f, o) -> Optional.of(new PostgresRestoreStep(
                        f.string("postgres.restore").orElse(null), f.integer("jobs").orElse(null), null, o))),
                reader("postgres.migrate", List.of("expect_tables"), (f, o) -> Optional.of(new PostgresMigrateStep(
                        f.string("postgres.migrate").orElse(null), tables(values, f), null, o))),
                reader("postgres.query", List.of("expect"), (f, o) -> query(values, f, o)),
                reader("postgres.diagnose", List.of("long_running", "fail_on_blocked_for"),
                        (f, o) -> Optional.of(new PostgresDiagnoseStep(f.duration("long_running").orElse(null),
                                f.duration("fail_on_blocked_for").orElse(null), null, o))));
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

    /** {@code expect_tables: {orders: [id, total], audit_log: []}}. */
    private static Map<String, List<String>> tables(Values values, Fields f) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        f.optional("expect_tables").flatMap(n -> Fields.of(n, f.path("expect_tables"), values,
                "a map of table names to their expected columns")).ifPresent(t -> t.mapping().entries()
                .forEach(e -> tables.put(e.key(), e.value() instanceof Node.Scalar s && s.isNull() ? List.of()
                        : values.strings(e.value(), t.path(e.key())))));
        return tables;
    }

    private static KindReader reader(String kind, List<String> keys, BiFunction<Fields, StepOptions,
            Optional<? extends Step>> read) {
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
                return read.apply(fields, options).map(Step.class::cast);
            }
        };
    }
}
