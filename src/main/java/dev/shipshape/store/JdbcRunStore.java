package dev.shipshape.store;

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
import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.StageRecord;
import dev.shipshape.engine.StepProcess;
import dev.shipshape.engine.StepRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The run store over plain JDBC, the same SQL for H2 and PostgreSQL. Each method is one
 * transaction on a pooled connection; the table classes only ever see that connection.
 */
final class JdbcRunStore implements RunStore {

    private final Database database;
    private final Leases leases;
    private final Clock clock;

    JdbcRunStore(Database database, Clock clock) {
        this.database = database;
        this.leases = new Leases(database);
        this.clock = clock;
    }

    @Override
    public void create(NewRun run) {
        try {
            database.transaction("create run " + run.runId(), connection -> {
                RunTable.insert(connection, run);
                StageTable.insert(connection, run.runId(), run.stages());
                StepTable.insert(connection, run.runId(), run.steps());
                EventLog.append(connection, run.runId(), run.createdAt(), "run.created", null,
                        run.procedureName() != null ? "procedure " + run.procedureName() + " " + run.service() + " in "
                                + run.environment()
                                : run.procedure() + " " + run.service() + " " + run.version() + " to " + run.environment());
                return null;
            });
        } catch (ShipshapeException e) {
            if (Database.isConflict(e) && run(run.runId()).isPresent()) {
                throw new ShipshapeException(Code.STORE, "run " + run.runId() + " already exists in the store; "
                        + "a new run needs a new id", e);
            }
            throw e;
        }
    }

    @Override
    public void record(Change change) {
        database.transaction("record " + describe(change), connection -> {
            ChangeRecorder.record(connection, change);
            return null;
        });
    }

    @Override
    public void stepOutput(String runId, String stepId, int attempt, String outputTail, long outputSize) {
        database.transaction("keep the output of step " + stepId + " of run " + runId,
                connection -> StepTable.output(connection, runId, stepId, attempt, outputTail, outputSize));
    }

    private static String describe(Change change) {
        return change.getClass().getSimpleName() + " of run " + change.runId();
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        return database.transaction("read run " + runId, connection -> RunTable.read(connection, runId));
    }

    @Override
    public List<RunRecord> runs(String service, String environment, int limit) {
        return database.transaction("list runs",
                connection -> RunTable.newestFirst(connection, service, environment, limit));
    }

    @Override
    public List<StageRecord> stages(String runId) {
        return database.transaction("read the stages of run " + runId,
                connection -> StageTable.read(connection, runId));
    }

    @Override
    public List<StepRecord> steps(String runId) {
        return database.transaction("read the steps of run " + runId, connection -> StepTable.read(connection, runId));
    }

    @Override
    public List<EventRecord> events(String runId) {
        return database.transaction("read the events of run " + runId,
                connection -> EventLog.read(connection, runId));
    }

    @Override
    public List<EventRecord> eventsAfter(long seq, String runId, int limit) {
        return database.transaction("read the events after " + seq,
                connection -> EventLog.after(connection, seq, runId, limit));
    }

    @Override
    public long lastEventSeq() {
        return database.transaction("read the last event seq", EventLog::lastSeq);
    }

    @Override
    public List<StepProcess> runningProcesses(String service, String environment) {
        return database.transaction("read the running step processes",
                connection -> ProcessTable.running(connection, service, environment));
    }

    @Override
    public Optional<String> lastSucceededVersion(String service, String environment) {
        return database.transaction("find the last succeeded version",
                connection -> RunTable.lastSucceededVersion(connection, service, environment));
    }

    @Override
    public Optional<LiveVersion> live(String service, String environment) {
        return database.transaction("read the version live in " + environment,
                connection -> LiveTable.current(connection, service, environment));
    }

    @Override
    public Optional<EnvLock> tryLock(String service, String environment, String runId, String holder, Instant now,
                                     Instant expiresAt) {
        return leases.tryLock(new EnvLock(service, environment, runId, holder, now, expiresAt));
    }

    @Override
    public boolean renewLock(String service, String environment, String runId, Instant expiresAt) {
        return leases.renew(service, environment, runId, expiresAt);
    }

    @Override
    public void unlock(String service, String environment, String runId) {
        leases.unlock(service, environment, runId, clock.instant());
    }

    @Override
    public Optional<EnvLock> lock(String service, String environment) {
        return leases.lock(service, environment);
    }

    @Override
    public Optional<EnvLock> forceUnlock(String service, String environment, String by, String reason, Instant at) {
        return leases.forceUnlock(service, environment, by, reason, at);
    }

    @Override
    public void requestCancel(String runId, String by, String reason, Instant at) {
        database.transaction("request cancelling run " + runId, connection -> {
            if (!CancelRequests.request(connection, runId, by, reason, at)) {
                throw ChangeRecorder.noRun(runId);
            }
            EventLog.append(connection, runId, at, "run.cancel_requested", null, CancelRequests.text(by, reason));
            return null;
        });
    }

    @Override
    public Optional<String> cancelRequest(String runId) {
        return database.transaction("read the cancel request of run " + runId,
                connection -> CancelRequests.pending(connection, runId));
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public List<RunRecord> runsMatching(RunSelection selection, RunPosition after, int limit) {
        return database.transaction("list runs", connection -> RunTable.matching(connection, selection, after, limit));
    }
}
