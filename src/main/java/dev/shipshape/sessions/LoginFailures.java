package dev.shipshape.sessions;

import java.time.Instant;
import java.util.List;

/**
 * The failed sign-ins the throttle counts (implemented by the store, so that servers sharing a store share the
 * count), each under a subject: {@code user:NAME} or {@code address:IP}.
 */
public interface LoginFailures {

    /** Records a failure of each subject at {@code at}, and forgets every failure before {@code forgetBefore}. */
    void add(List<String> subjects, Instant at, Instant forgetBefore);

    /** The subject's failures since {@code since}, newest first, at most {@code limit}. */
    List<Instant> latest(String subject, Instant since, int limit);

    /** Forgets the subject's failures (after a successful sign-in). */
    void clear(String subject);
}
