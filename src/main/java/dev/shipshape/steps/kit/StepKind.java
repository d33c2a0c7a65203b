package dev.shipshape.steps.kit;

import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.yaml.StepSyntax;
import java.util.List;

/**
 * Everything about one kind of step in one place: how it is written (its reader and its part of the
 * JSON Schema), what the plan says about it, and how it runs. A new kind is a record in the runbook
 * package, a package of its own holding its {@code StepKind}, and one line in {@code StepKinds}.
 *
 * @param <S> the kind's record
 */
public interface StepKind<S extends Step> extends StepSyntax {

    Class<S> type();

    /** Lines the plan shows below the step's own line, without indent: {@code env NAME=***}. */
    default List<String> details(S step) {
        return List.of();
    }

    /** The resource {@code KEY.schema.json} beside the kind's class. */
    @Override
    default String schema() {
        return SchemaResource.read(getClass(), key() + ".schema.json");
    }

    /** The kind's executor, built once per engine from the services it needs. */
    KindExecutor<S> executor(StepServices services);

    /** {@link #details} of a step known to be of this kind. */
    default List<String> detailsOf(Step step) {
        return details(type().cast(step));
    }
}
