package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.app.Deployments;
import dev.shipshape.app.GatesRefused;
import dev.shipshape.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Deploys a version to an environment by running the runbook's stages. */
@Command(name = "deploy",
        description = {"Run the runbook's stages for a version in an environment; roll back on failure.",
                "Exit: 0 succeeded, 1 failed, 2 invalid input, 3 failed and rolled back, 4 rollback failed,"
                        + " 5 refused by a gate."})
final class DeployCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.HelpOption help;
    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--env", required = true, description = "Environment to deploy to")
    String environment;
    @Option(names = "--version", required = true, description = "Version to deploy")
    String version;
    @Mixin
    Options.SecretsOption secretsOption;
    @Mixin
    Options.ConfirmSqlOption confirmSql;
    @Option(names = "--override-window", description = "Emergency: start outside the deployment windows (needs --reason;"
            + " in production also an approval)")
    boolean overrideWindow;
    @Option(names = "--reason", description = "Why the window is overridden (recorded and shown on the run)")
    String reason;
    @Mixin
    Options.ServerOption server;
    @Option(names = "--service", paramLabel = "NAME",
            description = "With --server: the service to deploy (default: the local runbook's service)")
    String service;
    @Option(names = "--cancel-on-interrupt", description = "With --server: Ctrl-C cancels the run instead of"
            + " detaching from it")
    boolean cancelOnInterrupt;

    DeployCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (overrideWindow && (reason == null || reason.isBlank())) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "--override-window needs --reason"
                    + " \"...\": say why the deployment cannot wait for the next window");
        }
        var remote = dev.shipshape.remote.ServerAddress.of(server.url, context.env);
        if (remote.isPresent()) {
            String name = service != null ? service : RunbookFiles.read(context, runbook).runbook().service();
            return new ServerDeploy(context, remote.get()).deploy(new ServerDeploy.Request(name, environment, version,
                    overrideWindow ? reason : null, confirmSql.confirmed, output.json(), cancelOnInterrupt));
        }
        RunbookFiles.Loaded loaded = RunbookFiles.read(context, runbook);
        try (Store opened = context.openStore(store.url)) {
            Deployments.RunResult result;
            try {
                result = context.app.deployments(opened).deploy(new Deployments.DeployRequest(RunbookFiles.of(loaded),
                        environment, version, overrideWindow ? reason : null, secretsOption.file, context.actor(),
                        new TerminalWatch(context, output.json()), confirmSql.confirmed));
            } catch (GatesRefused refused) {
                throw new RefusedByGates(refused);
            }
            return Outcomes.report(context, opened, result.outcome(), output.json());
        }
    }
}
