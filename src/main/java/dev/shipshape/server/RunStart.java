package dev.shipshape.server;

import dev.shipshape.gates.GateResult;

/** What a use case started in the background had come to when its caller is answered. */
sealed interface RunStart {

    /** The run exists (it is recorded) and goes on in the background. */
    record Began(String runId) implements RunStart {
    }

    /** The use case ended without starting a run (a rollback that needs confirmation): its result. */
    record Ended(Object result) implements RunStart {
    }

    /** The deployment waits for its window to open before its run starts. */
    record WaitingForWindow(GateResult window) implements RunStart {
    }
}
