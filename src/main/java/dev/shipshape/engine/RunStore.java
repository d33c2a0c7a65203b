package dev.shipshape.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where runs are recorded. Every method is one transaction: after it returns the data is durable
 * (survives {@code kill -9}); when it throws, nothing of it was written.
 * Implemented by the store package for H2 and PostgreSQL.
 */
public interface RunStore extends AutoCloseable {

    /** Writes a new run with its stages and steps, all pending. */
    void create(NewRun run);

    /** Writes the state a change describes and appends its event, atomically. */
    void record(Change change);

    /**
     * Keeps the output seen so far of a running attempt of a step (its tail, redacted, and the bytes
     * seen in total), so that another process can follow it. Does nothing once that attempt is over.
     */
    void stepOutput(String runId, String stepId, int attempt, String outputTail, long outputSize);

    Optional<RunRecord> run(String runId);

    /** Runs, newest first, optionally filtered (null = any). */
    List<RunRecord> runs(String service, String environment, int limit);

    List<StageRecord> stages(String runId);

    /** Steps in plan order. */
    List<StepRecord> steps(String runId);

    /** Events in the order they were written. */
    List<EventRecord> events(String runId);

    /**
     * Events written after {@code seq}, in order of {@code seq}, at most {@code limit}: what a follower of
     * the store reads next. Seqs are handed out when an event is inserted but become visible when its
     * transaction commits, so a later seq may be seen before an earlier one (see {@code app.EventFeed}).
     *
     * @param runId only this run's events, or null for those of every run
     */
    List<EventRecord> eventsAfter(long seq, String runId, int limit);

    /** The highest seq written so far, 0 when there is no event: where a follower starting "from now" begins. */
    long lastEventSeq();

    /**
     * The recorded processes of steps that are still recorded as running, in unfinished runs of this
     * service and environment: what a dead engine may have left behind.
     */
    List<StepProcess> runningProcesses(String service, String environment);

    /** The version of the latest run that succeeded in this environment, if any. */
    Optional<String> lastSucceededVersion(String service, String environment);

    /** The version live in this environment (last deployed, or returned to by a rollback), if any. */
    Optional<LiveVersion> live(String service, String environment);

    /**
     * Takes the environment lock for {@code runId} when it is free, expired, or already held by the
     * same run; otherwise returns the lock that is in the way and changes nothing.
     *
     * @return empty when taken; the blocking lock otherwise
     */
    Optional<EnvLock> tryLock(String service, String environment, String runId, String holder, Instant now,
                              Instant expiresAt);

    /** Extends the lease if {@code runId} still holds it; false when it does not any more. */
    boolean renewLock(String service, String environment, String runId, Instant expiresAt);

    /** Releases the lock if {@code runId} holds it. */
    void unlock(String service, String environment, String runId);

    Optional<EnvLock> lock(String service, String environment);

    /** Removes the lock whoever holds it, recording who and why as an event of the run that held it. */
    Optional<EnvLock> forceUnlock(String service, String environment, String by, String reason, Instant at);

    /** Asks a running run to stop (recorded as an event); the engine polls {@link #cancelRequest}. */
    void requestCancel(String runId, String by, String reason, Instant at);

    /**
     * The pending cancel request's text ("by: reason"), if any. A request is cleared when the run
     * is recorded as halted or with a final status.
     */
    Optional<String> cancelRequest(String runId);

    @Override
    void close();

    /**
     * The runs the selection asks for, newest first (by start, then by run id), at most {@code limit}; with
     * {@code after}, only those that come after that position in this order (null: from the newest).
     */
    List<RunRecord> runsMatching(RunSelection selection, RunPosition after, int limit);
}
