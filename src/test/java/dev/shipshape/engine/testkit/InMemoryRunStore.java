package dev.shipshape.engine.testkit;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.engine.Change;
import dev.shipshape.engine.EnvLock;
import dev.shipshape.engine.EventRecord;
import dev.shipshape.engine.LiveVersion;
import dev.shipshape.engine.NewRun;
import dev.shipshape.engine.RunPosition;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunSelection;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.StageRecord;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepProcess;
import dev.shipshape.engine.StepRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link RunStore} in memory, for engine tests: the same contract as the H2 and PostgreSQL stores
 * ({@code InMemoryRunStoreTest} runs {@code RunStoreContract} on it), each method atomic under one lock.
 */
public final class InMemoryRunStore implements RunStore {

    private final Clock clock;
    private final Map<String, RunRecord> runs = new LinkedHashMap<>();
    private final Map<String, List<StageRecord>> stages = new HashMap<>();
    private final Map<String, List<StepRecord>> steps = new HashMap<>();
    private final List<EventRecord> events = new ArrayList<>();
    private final Map<String, String> cancelRequests = new HashMap<>();
    private final Map<String, EnvLock> locks = new HashMap<>();
    private final Map<String, StepProcess> processes = new LinkedHashMap<>();
    private final List<LiveVersion> live = new ArrayList<>();
    private long seq;

    /** @param clock when locks are released (the only write without an instant of its own) */
    public InMemoryRunStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void create(NewRun run) {
        if (runs.containsKey(run.runId())) {
            throw new ShipshapeException(Code.STORE, "run " + run.runId() + " already exists in the store; "
                    + "a new run needs a new id");
        }
        Set<String> ids = new HashSet<>();
        for (StepRecord step : run.steps()) {
            if (!ids.add(step.stepId())) {
                throw new ShipshapeException(Code.STORE, "run " + run.runId() + " has step " + step.stepId()
                        + " twice; nothing was written");
            }
        }
        runs.put(run.runId(), new RunRecord(run.runId(), run.service(), run.environment(), run.version(),
                run.previousVersion(), run.procedure(), run.startedBy(), run.runbookPath(), run.runbookText(),
                RunStatus.RUNNING, null, run.createdAt(), null, run.procedureName()));
        List<StageRecord> created = new ArrayList<>();
        for (int i = 0; i < run.stages().size(); i++) {
            created.add(new StageRecord(run.runId(), run.stages().get(i), i + 1, State.PENDING, null, null, null));
        }
        stages.put(run.runId(), created);
        steps.put(run.runId(), new ArrayList<>(run.steps()));
        append(run.runId(), run.createdAt(), "run.created", null,
                run.procedure() + " " + run.service() + " " + run.version() + " to " + run.environment());
    }

    @Override
    public synchronized void record(Change change) {
        switch (change) {
            case Change.RunChanged c -> runChanged(c);
            case Change.StageChanged c -> stageChanged(c);
            case Change.StepChanged c -> stepChanged(c);
            case Change.ProcessStarted c -> {
                existing(c.runId());
                processes.put(c.runId() + "\n" + c.stepId(), new StepProcess(c.runId(), c.stepId(), c.host(),
                        c.group()));
                append(c.runId(), c.at(), "step.process", c.stepId(), "process group " + c.group() + " on "
                        + c.host());
            }
            case Change.Note c -> {
                existing(c.runId());
                append(c.runId(), c.at(), c.kind(), null, c.message());
            }
        }
    }

    private void runChanged(Change.RunChanged c) {
        RunRecord r = existing(c.runId());
        runs.put(r.runId(), new RunRecord(r.runId(), r.service(), r.environment(), r.version(), r.previousVersion(),
                r.procedure(), r.startedBy(), r.runbookPath(), r.runbookText(), c.status(), c.reason(),
                r.createdAt(), c.status().isFinal() ? c.at() : null, r.procedureName()));
        if (c.status().isFinal() || c.status() == RunStatus.HALTED) {
            cancelRequests.remove(r.runId());
        }
        append(r.runId(), c.at(), "run." + c.status().label(), null, c.reason());
        boolean once = live.stream().noneMatch(l -> l.runId().equals(r.runId()));
        if ((c.status() == RunStatus.SUCCEEDED || c.status() == RunStatus.MONITORING) && once
                && r.procedure().equals("deploy") && r.version() != null) {
            live.add(new LiveVersion(r.service(), r.environment(), r.version(), r.runId(), LiveVersion.DEPLOYED,
                    c.at()));
        }
    }

