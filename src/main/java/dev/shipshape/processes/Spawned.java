package dev.shipshape.processes;

import dev.shipshape.time.Sleeper;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A started program: its output, its exit, and a way to stop it with everything it started.
 *
 * @param ownProcessGroup whether it leads a process group of its own (its pid is the group id)
 * @param sleeper         gives a killed tree its grace period
 */
public record Spawned(Process process, boolean ownProcessGroup, Sleeper sleeper) {

    public long pid() {
        return process.pid();
    }

    /** Stdout (with stderr unless the launch kept it apart). */
    public InputStream output() {
        return process.getInputStream();
    }

    /** Stderr, when the launch kept it apart from stdout. */
    public InputStream errors() {
        return process.getErrorStream();
    }

    /** Whether it exited within {@code timeout}. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public int exitCode() {
        return process.exitValue();
    }

    /** Alive and not a zombie (a killed process re-parented to init may stay a zombie for seconds). */
    public static boolean running(ProcessHandle process) {
        return ProcessTree.running(process);
    }

    /** SIGTERM to it and everything it started, up to two seconds to exit, then SIGKILL to what is left. */
    public void kill() {
        new ProcessTree(process, ownProcessGroup, sleeper).kill();
    }
}
