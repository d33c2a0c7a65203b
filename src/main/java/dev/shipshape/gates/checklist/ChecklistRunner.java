package dev.shipshape.gates.checklist;

import dev.shipshape.engine.SecretCommand;
import dev.shipshape.engine.Secrets;
import dev.shipshape.gates.SignOff;
import dev.shipshape.runbook.gates.Checklist;
import dev.shipshape.runbook.gates.ChecklistItem;
import dev.shipshape.runbook.gates.People;
import dev.shipshape.secrets.SecretResolver;
import dev.shipshape.http.SharedClient;
import dev.shipshape.processes.LocalProcesses;
import dev.shipshape.processes.Processes;
import dev.shipshape.time.Sleeper;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs a checklist's items one after the other and returns each item's outcome. An item never
 * throws: whatever goes wrong becomes its failure reason. Items may use {@code ${secret:NAME}}
 * (a JDBC URL with a password, a URL with a token): values are revealed only in the strings an item
 * uses, and every reason is redacted, so no value reaches the table, the store or a log.
 */
public final class ChecklistRunner {

    private final Map<String, String> env;
    private final Path workdir;
    private final Clock clock;
    private final People people;
    private final SecretResolver secrets;
    private final Processes processes;
    private final HttpCheck http;

    /**
     * @param env     the environment variables items check and commands run with
     * @param workdir where commands run (the runbook's folder)
     * @param secrets where the values of the items' secret references come from
     */
    public ChecklistRunner(Map<String, String> env, Path workdir, Clock clock, People people, SecretResolver secrets) {
        this(env, workdir, clock, people, secrets, LocalProcesses.onThisHost(Sleeper.SYSTEM),
                SharedClient.configured());
    }

    /**
     * @param processes starts the items' commands
     * @param http      sends the items' requests
     */
    public ChecklistRunner(Map<String, String> env, Path workdir, Clock clock, People people, SecretResolver secrets,
                           Processes processes, HttpClient http) {
        this.env = Map.copyOf(env);
        this.workdir = workdir;
        this.clock = clock;
        this.people = people;
        this.secrets = secrets;
        this.processes = processes;
        this.http = new HttpCheck(http);
    }

    /**
     * @param resolve  resolves references in the items' strings
     * @param signOffs the sign-offs recorded for this version in this environment
     * @param signHint how to sign an item off, with {@code ITEM} where the item's name goes
     * @throws dev.shipshape.ShipshapeException INVALID_INPUT before any item runs when a secret is not set
     */
    public List<ItemResult> run(Checklist checklist, UnaryOperator<String> resolve, List<SignOff> signOffs,
                                String signHint) {
        List<ChecklistItem> items = checklist.items().stream().map(i -> i.mapStrings(resolve)).toList();
        Secrets values = secrets.forTexts(texts(items));
        List<ItemResult> results = new ArrayList<>();
        for (ChecklistItem item : items) {
            ItemResult r = item instanceof ChecklistItem.Command command ? run(command, values)
                    : check(item.mapStrings(values::reveal), signOffs, signHint);
            results.add(new ItemResult(item.name(), r.kind(), r.passed(), values.redact(r.reason())));
        }
        return results;
    }

    private static String[] texts(List<ChecklistItem> items) {
        List<String> texts = new ArrayList<>();
        items.forEach(i -> i.mapStrings(t -> {
            texts.add(t);
            return t;
        }));
        return texts.toArray(String[]::new);
    }

    /** A command's secrets reach it through its environment, never its command line. */
    private ItemResult run(ChecklistItem.Command item, Secrets values) {
        SecretCommand command = SecretCommand.of(item.command(), values);
        Map<String, String> environment = new java.util.HashMap<>(env);
        environment.putAll(command.environment());
        return new CommandCheck(processes, environment, workdir)
                .check(new ChecklistItem.Command(item.name(), command.text(), item.timeout()));
    }

    private ItemResult check(ChecklistItem item, List<SignOff> signOffs, String signHint) {
        return switch (item) {
            case ChecklistItem.Command c -> new CommandCheck(processes, env, workdir).check(c);
            case ChecklistItem.Http h -> http.check(h);
            case ChecklistItem.Env e -> EnvCheck.check(e, env);
            case ChecklistItem.Tls t -> TlsCheck.check(t, clock.instant());
            case ChecklistItem.Sql s -> SqlCheck.check(s);
            case ChecklistItem.SignOff s -> signedOff(s, signOffs, signHint);
        };
    }

    private ItemResult signedOff(ChecklistItem.SignOff item, List<SignOff> signOffs, String signHint) {
        List<SignOff> counted = signOffs.stream().filter(s -> s.item().equals(item.name()) && s.once() == item.once())
                .filter(s -> people.allows(s.person(), item.by()))
                .filter(distinctPerson()).toList();
        String needs = (item.by().isEmpty() ? "anyone" : String.join(" or ", item.by()));
        if (counted.size() >= item.count()) {
            return ItemResult.pass(item.name(), "sign_off", "signed off" + (item.once() ? " once" : "") + " by "
                    + String.join(", ", counted.stream().map(this::describe).toList()));
        }
        String hint = signHint.replace("ITEM", "'" + item.name() + "'");
        if (item.once()) {
            hint = hint.replaceAll(" --version \\S+", "").replace("pass --version, then: ", "");
        }
        if (counted.isEmpty()) {
            return ItemResult.fail(item.name(), "sign_off", "not signed off yet; needs " + (item.count() > 1
                    ? item.count() + " people: " : "") + needs + (item.once() ? " (once)" : "") + ": " + hint);
        }
        return ItemResult.fail(item.name(), "sign_off", "signed off by " + counted.size() + " of " + item.count()
                + " (" + String.join(", ", counted.stream().map(s -> people.describe(s.person())).toList())
                + "); needs " + (item.count() - counted.size()) + " more: " + needs + ": " + hint);
    }

    private String describe(SignOff s) {
        return people.describe(s.person()) + " at " + s.at() + (s.comment() == null ? "" : ": " + s.comment());
    }

    private static java.util.function.Predicate<SignOff> distinctPerson() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return s -> seen.add(s.person());
    }
}
