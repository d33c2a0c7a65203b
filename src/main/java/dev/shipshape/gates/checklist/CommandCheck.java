package dev.shipshape.gates.checklist;

import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.gates.ChecklistItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command that must exit 0 within its timeout; a hanging one is killed with its children. */
final class CommandCheck {

    private final Map<String, String> env;
    private final Path workdir;

    CommandCheck(Map<String, String> env, Path workdir) {
        this.env = env;
        this.workdir = workdir;
    }

    ItemResult check(ChecklistItem.Command item) {
        Path output = null;
        try {
            output = Files.createTempFile("shipshape-check", ".out");
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", item.command()).directory(workdir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(item.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return ItemResult.fail(item.name(), "run", "timed out after " + Durations.format(item.timeout()));
            }
            int code = process.exitValue();
            String last = lastLine(output);
            return new ItemResult(item.name(), "run", code == 0, "exit code " + code + last);
        } catch (IOException e) {
            return ItemResult.fail(item.name(), "run", "could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ItemResult.fail(item.name(), "run", "interrupted");
        } finally {
            delete(output);
        }
    }

    private static String lastLine(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output).stream().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : ": " + lines.getLast().strip();
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
