package dev.shipshape.engine;

/** Watches a run as it goes: every recorded change and every line of step output (redacted). */
public interface RunListener {

    void changed(Change change);

    void output(String stepId, String line);

    RunListener NONE = new RunListener() {
        @Override
        public void changed(Change change) {
        }

        @Override
        public void output(String stepId, String line) {
        }
    };
}
