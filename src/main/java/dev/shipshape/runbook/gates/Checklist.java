package dev.shipshape.runbook.gates;

import java.util.List;

/**
 * Pre-deployment checklist of an environment.
 *
 * @param strict every item must pass or the run is refused; otherwise failures are warnings
 */
public record Checklist(boolean strict, List<ChecklistItem> items) {

    public Checklist {
        items = List.copyOf(items);
    }
}
