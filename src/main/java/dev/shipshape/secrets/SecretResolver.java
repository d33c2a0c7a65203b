package dev.shipshape.secrets;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.Secrets;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.Placeholders;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds the value of every {@code ${secret:NAME}} a plan uses: from the process environment
 * (variable {@code NAME}) or else from a secrets file. All are looked up before the run starts,
 * so a missing secret stops the run before anything happened.
 */
public final class SecretResolver {

    private final Map<String, String> env;
    private final Path secretsFile;

    /** @param secretsFile a {@code NAME=value} file with mode 0600; need not exist */
    public SecretResolver(Map<String, String> env, Path secretsFile) {
        this.env = Map.copyOf(env);
        this.secretsFile = secretsFile;
    }

    /**
     * The secrets of a plan, revealed in memory only.
     *
     * @throws ShipshapeException INVALID_INPUT naming every missing secret, or for an unsafe secrets file
     */
    public Secrets forPlan(Plan plan) {
        return forNames(namesUsedBy(plan));
    }

    /** The secrets that {@code texts} refer to (e.g. a database password outside any plan). */
    public Secrets forTexts(String... texts) {
        Set<String> names = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                Placeholders.find(text).stream().filter(p -> p.kind() == Placeholders.Kind.SECRET)
                        .forEach(p -> names.add(p.name()));
            }
        }
        return forNames(names);
    }

    private Secrets forNames(Set<String> names) {
        Map<String, String> fileValues = names.isEmpty() ? Map.of() : SecretsFile.read(secretsFile);
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String name : names) {
            String value = env.containsKey(name) ? env.get(name) : fileValues.get(name);
            if (value == null) {
                missing.add(name);
            } else {
                values.put(name, value);
            }
        }
        if (!missing.isEmpty()) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "secret " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " not set; export it or add NAME=value to "
                    + secretsFile + " (mode 0600)");
        }
        return new RevealedSecrets(values);
    }

    static Set<String> namesUsedBy(Plan plan) {
        Set<String> names = new LinkedHashSet<>();
        for (PlannedStep step : plan.allSteps()) {
            step.step().mapStrings(text -> {
                Placeholders.find(text).stream().filter(p -> p.kind() == Placeholders.Kind.SECRET)
                        .forEach(p -> names.add(p.name()));
                return text;
            });
        }
        return names;
    }
}
