package dev.shipshape.runbook.condition;

/** What a run recorded, for the references of its conditions. */
@FunctionalInterface
public interface Facts {

    /** The value of a reference, or why there is none (the step was skipped, its answer was not JSON). */
    Lookup value(Reference reference);

    /** A value, or why there is none. */
    record Lookup(Value value, String missing) {

        public static Lookup of(Value value) {
            return new Lookup(value, null);
        }

        public static Lookup none(String why) {
            return new Lookup(null, why);
        }
    }
}
