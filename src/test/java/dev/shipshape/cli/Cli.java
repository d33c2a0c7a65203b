package dev.shipshape.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the real CLI in-process in a project folder, capturing what a user would see. */
final class Cli {

    /** What one command printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    final Path folder;
    final Map<String, String> env = new HashMap<>();
    /** The clock commands see (gates judge windows and soak by it); the system clock unless a test sets one. */
    Clock clock = Clock.systemUTC();
    /** What the next commands read on standard input (e.g. for {@code --password-stdin}); empty unless set. */
    String stdin = "";

    Cli(Path folder) {
        this.folder = folder;
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getenv().getOrDefault("HOME", "/tmp"));
        env.put("SHIPSHAPE_USER", "alice");
        env.put("CI", "true");
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = new Context(folder, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), new Terminal(false), clock);
        int code = Main.run(context, args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes a file in the project folder (parents created), executable when it ends in .sh. */
    Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        if (name.endsWith(".sh")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return file;
    }
}
