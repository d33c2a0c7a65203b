package dev.shipshape.steps.shell;

import dev.shipshape.processes.Launch;
import dev.shipshape.processes.LocalProcesses;
import dev.shipshape.processes.Processes;
import dev.shipshape.processes.Spawned;
import dev.shipshape.time.Sleeper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts {@code bash -c command} the way a step needs it, through the processes port: in its own
 * process group where the host allows it (so the whole tree can be killed later), stdin from
 * /dev/null, stderr merged into stdout (one ordered stream).
 */
final class BashProcess {

    private final String bash;
    private final Processes processes;

    /** Uses {@code bash} from the PATH. */
    BashProcess(Processes processes) {
        this("bash", processes);
    }

    /** @param setsid path to setsid, or null to run bash in the JVM's process group */
    BashProcess(String bash, Path setsid) {
        this(bash, new LocalProcesses(setsid, Sleeper.SYSTEM));
    }

    private BashProcess(String bash, Processes processes) {
        this.bash = bash;
        this.processes = processes;
    }

    /** The program that runs commands, for messages. */
    String shell() {
        return bash;
    }

    Spawned start(String command, Path workdir, Map<String, String> environment) throws IOException {
        return processes.start(Launch.of(List.of(bash, "-c", command), workdir, environment));
    }
}
