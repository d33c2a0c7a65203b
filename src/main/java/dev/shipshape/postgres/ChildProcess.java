package dev.shipshape.postgres;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a PostgreSQL client program to its end, with extra environment variables (the password
 * travels there), collecting what it prints; stops it on timeout or cancellation.
 */
public final class ChildProcess {

    /** How it ended and what it printed (stdout and stderr together, last 64 KiB). */
    public record Result(int exitCode, String output, boolean timedOut, boolean cancelled) {
        public boolean succeeded() {
            return exitCode == 0 && !timedOut && !cancelled;
        }
    }

    private static final int KEEP = 64 * 1024;

    private ChildProcess() {
    }

    public static Result run(List<String> argv, Map<String, String> env, Path workdir, Duration timeout,
                             BooleanSupplier cancelled) {
        return run(argv, env, workdir, timeout, cancelled, null);
    }

    /**
     * As {@link #run(List, Map, Path, Duration, BooleanSupplier)}, but what the program writes on
     * stdout goes to {@code sink} as it comes (a dump streamed to its file while it is checksummed);
     * the result's output is then what it wrote on stderr. When writing to the sink fails, the
     * program is stopped and that failure is thrown (as an UncheckedIOException) once it has ended.
     */
    public static Result streamed(List<String> argv, Map<String, String> env, Duration timeout,
                                  BooleanSupplier cancelled, OutputStream sink) {
        return run(argv, env, null, timeout, cancelled, sink);
    }

    private static Result run(List<String> argv, Map<String, String> env, Path workdir, Duration timeout,
                              BooleanSupplier cancelled, OutputStream sink) {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(sink == null)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        if (workdir != null) {
            builder.directory(workdir.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ShipshapeException(Code.FAILED, "could not start " + argv.get(0) + ": " + e.getMessage());
        }
        CompletableFuture<String> output = reading(() -> tail(sink == null ? process.getInputStream()
                : process.getErrorStream()));
        CompletableFuture<String> copied = sink == null ? CompletableFuture.completedFuture(null)
                : reading(() -> copy(process, sink));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                boolean late = System.nanoTime() > deadline;
                if (late || cancelled.getAsBoolean()) {
                    stop(process);
                    copied.join();
                    return new Result(-1, output.join(), late, !late);
                }
            }
            String sinkFailure = copied.join();
            if (sinkFailure != null) {
                throw new UncheckedIOException(new IOException(sinkFailure));
            }
            return new Result(process.exitValue(), output.join(), false, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return new Result(-1, "", false, true);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
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
    private static String copy(Process process, OutputStream sink) {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = process.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                try {
                    sink.write(buffer, 0, n);
                } catch (IOException e) {
                    process.destroyForcibly();
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
