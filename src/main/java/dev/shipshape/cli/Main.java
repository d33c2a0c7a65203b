package dev.shipshape.cli;

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
        Failures failures = new Failures(context);
        // picocli refuses a command line before it binds options, so the output format comes from the raw words
        cli.setParameterExceptionHandler((e, a) -> failures.usage(e, Options.OutputOption.requested(args)));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> failures.failure(e, Options.OutputOption.chosen(parsed)));
        cli.setExecutionStrategy(new AuditedExecution(context));
        return cli.execute(args);
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
