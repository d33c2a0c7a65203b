package dev.shipshape.postgres;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.processes.Processes;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the PostgreSQL client programs (pg_dump, pg_restore) that fit a server: from
 * {@code SHIPSHAPE_PG_BIN}, else Debian's {@code /usr/lib/postgresql/MAJOR/bin} for the server's
 * major version, else {@code PATH}. pg_dump refuses servers newer than itself, so an older one is
 * reported before anything starts, with what to install.
 */
public final class PgTools {

    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?");
    private final Map<String, String> env;
    private final Path debianRoot;
    private final ChildProcess programs;

    /**
     * @param env       where {@code SHIPSHAPE_PG_BIN} and {@code PATH} are read
     * @param processes starts the programs
     */
    public PgTools(Map<String, String> env, Processes processes) {
        this(env, Path.of("/usr/lib/postgresql"), processes);
    }

    PgTools(Map<String, String> env, Path debianRoot, Processes processes) {
        this.env = Map.copyOf(env);
        this.debianRoot = debianRoot;
        this.programs = new ChildProcess(processes);
    }

    /** Runs the client programs found here. */
    public ChildProcess programs() {
        return programs;
    }

    /**
     * The program for a server of {@code serverMajor}.
     *
     * @throws ShipshapeException FAILED when it is missing or older than the server
     */
    public Path find(String program, int serverMajor) {
        Path found = candidates(program, serverMajor).stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new ShipshapeException(Code.FAILED, program + " not found (looked in "
                        + String.join(", ", candidates(program, serverMajor).stream().map(p -> p.getParent()
                        .toString()).distinct().toList()) + "); install the PostgreSQL " + serverMajor
                        + " client (apt-get install postgresql-client-" + serverMajor + ") or set SHIPSHAPE_PG_BIN"));
        int toolMajor = majorOf(found);
        if (toolMajor < serverMajor) {
            throw new ShipshapeException(Code.FAILED, found + " is version " + toolMajor + " but the server runs "
                    + "PostgreSQL " + serverMajor + "; " + program + " cannot dump or restore a newer server: install "
                    + "postgresql-client-" + serverMajor + " or point SHIPSHAPE_PG_BIN at its bin folder");
        }
        return found;
    }

    private List<Path> candidates(String program, int serverMajor) {
        List<Path> out = new ArrayList<>();
        Optional.ofNullable(env.get("SHIPSHAPE_PG_BIN")).filter(s -> !s.isBlank())
                .ifPresent(bin -> out.add(Path.of(bin, program)));
        out.add(debianRoot.resolve(String.valueOf(serverMajor)).resolve("bin").resolve(program));
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                out.add(Path.of(dir, program));
            }
        }
        return out;
    }

    /** The major version a program reports with {@code --version}, e.g. 15 for "pg_dump (PostgreSQL) 15.8". */
    int majorOf(Path program) {
        ChildProcess.Result result = programs.run(List.of(program.toString(), "--version"), Map.of(), null,
                java.time.Duration.ofSeconds(10), () -> false);
        return parseMajor(result.output()).orElseThrow(() -> new ShipshapeException(Code.FAILED, "could not read "
                + "the version of " + program + " (it printed: " + result.output().strip() + ")"));
    }

    static Optional<Integer> parseMajor(String versionText) {
        Matcher m = VERSION.matcher(versionText.replaceFirst("^[^0-9]*", ""));
        return m.lookingAt() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
