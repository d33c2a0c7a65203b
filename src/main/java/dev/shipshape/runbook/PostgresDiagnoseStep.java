package dev.shipshape.runbook;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * {@code postgres.diagnose}: reports active and long-running queries, blocking-lock chains, idle
 * transactions, connections against {@code max_connections} and slow statements, for emergency
 * procedures. Fails when something is blocked longer than {@code failOnBlockedFor}, if given.
 *
 * @param longRunning a query running longer than this is reported as long-running (default 1m)
 */
public record PostgresDiagnoseStep(Duration longRunning, Duration failOnBlockedFor, DatabaseTarget target,
                                   StepOptions options) implements Step, UsesDatabase {

    public PostgresDiagnoseStep {
        longRunning = longRunning == null ? Duration.ofMinutes(1) : longRunning;
    }

    @Override
    public String kind() {
        return "postgres.diagnose";
    }

    @Override
    public String summary() {
        return "diagnose the database";
    }

    @Override
    public boolean idempotentByDefault() {
        return true;
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofMinutes(2);
    }

    @Override
    public PostgresDiagnoseStep mapStrings(UnaryOperator<String> f) {
        return new PostgresDiagnoseStep(longRunning, failOnBlockedFor, DatabaseTarget.map(target, f),
                options.mapStrings(f));
    }

    @Override
    public PostgresDiagnoseStep bind(DatabaseTarget target) {
        return new PostgresDiagnoseStep(longRunning, failOnBlockedFor, target, options);
    }
}
