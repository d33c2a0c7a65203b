package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.Problem;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Reports a command that failed: readable lines on stderr, never a stack trace; under
 * {@code --output json} also one error object on stdout, and nothing else there:
 * {@code {"error": {"code": ..., "message": ..., "details": {...}}}}, with the exit code of text mode.
 */
final class Failures {

    /** The error object; {@code message} is the line text mode prints after {@code shipshape: }. */
    record ErrorReport(Error error) {
        record Error(String code, String message, Map<String, Object> details) {
        }
    }

    private final Context context;

    Failures(Context context) {
        this.context = context;
    }

    /** picocli refused the command line: exit 2, with a "did you mean" for a mistyped command or option. */
    int usage(CommandLine.ParameterException e, boolean json) {
        Optional<Mistyped> mistyped = Mistyped.of(e);
        String message = mistyped.map(Mistyped::message).orElse(e.getMessage());
        String command = e.getCommandLine().getCommandSpec().qualifiedName(" ");
        context.err.println("shipshape: " + message);
        context.err.println("Run '" + command + " --help' for usage.");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("command", command);
        mistyped.ifPresent(m -> {
            details.put(m.kind(), m.word());
            if (m.suggestion() != null) {
                details.put("didYouMean", m.suggestion());
            }
        });
        return print(json, mistyped.map(m -> "unknown_" + m.kind()).orElse("usage"), message, details, ExitCode.USAGE);
    }

    /** A command stopped: its exception says why, and its code decides the exit code. */
    int failure(Exception e, boolean json) {
        if (e instanceof InvalidRunbookException invalid) {
            context.err.println("shipshape: " + invalid.getMessage());
            invalid.problems().stream().map(Problem::render).forEach(line -> context.err.println("  " + line));
            return print(json, "invalid_runbook", invalid.getMessage(), Map.of("problems", invalid.problems()),
                    ExitCode.USAGE);
        }
        if (e instanceof RefusedByGates refused) {
            context.err.println("shipshape: " + refused.getMessage());
            refused.lines().forEach(context.err::println);
            return print(json, "blocked", refused.getMessage(), Map.of("gates", refused.gates()), ExitCode.BLOCKED);
        }
        if (e instanceof ShipshapeException known) {
            context.err.println("shipshape: " + known.getMessage());
            return print(json, known.code().name().toLowerCase(Locale.ROOT), known.getMessage(), Map.of(),
                    ExitCode.of(known.code()));
        }
        String message = "unexpected error: " + e + " (this is a bug; please report it)";
        context.err.println("shipshape: " + message);
        return print(json, "internal", message, Map.of(), ExitCode.FAILED);
    }

    private int print(boolean json, String code, String message, Map<String, Object> details, int exitCode) {
        if (json) {
            context.out.println(Json.write(new ErrorReport(new ErrorReport.Error(code, message, details))));
        }
        context.out.flush();
        return exitCode;
    }
}
