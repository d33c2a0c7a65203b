package dev.shipshape.app;

import dev.shipshape.store.Store;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a use case that may do without the store reaches it: reading only a store that exists (planning, the
 * checklist and status never create one), or using it, created when needed. The CLI opens the store for each
 * call ({@link Shipshape#store(String)}); a server that holds its store open can pass it as it is.
 */
public interface StoreAccess {

    /** Reads from the store if there is one; empty when there is none yet (nothing is created to read it). */
    <T> Optional<T> readIfExists(Function<Store, T> read);

    /** Works on the store, creating an embedded one if there is none yet. */
    <T> T use(Function<Store, T> work);

    /** A store that is open already (and stays so): it always exists. */
    static StoreAccess of(Store opened) {
        return new StoreAccess() {
            @Override
            public <T> Optional<T> readIfExists(Function<Store, T> read) {
                return Optional.ofNullable(read.apply(opened));
            }

            @Override
            public <T> T use(Function<Store, T> work) {
                return work.apply(opened);
            }
        };
    }
}
