package dev.shipshape.processes;

import java.io.IOException;
import java.nio.file.Files;
import dev.shipshape.time.Sleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills a started command with everything it started. Killing only bash would leave its children
 * (a migration, a {@code sleep}, a background job) running after the step is reported stopped.
 */
final class ProcessTree {

    private static final Duration GRACE = Duration.ofSeconds(2);

    private final Process root;
    private final boolean ownProcessGroup;
    private final Sleeper sleeper;

    /** @param ownProcessGroup whether {@code root} leads its own process group (started with setsid) */
    ProcessTree(Process root, boolean ownProcessGroup, Sleeper sleeper) {
        this.root = root;
        this.ownProcessGroup = ownProcessGroup;
        this.sleeper = sleeper;
    }

    /** SIGTERM to the tree, up to two seconds to exit, then SIGKILL to whatever is left. */
    void kill() {
        // Look at the descendants first: once their parent dies they are re-parented and lost from view.
        List<ProcessHandle> members = members();
        signalGroup("TERM");
        members.forEach(ProcessHandle::destroy);
        awaitExit(members);
        signalGroup("KILL");
        members.addAll(members());
        members.forEach(ProcessHandle::destroyForcibly);
    }

    private List<ProcessHandle> members() {
        List<ProcessHandle> members = new ArrayList<>();
        members.add(root.toHandle());
        root.descendants().forEach(members::add);
        return members;
    }

    private void signalGroup(String signal) {
        // Only a group of our own: without setsid, bash shares the JVM's group, which must survive.
        if (!ownProcessGroup) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + root.pid())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(1, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No kill(1): the per-process signals below still reach every process we can see.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Alive and not a zombie. A killed process whose parent died too is re-parented to init, and
     * stays a zombie until init reaps it, which in some containers takes seconds. It runs no more.
     */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux), or the process vanished while we looked: trust isAlive.
            return process.isAlive();
        }
    }

    private void awaitExit(List<ProcessHandle> members) {
        sleeper.sleep(GRACE, () -> members.stream().noneMatch(ProcessTree::running)
                || Thread.currentThread().isInterrupted());
    }
}
