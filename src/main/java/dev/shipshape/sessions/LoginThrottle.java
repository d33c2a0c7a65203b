package dev.shipshape.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing: after {@link #LIMIT} failed sign-ins in {@link #WINDOW} for one user name, or
 * from one address, further attempts are refused (without checking the password) until the oldest of those
 * failures leaves the window. The failures are kept in the store, so servers over one store count together.
 */
public final class LoginThrottle {

    public static final int LIMIT = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int LONGEST_SUBJECT = 200;

    private final LoginFailures failures;
    private final Clock clock;

    public LoginThrottle(LoginFailures failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    /** How long the user or the address must wait before trying again; empty when they may try now. */
    public Optional<Duration> waitFor(String user, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String subject : subjects(user, address)) {
            List<Instant> recent = failures.latest(subject, now.minus(WINDOW), LIMIT);
            if (recent.size() >= LIMIT) {
                Duration wait = Duration.between(now, recent.get(LIMIT - 1).plus(WINDOW));
                longest = wait.compareTo(longest) > 0 ? wait : longest;
            }
        }
        return longest.isPositive() ? Optional.of(longest) : Optional.empty();
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        failures.add(subjects(user, address), now, now.minus(WINDOW));
    }

    /** A successful sign-in forgets the user's failures (not the address's: a guesser may know one password). */
    public void succeeded(String user) {
        failures.clear(subjects(user, null).getFirst());
    }

    private static List<String> subjects(String user, String address) {
        List<String> subjects = new ArrayList<>();
        subjects.add(bounded("user:" + String.valueOf(user).toLowerCase(Locale.ROOT)));
        if (address != null) {
            subjects.add(bounded("address:" + address));
        }
        return subjects;
    }

    private static String bounded(String subject) {
        return subject.length() > LONGEST_SUBJECT ? subject.substring(0, LONGEST_SUBJECT) : subject;
    }
}
