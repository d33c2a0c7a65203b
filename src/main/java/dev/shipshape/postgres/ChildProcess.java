package dev.shipshape.postgres;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.processes.Launch;
import dev.shipshape.processes.Processes;
import dev.shipshape.processes.Spawned;
import dev.shipshape.time.Ticks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Runs a PostgreSQL client program to its end, with extra environment variables (the password
 * travels there), collecting what it prints; stops it (with whatever it started) on timeout or
 * cancellation. Programs start through the processes port, so they get a process group of their own.
 */
public final class ChildProcess {

    /** How it ended and what it printed (stdout and stderr together, last 64 KiB). */
    public record Result(int exitCode, String output, boolean timedOut, boolean cancelled) {
        public boolean succeeded() {
            return exitCode == 0 && !timedOut && !cancelled;
        }
    }

    private static final int KEEP = 64 * 1024;
    private static final Duration POLL = Duration.ofMillis(200);

    private final Processes processes;

    ChildProcess(Processes processes) {
        this.processes = processes;
    }

    public Result run(List<String> argv, Map<String, String> env, Path workdir, Duration timeout,
                      BooleanSupplier cancelled) {
        return run(argv, env, workdir, timeout, cancelled, null);
    }

    /**
     * As {@link #run(List, Map, Path, Duration, BooleanSupplier)}, but what the program writes on
     * stdout goes to {@code sink} as it comes (a dump streamed to its file while it is checksummed);
     * the result's output is then what it wrote on stderr. When writing to the sink fails, the
     * program is stopped and that failure is thrown (as an UncheckedIOException) once it has ended.
     */
    public Result streamed(List<String> argv, Map<String, String> env, Duration timeout,
                           BooleanSupplier cancelled, OutputStream sink) {
        return run(argv, env, null, timeout, cancelled, sink);
    }

    private Result run(List<String> argv, Map<String, String> env, Path workdir, Duration timeout,
                       BooleanSupplier cancelled, OutputStream sink) {
        Launch launch = Launch.of(argv, workdir, env);
        Spawned process;
        try {
            process = processes.start(sink == null ? launch : launch.withSeparateErrors());
        } catch (IOException e) {
            throw new ShipshapeException(Code.FAILED, "could not start " + argv.get(0) + ": " + e.getMessage());
        }
        CompletableFuture<String> output = reading(() -> tail(sink == null ? process.output() : process.errors()));
        CompletableFuture<String> copied = sink == null ? CompletableFuture.completedFuture(null)
                : reading(() -> copy(process, sink));
        long deadline = Ticks.SYSTEM.nanos() + timeout.toNanos();
        try {
            while (!process.waitFor(POLL)) {
                boolean late = Ticks.SYSTEM.nanos() > deadline;
                if (late || cancelled.getAsBoolean()) {
                    process.kill();
                    copied.join();
                    return new Result(-1, output.join(), late, !late);
                }
            }
            String sinkFailure = copied.join();
            if (sinkFailure != null) {
                throw new UncheckedIOException(new IOException(sinkFailure));
            }
            return new Result(process.exitCode(), output.join(), false, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.kill();
            return new Result(-1, "", false, true);
        }
    }

    /** Reads on a thread of its own: stdout and stderr must both be drained at once, or the program stalls. */
    private static CompletableFuture<String> reading(java.util.function.Supplier<String> read) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("child-output").start(() -> {
            try {
                result.complete(read.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Copies stdout to the sink; on a failed write stops the program and returns why (null when all went). */
    private static String copy(Spawned process, OutputStream sink) {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = process.output()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                try {
                    sink.write(buffer, 0, n);
                } catch (IOException e) {
                    process.kill();
                    return e.getMessage();
                }
            }
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static String tail(InputStream in) {
        try (in) {
            byte[] all = in.readAllBytes();
            int from = Math.max(0, all.length - KEEP);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
