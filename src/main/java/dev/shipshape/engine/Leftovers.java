package dev.shipshape.engine;

import dev.shipshape.processes.ProcessGroup;
import java.time.Duration;
import java.util.Optional;

/**
 * What a dead engine left running: the process groups of steps still recorded as running in
 * unfinished runs of the environment. A resume, or a new run there, stops them before anything
 * else runs, and records it on both runs.
 */
final class Leftovers {

    /** How long a leftover group gets to exit after SIGTERM before SIGKILL. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final RunStore store;
    private final Journal journal;

    Leftovers(RunStore store, Journal journal) {
        this.store = store;
        this.journal = journal;
    }

    /** @return why the environment is not free: a group that survived SIGKILL; empty when nothing is left */
    Optional<String> stop(String service, String environment) {
        for (StepProcess process : store.runningProcesses(service, environment)) {
            if (!process.host().equals(ProcessIdentity.host())) {
                journal.note("process.elsewhere", describe(process) + " may still run on " + process.host()
                        + "; check there that it stopped");
                continue;
            }
            ProcessGroup group = new ProcessGroup(process.group());
            if (group.runsWith("SHIPSHAPE_RUN_ID", process.runId()) && !stop(process, group)) {
                return Optional.of(describe(process) + " is still running and survived SIGKILL; stop it (kill -KILL"
                        + " -- -" + process.group() + ") and try again");
            }
        }
        return Optional.empty();
    }

    private boolean stop(StepProcess process, ProcessGroup group) {
        int members = group.members().size();
        if (!group.stop(GRACE)) {
            return false;
        }
        String what = describe(process) + " was still running (" + members + " process" + (members == 1 ? "" : "es")
                + ") after its engine stopped; stopped it (SIGTERM, SIGKILL after " + GRACE.toSeconds() + "s) before"
                + " run " + journal.runId() + " went on";
        if (!process.runId().equals(journal.runId())) {
            store.record(new Change.Note(process.runId(), journal.clock().instant(), "process.stopped", what));
        }
        journal.note("process.stopped", what);
        return true;
    }

    private static String describe(StepProcess process) {
        return "step " + process.stepId() + " of run " + process.runId() + " (process group " + process.group() + ")";
    }
}
