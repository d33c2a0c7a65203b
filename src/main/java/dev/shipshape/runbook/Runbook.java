package dev.shipshape.runbook;

import dev.shipshape.runbook.gates.People;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service's runbook as loaded from YAML: its environments, the stages of a deployment and the
 * steps that always run at the end. Immutable; produced only by {@link RunbookLoader}.
 *
 * @param service       the service this runbook deploys, e.g. {@code shop-api}
 * @param source        the file it was read from
 * @param vars          variables shared by every environment ({@code ${vars.NAME}})
 * @param environments  environments by name, in file order
 * @param stages        stages in file order (execution order also honours {@code needs})
 * @param always        steps that run at the end of every run, whatever happened
 * @param onInterrupted what {@code resume} does with a non-idempotent step that was in flight
 * @param people        who has which roles, for approvals and checklist sign-offs
 * @param procedures    named operational procedures by name, in file order
 * @param schedules     procedures run on a schedule ({@code schedules:}), in file order
 * @param readings      per environment, the runbook as that environment reads it, when durations or numbers are
 *                      written as {@code ${vars.NAME}}; empty when every environment reads it alike
 */
public record Runbook(
        String service,
        Path source,
        Map<String, String> vars,
        Map<String, Environment> environments,
        List<Stage> stages,
        List<Step> always,
        OnInterrupted onInterrupted,
        People people,
        Map<String, Procedure> procedures,
        List<Schedule> schedules,
        Map<String, Runbook> readings) {

    public Runbook(String service, Path source, Map<String, String> vars, Map<String, Environment> environments,
                   List<Stage> stages, List<Step> always, OnInterrupted onInterrupted) {
        this(service, source, vars, environments, stages, always, onInterrupted, People.none(), Map.of(), List.of(),
                Map.of());
    }

    public Runbook(String service, Path source, Map<String, String> vars, Map<String, Environment> environments,
                   List<Stage> stages, List<Step> always, OnInterrupted onInterrupted, People people,
                   Map<String, Procedure> procedures) {
        this(service, source, vars, environments, stages, always, onInterrupted, people, procedures, List.of(),
                Map.of());
    }

    public Runbook(String service, Path source, Map<String, String> vars, Map<String, Environment> environments,
                   List<Stage> stages, List<Step> always, OnInterrupted onInterrupted, People people,
                   Map<String, Procedure> procedures, List<Schedule> schedules) {
        this(service, source, vars, environments, stages, always, onInterrupted, people, procedures, schedules,
                Map.of());
    }

    public Runbook {
        people = people == null ? People.none() : people;
        vars = Map.copyOf(vars);
        environments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environments));
        stages = List.copyOf(stages);
        always = List.copyOf(always);
        procedures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(procedures));
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        readings = Map.copyOf(readings);
    }

    /** The runbook as one environment reads it: its durations and numbers from that environment's vars. */
    public Runbook forEnvironment(String environment) {
        return readings.getOrDefault(environment, this);
    }

    /** This runbook with each environment's own reading (see {@link #forEnvironment}). */
    public Runbook withEnvironmentReadings(Map<String, Runbook> byEnvironment) {
        return new Runbook(service, source, vars, environments, stages, always, onInterrupted, people, procedures,
                schedules, byEnvironment);
    }

    public Optional<Procedure> procedure(String name) {
        return Optional.ofNullable(procedures.get(name));
    }

    public Optional<Environment> environment(String name) {
        return Optional.ofNullable(environments.get(name));
    }
}
