package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.Problem;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;

/** Entry point of the {@code shipshape} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Context context = new Context(Path.of("").toAbsolutePath(), System.getenv(), out, err,
                Terminal.detect(System.getenv()), Clock.systemUTC());
        int code = run(context, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line in the given context and returns its exit code. */
    static int run(Context context, String... args) {
        CommandLine cli = new CommandLine(new ShipshapeCommand(), factory(context));
        cli.setOut(context.out);
        cli.setErr(context.err);
        cli.setParameterExceptionHandler((e, a) -> {
            context.err.println("shipshape: " + e.getMessage());
            context.err.println("Run 'shipshape " + commandPath(e.getCommandLine()) + "--help' for usage.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> report(context, e));
        return cli.execute(args);
    }

    private static String commandPath(CommandLine command) {
        String path = command.getCommandSpec().qualifiedName(" ");
        String sub = path.startsWith("shipshape") ? path.substring("shipshape".length()).strip() : path;
        return sub.isEmpty() ? "" : sub + " ";
    }

    private static int report(Context context, Exception e) {
        if (e instanceof InvalidRunbookException invalid) {
            context.err.println("shipshape: " + invalid.getMessage());
            invalid.problems().stream().map(Problem::render).forEach(line -> context.err.println("  " + line));
            return ExitCode.USAGE;
        }
        if (e instanceof ShipshapeException known) {
            context.err.println("shipshape: " + known.getMessage());
            return ExitCode.of(known.code());
        }
        context.err.println("shipshape: unexpected error: " + e + " (this is a bug; please report it)");
        return ExitCode.FAILED;
    }

    /** Creates commands, handing the context to those that take it. */
    private static CommandLine.IFactory factory(Context context) {
        CommandLine.IFactory fallback = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                for (Constructor<?> c : type.getDeclaredConstructors()) {
                    if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Context.class) {
                        c.setAccessible(true);
                        return type.cast(c.newInstance(context));
                    }
                }
                return fallback.create(type);
            }
        };
    }
}
