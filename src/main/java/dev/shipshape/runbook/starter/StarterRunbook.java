package dev.shipshape.runbook.starter;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text of a starter {@code shipshape.yaml}: a deploy stage with its rollback, a health check,
 * a sign-off before production, and comments that explain each part. It validates as written.
 */
public final class StarterRunbook {

    /** Scalars YAML could read as something other than text (YAML 1.1 booleans and null). */
    private static final Set<String> NOT_TEXT = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");

    private StarterRunbook() {
    }

    /** The runbook for {@code starter}, ready to write to a file. */
    public static String text(Starter starter) {
        return header(starter) + environments(starter) + people(starter) + stages();
    }

    private static String header(Starter starter) {
        String first = starter.environments().getFirst();
        return """
                # The deployment runbook of %1$s, written by `shipshape init`. Edit it to fit; then check it,
                # see what a deployment would run (nothing is run) and run one:
                #   shipshape validate
                #   shipshape plan --env %2$s --version v1.0.0
                #   shipshape deploy --env %2$s --version v1.0.0
                # Every key is described under "Runbook reference" in Shipshape's README.

                # The service's name: runs, locks and the live version are kept per service and environment.
                service: %3$s

                # Where the service is deployed, in the order a version goes through them. Each environment has
                # its own variables (vars:, used as ${vars.NAME}) and may have gates a deployment must pass
                # before it starts: windows, promote_from with soak, a checklist.
                environments:
                """.formatted(starter.service(), first, yaml(starter.service()));
    }

    private static String environments(Starter starter) {
        StringBuilder text = new StringBuilder();
        for (String name : starter.environments()) {
            text.append("  ").append(yaml(name)).append(":\n")
                    .append("    vars:\n")
                    .append("      HEALTH_URL: ").append(quoted(starter.healthUrl()))
                    .append("   # where ").append(name).append(" answers whether the service is healthy\n");
            if (starter.approvalEnvironment().filter(name::equals).isPresent()) {
                text.append(approval(name, starter.environments()));
            }
        }
        return text.toString();
    }

    private static String approval(String name, java.util.List<String> environments) {
        String before = environments.indexOf(name) > 0 ? environments.get(environments.indexOf(name) - 1) : null;
        String promotion = before == null ? "" : """
                    # To deploy here only versions that ran well in %s for a day, add:
                    #   promote_from: %s
                    #   soak: 24h
                """.formatted(before, yaml(before));
        return """
                    # A person's approval before each deployment: a strict checklist refuses the deployment
                    # (exit 5) until every item passes; this item passes once someone with the role 'lead'
                    # (see people: below) has signed the version off:
                    #   shipshape checklist --env %s --version v1.0.0 --sign "release approved"
                    checklist:
                      strict: true
                      items:
                        - name: release approved
                          sign_off: [lead]
                """.formatted(name) + promotion;
    }

    private static String people(Starter starter) {
        if (starter.approvalEnvironment().isEmpty()) {
            return "\n";
        }
        return """

                # Who has which roles, for approvals and sign-offs: add your team.
                people:
                  %s: [lead]

                """.formatted(yaml(starter.approver()));
    }

    private static String stages() {
        return """
                # Stages run in order. When a step fails, its stage and every earlier one are undone by their
                # rollback: steps, latest first, and the deployment ends "rolled back" (exit 3).
                stages:
                  - name: deploy
                    steps:
                      # A run: step is a bash command, run from this file's folder; replace it with your own.
                      # ${environment} and ${version} are the values given to `shipshape deploy`.
                      - run: ./scripts/deploy.sh ${environment} ${version}
                        timeout: 10m
                        env:
                          # A secret: read from the environment variable DEPLOY_TOKEN or from .shipshape/secrets
                          # (NAME=value lines, mode 0600) when the run starts, and masked as *** everywhere.
                          DEPLOY_TOKEN: ${secret:DEPLOY_TOKEN}
                    # What undoes this stage: deploy again the version that was live before this deployment
                    # (${previous_version}), with the same environment as the deploy step. On a first
                    # deployment nothing was live, so there is nothing to roll back to and this is skipped.
                    rollback:
                      - run: ./scripts/deploy.sh ${environment} ${previous_version}
                        timeout: 10m
                        env:
                          DEPLOY_TOKEN: ${secret:DEPLOY_TOKEN}

                  - name: verify
                    steps:
                      # Polls the environment's health URL until it answers healthy (a 2xx status and, in JSON,
                      # a healthy status), for at most 2 minutes; if it never does, the deploy stage is undone.
                      - health: ${vars.HEALTH_URL}
                        within: 2m
                """;
    }

    /** A name as YAML text: plain when YAML reads it as text, else double-quoted. */
    static String yaml(String value) {
        boolean plain = PLAIN.matcher(value).matches() && !NOT_TEXT.contains(value.toLowerCase(Locale.ROOT));
        return plain ? value : quoted(value);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
