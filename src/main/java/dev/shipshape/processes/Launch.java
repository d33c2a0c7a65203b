package dev.shipshape.processes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A program to start: its command line, folder and environment. Its stdin is always /dev/null (a
 * program waiting for input would hang the run).
 *
 * @param workdir            the folder it runs in, or null for this process's
 * @param environment        variables added to (or, when {@code replaceEnvironment}, replacing) this process's
 * @param separateErrors     whether stderr is read apart from stdout; otherwise both make one ordered stream
 */
public record Launch(List<String> argv, Path workdir, Map<String, String> environment, boolean replaceEnvironment,
                     boolean separateErrors) {

    public Launch {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }

    /** Stdout and stderr together, in this process's environment plus {@code environment}. */
    public static Launch of(List<String> argv, Path workdir, Map<String, String> environment) {
        return new Launch(argv, workdir, environment, false, false);
    }

    /** The same program with only {@code environment}, nothing inherited. */
    public Launch onlyWith(Map<String, String> environment) {
        return new Launch(argv, workdir, environment, true, separateErrors);
    }

    /** The same program with stderr read apart from stdout. */
    public Launch withSeparateErrors() {
        return new Launch(argv, workdir, environment, replaceEnvironment, true);
    }
}
