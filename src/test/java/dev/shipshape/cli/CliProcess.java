package dev.shipshape.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the real CLI as a separate JVM in a project folder, for tests that kill or signal it. */
final class CliProcess {

    private CliProcess() {
    }

    /** Starts {@code shipshape ARGS} with CI=true; its output goes to {@code folder/<outputName>}. */
    static Process start(Path folder, String outputName, String... args) throws IOException {
        return start(folder, outputName, Map.of(), args);
    }

    /** As {@link #start(Path, String, String...)}, with more environment variables. */
    static Process start(Path folder, String outputName, Map<String, String> env, String... args)
            throws IOException {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBinary, "-cp", System.getProperty("java.class.path"),
                "dev.shipshape.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve(outputName).toFile());
        builder.environment().put("CI", "true");
        builder.environment().put("SHIPSHAPE_USER", "alice");
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Sends SIGTERM, as {@code timeout}, a cancelled CI job or systemd do. */
    static void terminate(Process process) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does. */
    static void interrupt(Process process) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }
}
