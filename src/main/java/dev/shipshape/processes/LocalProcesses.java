package dev.shipshape.processes;

import dev.shipshape.time.Sleeper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts programs on this host, each in its own session and process group when util-linux
 * {@code setsid} exists (so that the whole tree can be signalled later); without it they share
 * this JVM's group and are stopped process by process.
 */
public final class LocalProcesses implements Processes {

    private static final List<Path> SETSID_LOCATIONS = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final Path setsid;
    private final Sleeper sleeper;

    /**
     * @param setsid  path to setsid, or null to start programs in the JVM's process group
     * @param sleeper gives a killed tree its grace period
     */
    public LocalProcesses(Path setsid, Sleeper sleeper) {
        this.setsid = setsid;
        this.sleeper = sleeper;
    }

    /** With setsid if it is installed. */
    public static LocalProcesses onThisHost(Sleeper sleeper) {
        return new LocalProcesses(SETSID_LOCATIONS.stream().filter(Files::isExecutable).findFirst().orElse(null),
                sleeper);
    }

    @Override
    public Spawned start(Launch launch) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(commandLine(launch.argv()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(!launch.separateErrors());
        if (launch.workdir() != null) {
            builder.directory(launch.workdir().toFile());
        }
        if (launch.replaceEnvironment()) {
            builder.environment().clear();
        }
        builder.environment().putAll(launch.environment());
        return new Spawned(builder.start(), setsid != null, sleeper);
    }

    private List<String> commandLine(List<String> argv) {
        // The JVM's child is never a group leader, so setsid calls setsid() and execs the program in
        // place: its pid is then also its process group id. --wait covers the case where it must fork.
        if (setsid == null) {
            return argv;
        }
        List<String> line = new ArrayList<>(List.of(setsid.toString(), "--wait"));
        line.addAll(argv);
        return line;
    }
}
