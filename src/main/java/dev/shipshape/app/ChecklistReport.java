package dev.shipshape.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipshape.gates.checklist.ItemResult;
import java.util.List;

/**
 * A checklist's run as machines read it ({@code checklist --output json}, the server's checklist route): each item's
 * outcome, then the gate's verdict and reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChecklistReport(String environment, String version, boolean strict, List<ItemResult> items,
                              String verdict, String reason) {

    public static ChecklistReport of(Checklists.ChecklistResult result) {
        return new ChecklistReport(result.environment(), result.version(), result.strict(), result.items(),
                result.gate().verdict().label(), result.gate().reason());
    }
}
