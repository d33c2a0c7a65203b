package dev.shipshape.processes;

import dev.shipshape.time.Sleeper;
import dev.shipshape.time.Ticks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A process group of this host, seen through {@code /proc}: the command of a {@code run:} step and
 * everything it started. Lets a later process find what a dead engine left running and stop it.
 */
public final class ProcessGroup {

    private static final Path PROC = Path.of("/proc");
    private static final Duration POLL = Duration.ofMillis(50);

    private final long id;

    public ProcessGroup(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    /** Members that still run (zombies, which run no more, are left out). */
    public List<Long> members() {
        try (Stream<Path> entries = Files.list(PROC)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).filter(this::isMember).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Whether a running member has {@code NAME=value} in its environment: tells the group of a step
     * (which gets {@code SHIPSHAPE_RUN_ID}) apart from an unrelated group that reused the id.
     */
    public boolean runsWith(String name, String value) {
        byte[] wanted = (name + "=" + value).getBytes(StandardCharsets.UTF_8);
        return members().stream().anyMatch(pid -> environmentHas(pid, wanted));
    }

    /** SIGTERM to the group, up to {@code grace} to exit, then SIGKILL. @return whether nothing runs any more */
    public boolean stop(Duration grace) {
        signal("TERM");
        if (awaitEmpty(grace)) {
            return true;
        }
        signal("KILL");
        return awaitEmpty(Duration.ofSeconds(2));
    }

    private boolean isMember(long pid) {
        return stat(pid).filter(f -> !f[0].equals("Z") && !f[0].equals("X") && Long.parseLong(f[2]) == id)
                .isPresent();
    }

    /** The fields of /proc/PID/stat after the command name: state, ppid, pgrp, ... */
    private static Optional<String[]> stat(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean environmentHas(long pid, byte[] wanted) {
        try {
            byte[] environ = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
            int start = 0;
            for (int i = 0; i <= environ.length; i++) {
                if (i == environ.length || environ[i] == 0) {
                    if (i - start == wanted.length && Arrays.equals(environ, start, i, wanted, 0,
                            wanted.length)) {
                        return true;
                    }
                    start = i + 1;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false; // gone, or not ours to read (another user's): not recognisably the step's
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + id).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(1, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No kill(1): signal each member we can see instead.
            members().forEach(pid -> ProcessHandle.of(pid).ifPresent(p -> {
                if (signal.equals("KILL")) {
                    p.destroyForcibly();
                } else {
                    p.destroy();
                }
            }));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean awaitEmpty(Duration patience) {
        long deadline = Ticks.SYSTEM.nanos() + patience.toNanos();
        while (!members().isEmpty()) {
            if (Ticks.SYSTEM.nanos() - deadline >= 0) {
                return false;
            }
            try {
                Sleeper.SYSTEM.pause(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return members().isEmpty();
            }
        }
        return true;
    }
}
