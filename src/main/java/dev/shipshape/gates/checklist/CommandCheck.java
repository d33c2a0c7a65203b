package dev.shipshape.gates.checklist;

import dev.shipshape.processes.Launch;
import dev.shipshape.processes.Processes;
import dev.shipshape.processes.Spawned;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.gates.ChecklistItem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A command that must exit 0 within its timeout; a hanging one is killed with its children. */
final class CommandCheck {

    /** How long to wait for the last of the output once the command exited (a background child may hold it open). */
    private static final long OUTPUT_PATIENCE_SECONDS = 2;

    private final Processes processes;
    private final Map<String, String> env;
    private final Path workdir;

    /** @param env the command's whole environment (nothing else is inherited) */
    CommandCheck(Processes processes, Map<String, String> env, Path workdir) {
        this.processes = processes;
        this.env = env;
        this.workdir = workdir;
    }

    ItemResult check(ChecklistItem.Command item) {
        try {
            Spawned process = processes.start(Launch.of(List.of("bash", "-c", item.command()), workdir, env)
                    .onlyWith(env));
            CompletableFuture<String> last = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("check-output").start(() -> last.complete(lastLine(process)));
            if (!process.waitFor(item.timeout())) {
                process.kill();
                return ItemResult.fail(item.name(), "run", "timed out after " + Durations.format(item.timeout()));
            }
            return new ItemResult(item.name(), "run", process.exitCode() == 0,
                    "exit code " + process.exitCode() + last.completeOnTimeout("", OUTPUT_PATIENCE_SECONDS,
                    TimeUnit.SECONDS).join());
        } catch (IOException e) {
            return ItemResult.fail(item.name(), "run", "could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ItemResult.fail(item.name(), "run", "interrupted");
        }
    }

    /** The last non-blank line it printed, as ": line", or nothing. */
    private static String lastLine(Spawned process) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.output(),
                StandardCharsets.UTF_8))) {
            String last = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    last = line;
                }
            }
            return last == null ? "" : ": " + last.strip();
        } catch (IOException e) {
            return "";
        }
    }
}
