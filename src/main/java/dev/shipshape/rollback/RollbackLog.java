package dev.shipshape.rollback;

import java.util.List;

/** Where rollback records are kept; implemented by the store. */
public interface RollbackLog {

    void save(RollbackRecord record);

    /** Rollbacks of a service in an environment, newest first. */
    List<RollbackRecord> of(String service, String environment);
}
