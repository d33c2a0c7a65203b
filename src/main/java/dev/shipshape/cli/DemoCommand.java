package dev.shipshape.cli;

import dev.shipshape.demo.DemoWorkspace;
import dev.shipshape.sample.Faults;
import dev.shipshape.sample.SampleService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Shows Shipshape at work with nothing to set up: the sample service on loopback, a good release
 * that passes health, metric analysis and smoke tests, then a bad one that fails half of its
 * requests, which the analysis catches and Shipshape rolls back by itself.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Deploy a demo service twice: a good release, then a bad one that is rolled back.")
final class DemoCommand implements Callable<Integer> {

    static final String GOOD = "v1.0.0";
    static final String BAD = "v1.1.0";
    private final Context context;
    @Mixin
    Options.StoreOption store;

    DemoCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        DemoWorkspace workspace = new DemoWorkspace(context.cwd.resolve(Context.STORE_DIR).resolve("demo"));
        try (SampleService service = SampleService.start(0, "none", new Faults().failingRelease(BAD))) {
            workspace.write(service.baseUrl());
            context.out.println(context.terminal.bold("Shipshape demo") + ": shop-api on " + service.baseUrl()
                    + ", runbook " + RunbookFiles.shown(context, workspace.runbook()));
            context.out.println();
            context.out.println(context.terminal.bold("1/2 Deploying " + GOOD + " to staging") + " (a good release)");
            int first = deploy(workspace, GOOD);
            context.out.println();
            context.out.println(context.terminal.bold("2/2 Deploying " + BAD + " to staging")
                    + " (it fails half of its requests: the analysis catches it and Shipshape rolls back to " + GOOD + ")");
            int second = deploy(workspace, BAD);
            return summary(first, second);
        }
    }

    private int deploy(DemoWorkspace workspace, String version) {
        List<String> args = new ArrayList<>(List.of("deploy", workspace.runbook().toString(), "--env", "staging",
                "--version", version, "--secrets", workspace.secrets().toString()));
        if (store.url != null) {
            args.addAll(List.of("--store", store.url));
        }
        return Main.run(context, args.toArray(String[]::new));
    }

    private int summary(int first, int second) {
        context.out.println();
        if (first == ExitCode.SUCCEEDED && second == ExitCode.ROLLED_BACK) {
            context.out.println(context.terminal.ok() + " Demo done: " + GOOD + " went live; " + BAD
                    + " failed verification and was rolled back to " + GOOD + " automatically (exit code 3).");
            context.out.println("  Next: ./shipshape runs, ./shipshape show RUN_ID, ./shipshape logs RUN_ID");
            return ExitCode.SUCCEEDED;
        }
        context.out.println(context.terminal.fail() + " Demo did not go as expected (exit codes " + first + " and "
                + second + "; expected 0 and 3).");
        return ExitCode.FAILED;
    }
}
