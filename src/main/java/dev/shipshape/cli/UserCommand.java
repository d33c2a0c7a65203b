package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.app.People;
import dev.shipshape.users.Role;
import dev.shipshape.users.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shipshape user ...}: the people who may act through Shipshape's server, with their roles. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Add, list and disable users.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class})
final class UserCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a user command is needed, e.g. 'shipshape user"
                + " list'");
    }

    private static People people(Context context, Options.StoreOption store) {
        return context.app.people(context.app.store(store.url));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Add a user with a role.",
            "Roles: viewer, deployer (also deploys), approver (also approves), admin (also manages users).",
            "With --password-stdin the password is read from standard input and only its Argon2id hash is kept."})
    static final class Add implements Callable<Integer> {
        private final Context context;
        @Mixin
        Options.StoreOption store;
        @Mixin
        Options.OutputOption output;
        @Parameters(index = "0", paramLabel = "NAME", description = "User name (lower-case letters, digits, . _ -)")
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, deployer, approver or admin")
        String role;
        @Option(names = "--password-stdin", description = "Read the password from standard input (one line)")
        boolean passwordStdin;

        Add(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            User.checkName(name);
            Role.of(role);
            People.Person added = people(context, store).add(new People.AddRequest(name, role,
                    passwordStdin ? password() : null));
            context.out.println(output.json() ? Json.write(added) : "added user " + name + " (" + added.role()
                    + (added.password() ? ", password set" : ", no password: tokens only") + ")");
            return ExitCode.SUCCEEDED;
        }

        /** The first line of standard input, without its line ending. */
        private String password() {
            try {
                String text = new String(context.in.readAllBytes(), StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                String line = end < 0 ? text : text.substring(0, end);
                return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            } catch (IOException e) {
                throw new ShipshapeException(Code.FAILED, "could not read the password from standard input: "
                        + e.getMessage());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users by name, with role and state.")
    static final class ListUsers implements Callable<Integer> {
        private static final String ROW = "%-20s %-9s %-9s %-8s %s";
        private final Context context;
        @Mixin
        Options.StoreOption store;
        @Mixin
        Options.OutputOption output;

        ListUsers(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<People.Person> users = people(context, store).all();
            if (output.json()) {
                context.out.println(Json.write(users));
            } else if (users.isEmpty()) {
                context.out.println("no users yet; add one with: shipshape user add NAME --role admin");
            } else {
                context.out.println(String.format(ROW, "NAME", "ROLE", "STATE", "PASSWORD", "CREATED (UTC)"));
                users.forEach(u -> context.out.println(String.format(ROW, u.name(), u.role(),
                        u.disabled() ? "disabled" : "enabled", u.password() ? "yes" : "no",
                        RunText.TIME.format(u.createdAt()))));
            }
            return ExitCode.SUCCEEDED;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a user: their tokens stop working at once. Users are never deleted.")
    static final class Disable implements Callable<Integer> {
        private final Context context;
        @Mixin
        Options.StoreOption store;
        @Mixin
        Options.OutputOption output;
        @Parameters(index = "0", paramLabel = "NAME", description = "User name")
        String name;

        Disable(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            People.Person user = people(context, store).disable(name);
            context.out.println(output.json() ? Json.write(user) : "disabled user " + name
                    + " (since " + RunText.TIME.format(user.disabledAt()) + " UTC)");
            return ExitCode.SUCCEEDED;
        }
    }
}