    private void stageChanged(Change.StageChanged c) {
        existing(c.runId());
        List<StageRecord> list = stages.get(c.runId());
        int i = indexOf(list.stream().map(StageRecord::stage).toList(), c.runId(), "stage", c.stage());
        StageRecord s = list.get(i);
        list.set(i, new StageRecord(s.runId(), s.stage(), s.position(), c.state(), c.reason(),
                s.startedAt() != null ? s.startedAt() : c.state() == State.RUNNING ? c.at() : null,
                c.state().finished() ? c.at() : null));
        append(c.runId(), c.at(), "stage." + c.state().label(), c.stage(), c.reason());
    }

    private void stepChanged(Change.StepChanged c) {
        existing(c.runId());
        List<StepRecord> list = steps.get(c.runId());
        int i = indexOf(list.stream().map(StepRecord::stepId).toList(), c.runId(), "step", c.stepId());
        StepRecord s = list.get(i);
        list.set(i, new StepRecord(s.runId(), s.stepId(), s.stage(), s.phase(), s.position(), s.name(), s.kind(),
                s.summary(), s.idempotent(), c.state(), c.attempt(), c.exitCode(), c.outputTail(), c.outputSize(),
                c.durationMillis(), c.message(), c.state() == State.RUNNING ? c.at() : s.startedAt(),
                c.state().finished() ? c.at() : null, c.json()));
        append(c.runId(), c.at(), "step." + c.state().label(), c.stepId(), c.message());
    }

    @Override
    public synchronized void stepOutput(String runId, String stepId, int attempt, String outputTail,
                                        long outputSize) {
        List<StepRecord> list = steps.getOrDefault(runId, List.of());
        for (int i = 0; i < list.size(); i++) {
            StepRecord s = list.get(i);
            if (s.stepId().equals(stepId) && s.attempts() == attempt && s.state() == State.RUNNING) {
                list.set(i, new StepRecord(s.runId(), s.stepId(), s.stage(), s.phase(), s.position(), s.name(),
                        s.kind(), s.summary(), s.idempotent(), s.state(), s.attempts(), s.exitCode(), outputTail,
                        outputSize, s.durationMillis(), s.message(), s.startedAt(), s.finishedAt(), s.json()));
            }
        }
    }

    @Override
    public synchronized Optional<RunRecord> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public synchronized List<RunRecord> runs(String service, String environment, int limit) {
        return runs.values().stream()
                .filter(r -> service == null || r.service().equals(service))
                .filter(r -> environment == null || r.environment().equals(environment))
                .sorted(Comparator.comparing(RunRecord::createdAt).thenComparing(RunRecord::runId).reversed())
                .limit(Math.max(0, limit)).toList();
    }

    @Override
    public synchronized List<StageRecord> stages(String runId) {
        return List.copyOf(stages.getOrDefault(runId, List.of()));
    }

    @Override
    public synchronized List<StepRecord> steps(String runId) {
        return List.copyOf(steps.getOrDefault(runId, List.of()));
    }

    @Override
    public synchronized List<EventRecord> events(String runId) {
        return events.stream().filter(e -> e.runId().equals(runId)).toList();
    }

    @Override
    public synchronized List<EventRecord> eventsAfter(long after, String runId, int limit) {
        return events.stream().filter(e -> e.seq() > after && (runId == null || e.runId().equals(runId)))
                .limit(Math.max(0, limit)).toList();
    }

    @Override
    public synchronized long lastEventSeq() {
        return events.isEmpty() ? 0 : events.getLast().seq();
    }

    @Override
    public synchronized List<StepProcess> runningProcesses(String service, String environment) {
        return processes.values().stream().filter(p -> {
            RunRecord r = runs.get(p.runId());
            return r.service().equals(service) && r.environment().equals(environment) && r.finishedAt() == null
                    && steps.get(p.runId()).stream().anyMatch(s -> s.stepId().equals(p.stepId())
                    && s.state() == State.RUNNING);
        }).toList();
    }

