package dev.shipshape.runbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A shell command ({@code run:}), run with bash.
 *
 * @param env       extra environment variables for the command
 * @param workdir   working directory, relative to the runbook's folder; null = that folder
 * @param exitCodes exit codes that count as success (default [0])
 */
public record RunStep(String command, Map<String, String> env, String workdir, List<Integer> exitCodes,
                      StepOptions options) implements Step {

    public RunStep {
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        exitCodes = exitCodes.isEmpty() ? List.of(0) : List.copyOf(exitCodes);
    }

    @Override
    public String kind() {
        return "run";
    }

    @Override
    public String summary() {
        return command;
    }

    @Override
    public boolean idempotentByDefault() {
        return false;
    }

    @Override
    public RunStep mapStrings(UnaryOperator<String> f) {
        Map<String, String> mapped = new LinkedHashMap<>();
        env.forEach((k, v) -> mapped.put(k, f.apply(v)));
        return new RunStep(f.apply(command), mapped, workdir == null ? null : f.apply(workdir), exitCodes,
                options.mapStrings(f));
    }
}
