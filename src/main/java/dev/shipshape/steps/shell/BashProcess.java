package dev.shipshape.steps.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts {@code bash -c command} the way a step needs it: in its own session and process group when
 * {@code setsid} exists (so the whole tree can be killed later), stdin from /dev/null (a command
 * waiting for input would hang the run), stderr merged into stdout (one ordered stream).
 */
final class BashProcess {

    private static final List<Path> SETSID_LOCATIONS = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final String bash;
    private final Path setsid;

    /** Uses {@code bash} from the PATH and util-linux setsid if installed. */
    BashProcess() {
        this("bash", findSetsid());
    }

    /** @param setsid path to setsid, or null to run bash in the JVM's process group */
    BashProcess(String bash, Path setsid) {
        this.bash = bash;
        this.setsid = setsid;
    }

    /** Whether started processes lead their own process group, so that the group can be signalled. */
    boolean ownProcessGroup() {
        return setsid != null;
    }

    /** The program that runs commands, for messages. */
    String shell() {
        return bash;
    }

    Process start(String command, Path workdir, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(commandLine(command))
                .directory(workdir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start();
    }

    private List<String> commandLine(String command) {
        // The JVM's child is never a group leader, so setsid calls setsid() and execs bash in place:
        // bash's pid is then also its process group id. --wait covers the case where it must fork.
        return setsid == null
                ? List.of(bash, "-c", command)
                : List.of(setsid.toString(), "--wait", bash, "-c", command);
    }

    private static Path findSetsid() {
        return SETSID_LOCATIONS.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }
}