    @Override
    public synchronized Optional<String> lastSucceededVersion(String service, String environment) {
        return runs.values().stream()
                .filter(r -> r.service().equals(service) && r.environment().equals(environment))
                .filter(r -> r.status() == RunStatus.SUCCEEDED && r.procedure().equals("deploy"))
                .max(Comparator.comparing(RunRecord::finishedAt)).map(RunRecord::version);
    }

    @Override
    public synchronized Optional<LiveVersion> live(String service, String environment) {
        return live.reversed().stream().filter(l -> l.service().equals(service)
                && l.environment().equals(environment)).findFirst();
    }

    @Override
    public synchronized Optional<EnvLock> tryLock(String service, String environment, String runId, String holder,
                                                  Instant now, Instant expiresAt) {
        EnvLock current = locks.get(key(service, environment));
        if (current != null && !current.expiredAt(now) && !current.runId().equals(runId)) {
            return Optional.of(current);
        }
        locks.put(key(service, environment), new EnvLock(service, environment, runId, holder, now, expiresAt));
        appendIfRunExists(runId, now, "lock.acquired", "locked " + service + "/" + environment + " for " + holder
                + " until " + expiresAt);
        return Optional.empty();
    }

    @Override
    public synchronized boolean renewLock(String service, String environment, String runId, Instant expiresAt) {
        EnvLock current = locks.get(key(service, environment));
        if (current == null || !current.runId().equals(runId)) {
            return false;
        }
        locks.put(key(service, environment), new EnvLock(service, environment, runId, current.holder(),
                current.acquiredAt(), expiresAt));
        return true;
    }

    @Override
    public synchronized void unlock(String service, String environment, String runId) {
        EnvLock current = locks.get(key(service, environment));
        if (current != null && current.runId().equals(runId)) {
            locks.remove(key(service, environment));
            appendIfRunExists(runId, clock.instant(), "lock.released", "released " + service + "/" + environment);
        }
    }

    @Override
    public synchronized Optional<EnvLock> lock(String service, String environment) {
        return Optional.ofNullable(locks.get(key(service, environment)));
    }

    @Override
    public synchronized Optional<EnvLock> forceUnlock(String service, String environment, String by, String reason,
                                                      Instant at) {
        Optional<EnvLock> held = Optional.ofNullable(locks.remove(key(service, environment)));
        held.ifPresent(l -> appendIfRunExists(l.runId(), at, "lock.forced", text(by, reason)));
        return held;
    }

    @Override
    public synchronized void requestCancel(String runId, String by, String reason, Instant at) {
        existing(runId);
        cancelRequests.put(runId, text(by, reason));
        append(runId, at, "run.cancel_requested", null, text(by, reason));
    }

    @Override
    public synchronized Optional<String> cancelRequest(String runId) {
        RunRecord run = runs.get(runId);
        return run == null || run.status().isFinal() ? Optional.empty()
                : Optional.ofNullable(cancelRequests.get(runId));
    }

    @Override
    public void close() {
    }

    private RunRecord existing(String runId) {
        RunRecord run = runs.get(runId);
        if (run == null) {
            throw new ShipshapeException(Code.NOT_FOUND, "no run " + runId + " in the store; check the run id");
        }
        return run;
    }

    private static int indexOf(List<String> names, String runId, String what, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new ShipshapeException(Code.NOT_FOUND, "run " + runId + " has no " + what + " '" + name + "'");
        }
        return i;
    }

    private void append(String runId, Instant at, String kind, String subject, String message) {
        events.add(new EventRecord(++seq, runId, at, kind, subject, message));
    }

    private void appendIfRunExists(String runId, Instant at, String kind, String message) {
        if (runs.containsKey(runId)) {
            append(runId, at, kind, null, message);
        }
    }

    private static String key(String service, String environment) {
        return service + "\n" + environment;
    }

    private static String text(String by, String reason) {
        return reason == null || reason.isBlank() ? by : by + ": " + reason;
    }

    @Override
    public synchronized List<RunRecord> runsMatching(RunSelection selection, RunPosition after, int limit) {
        return runs.values().stream().filter(selection::matches).filter(r -> after == null || after.precedes(r))
                .sorted(RunPosition.NEWEST_FIRST).limit(Math.max(0, limit)).toList();
    }
}
