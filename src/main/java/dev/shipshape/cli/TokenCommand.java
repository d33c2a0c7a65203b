package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.app.ApiTokens;
import dev.shipshape.runbook.Durations;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shipshape token ...}: API tokens that let a user act through Shipshape's server. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Create, list and revoke API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a token command is needed, e.g. 'shipshape"
                + " token list'");
    }

    private static ApiTokens tokens(Context context, Options.StoreOption store) {
        return context.app.apiTokens(context.app.store(store.url));
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = {"Create a token for a user.",
            "The token is printed once and never again: only its SHA-256 is kept."})
    static final class Create implements Callable<Integer> {
        private final Context context;
        @Mixin
        Options.StoreOption store;
        @Mixin
        Options.OutputOption output;
        @Option(names = "--user", required = true, paramLabel = "NAME", description = "Whom the token acts for")
        String user;
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "What it is for, e.g. ci")
        String name;
        @Option(names = "--expires", defaultValue = "90d", paramLabel = "DURATION",
                description = "How long it works, e.g. 30d, 12h; at most 366d (default: ${DEFAULT-VALUE})")
        String expires;

        Create(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Duration validity = Durations.parse(expires).orElseThrow(() -> new ShipshapeException(Code.INVALID_INPUT,
                    "--expires: '" + expires + "' is not a duration; write e.g. 90d or 12h"));
            ApiTokens.Created t = tokens(context, store).create(new ApiTokens.CreateRequest(user, name, validity));
            if (output.json()) {
                context.out.println(Json.write(t));
            } else {
                context.out.println("created token " + t.id() + " (" + t.name() + ") for " + t.user() + ", expires "
                        + RunText.TIME.format(t.expiresAt()) + " UTC; copy it now, it is not shown again:");
                context.out.println(t.token());
            }
            return ExitCode.SUCCEEDED;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their values).")
    static final class ListTokens implements Callable<Integer> {
        private static final String ROW = "%-17s %-16s %-16s %-8s %-19s %s";
        private final Context context;
        @Mixin
        Options.StoreOption store;
        @Mixin
        Options.OutputOption output;
        @Option(names = "--user", paramLabel = "NAME", description = "Only this user's tokens")
        String user;

        ListTokens(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<ApiTokens.Listed> tokens = tokens(context, store).all(user);
            if (output.json()) {
                context.out.println(Json.write(tokens));
            } else if (tokens.isEmpty()) {
                context.out.println("no tokens yet; create one with: shipshape token create --user NAME --name ci");
            } else {
                context.out.println(String.format(ROW, "ID", "USER", "NAME", "STATE", "CREATED (UTC)", "EXPIRES (UTC)"));
                tokens.forEach(t -> context.out.println(String.format(ROW, t.id(), t.user(), t.name(),
                        t.state(), RunText.TIME.format(t.createdAt()),
                        RunText.TIME.format(t.expiresAt()))));
            }
            return ExitCode.SUCCEEDED;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token: it stops working at once.")
    static final class Revoke implements Callable<Integer> {
        private final Context context;
        @Mixin
        Options.StoreOption store;
        @Mixin
        Options.OutputOption output;
        @Parameters(index = "0", paramLabel = "ID", description = "The token's id, as token list shows it")
        String id;

        Revoke(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ApiTokens.Listed revoked = tokens(context, store).revoke(id);
            context.out.println(output.json() ? Json.write(revoked)
                    : "revoked token " + id + " (" + revoked.name() + ") of " + revoked.user());
            return ExitCode.SUCCEEDED;
        }
    }
}
