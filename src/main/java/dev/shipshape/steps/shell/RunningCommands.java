package dev.shipshape.steps.shell;

import dev.shipshape.processes.Spawned;
import dev.shipshape.time.Sleeper;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commands of {@code run:} steps this process is running now, so that a process that must exit
 * at once (a second Ctrl-C, a stop grace period that ran out) stops them first instead of leaving
 * them running.
 */
public final class RunningCommands {

    private static final Set<Spawned> TREES = ConcurrentHashMap.newKeySet();
    private static volatile boolean exiting;

    /** As good as forever for a thread that must never go on: the process halts long before. */
    private static final Duration FOREVER = Duration.ofDays(365);

    private RunningCommands() {
    }

    static void add(Spawned tree) {
        TREES.add(tree);
    }

    static void remove(Spawned tree) {
        TREES.remove(tree);
    }

    /**
     * Kills each running command's tree (SIGTERM, SIGKILL after two seconds) and waits for it, for a
     * process about to exit: the killed steps are not reported as failed, they stay running in the
     * store, so that resume treats them as interrupted.
     */
    public static void stopAll() {
        exiting = true;
        TREES.forEach(Spawned::kill);
    }

    /** Once the process is exiting, a step whose command was killed for it never reports back. */
    static void holdIfExiting() {
        while (exiting) {
            try {
                Sleeper.SYSTEM.pause(FOREVER);
            } catch (InterruptedException e) {
                // Keep holding: the process is about to halt.
            }
        }
    }
}
