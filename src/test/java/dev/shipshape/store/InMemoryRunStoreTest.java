package dev.shipshape.store;

import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.testkit.InMemoryRunStore;
import dev.shipshape.engine.testkit.ManualClock;

/** The engine tests' in-memory store keeps the same contract as the real stores. */
class InMemoryRunStoreTest extends RunStoreContract {

    @Override
    protected RunStore openStore() {
        return new InMemoryRunStore(new ManualClock(SampleRuns.T0));
    }
}
