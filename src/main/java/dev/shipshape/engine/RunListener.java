package dev.shipshape.engine;

import java.util.List;

/** Watches a run as it goes: every recorded change and every line of step output (redacted). */
public interface RunListener {

    void changed(Change change);

    void output(String stepId, String line);

    /**
     * This listener for the run {@code runId}: a standing listener (told about every run of an engine) that needs
     * to know whose output line it is told returns one bound to the run; by default it is itself.
     */
    default RunListener forRun(String runId) {
        return this;
    }

    RunListener NONE = new RunListener() {
        @Override
        public void changed(Change change) {
        }

        @Override
        public void output(String stepId, String line) {
        }
    };

    /** Tells each listener in turn, in the order given. */
    static RunListener all(List<RunListener> listeners) {
        List<RunListener> each = List.copyOf(listeners);
        return each.size() == 1 ? each.getFirst() : new RunListener() {
            @Override
            public void changed(Change change) {
                each.forEach(l -> l.changed(change));
            }

            @Override
            public void output(String stepId, String line) {
                each.forEach(l -> l.output(stepId, line));
            }
        };
    }
}
