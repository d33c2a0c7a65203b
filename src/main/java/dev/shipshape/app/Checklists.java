package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.gates.GateResult;
import dev.shipshape.gates.SignOff;
import dev.shipshape.gates.Verdict;
import dev.shipshape.gates.checklist.ChecklistGate;
import dev.shipshape.gates.checklist.ChecklistRunner;
import dev.shipshape.gates.checklist.ItemResult;
import dev.shipshape.plan.Planner;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.gates.Checklist;
import dev.shipshape.runbook.gates.ChecklistItem;
import java.nio.file.Path;
import java.util.List;

/** An environment's pre-deployment checklist: run alone, and its manual items signed off. */
public final class Checklists {

    /**
     * @param version     the version the checklist is for (sign-offs are per version), or null
     * @param secretsFile the secrets file asked for, or null for {@code .shipshape/secrets}
     */
    public record ChecklistRequest(Runbooks.Loaded runbook, String environment, String version, Path secretsFile) {
    }

    /** Each item's outcome and the checklist gate's decision. */
    public record ChecklistResult(String environment, String version, boolean strict, List<ItemResult> items,
                                  GateResult gate) {

        /** A strict checklist with a failed item blocks a deployment. */
        public boolean blocks() {
            return gate.verdict() == Verdict.BLOCK;
        }

        public boolean allPassed() {
            return items.stream().allMatch(ItemResult::passed);
        }
    }

    public record SignOffRequest(Runbooks.Loaded runbook, String environment, String version, String item,
                                 String comment, Actor actor) {
    }

    /**
     * @param version the version signed off for; null for an item signed off once, for every version
     * @param by      who signed off, as the runbook's people describe them
     */
    public record SignedOff(String service, String environment, String version, String item, String by,
                            String comment) {
    }

    private final Shipshape app;
    private final StoreAccess store;

    Checklists(Shipshape app, StoreAccess store) {
        this.app = app;
        this.store = store;
    }

    /** How a manual item is signed off, as the checklist's results say. */
    public static String signHint(String environment, String version) {
        return "shipshape checklist --env " + environment + " --version " + version + " --sign ITEM";
    }

    /**
     * Runs every item now; manual items count as signed off when the store has enough sign-offs for the version
     * (or, for items signed off once, for any version).
     *
     * @throws ShipshapeException INVALID_INPUT for an unknown environment, NOT_FOUND when it has no checklist
     */
    public ChecklistResult run(ChecklistRequest request) {
        Runbook rb = request.runbook().runbook();
        String environment = request.environment();
        String version = request.version();
        Checklist checklist = checklist(request.runbook(), environment);
        List<SignOff> signOffs = store.readIfExists(s -> s.gates()
                .signOffsFor(rb.service(), environment, version)).orElse(List.of());
        var resolve = new Planner(app.settings().env()).resolver(rb, environment, version == null ? "" : version,
                null);
        Shipshape.Settings settings = app.settings();
        List<ItemResult> items = new ChecklistRunner(settings.env(), request.runbook().path().toAbsolutePath()
                .getParent(), settings.clock(), rb.people(), app.secrets(request.secretsFile()),
                settings.processes(), settings.http())
                .run(checklist, resolve, signOffs, version == null ? "pass --version, then: "
                        + signHint(environment, "VERSION") : signHint(environment, version));
        return new ChecklistResult(environment, version, checklist.strict(), items,
                ChecklistGate.decide(checklist, items));
    }

    /**
     * Records the actor's sign-off of a manual item for a version (for every version when the item is signed off once).
     *
     * @throws ShipshapeException INVALID_INPUT without a version, NOT_FOUND for an unknown item, FAILED when the
     *                            actor has none of the item's roles (nothing is recorded then)
     */
    public SignedOff signOff(SignOffRequest request) {
        Runbook rb = request.runbook().runbook();
        Checklist checklist = checklist(request.runbook(), request.environment());
        String sign = request.item();
        ChecklistItem.SignOff item = checklist.items().stream()
                .filter(i -> i instanceof ChecklistItem.SignOff && i.name().equals(sign))
                .map(ChecklistItem.SignOff.class::cast).findFirst()
                .orElseThrow(() -> new ShipshapeException(ShipshapeException.Code.NOT_FOUND, "no manual item '" + sign
                        + "' in the checklist of " + request.environment() + "; manual items: " + String.join(", ",
                        checklist.items().stream().filter(i -> i instanceof ChecklistItem.SignOff)
                                .map(ChecklistItem::name).toList())));
        if (request.version() == null && !item.once()) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "--sign needs --version: a sign-off"
                    + " of '" + sign + "' is for one version");
        }
        String version = item.once() ? SignOff.ONCE : request.version();
        String person = request.actor().name();
        if (!rb.people().allows(person, item.by())) {
            throw new ShipshapeException(ShipshapeException.Code.FAILED, person + " may not sign off '" + sign
                    + "': needs " + String.join(" or ", item.by()) + "; nothing was recorded");
        }
        store.use(s -> {
            s.gates().signOff(new SignOff(rb.service(), request.environment(), version, sign, person,
                    request.comment(), app.settings().clock().instant()));
            return null;
        });
        return new SignedOff(rb.service(), request.environment(), item.once() ? null : version, sign,
                rb.people().describe(person), request.comment());
    }

    private Checklist checklist(Runbooks.Loaded loaded, String environment) {
        Runbook rb = loaded.runbook();
        if (rb.environment(environment).isEmpty()) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "environment '" + environment
                    + "' is not defined in " + app.runbooks().shown(loaded.path()) + "; defined: "
                    + String.join(", ", rb.environments().keySet()));
        }
        return rb.environment(environment).flatMap(e -> e.gates().checklistIfAny())
                .orElseThrow(() -> new ShipshapeException(ShipshapeException.Code.NOT_FOUND, "environment '"
                        + environment + "' has no checklist in " + app.runbooks().shown(loaded.path())));
    }
}
