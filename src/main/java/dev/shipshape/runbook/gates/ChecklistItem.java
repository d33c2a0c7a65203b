package dev.shipshape.runbook.gates;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/** One item of a checklist: checked by Shipshape, or signed off by a person. */
public sealed interface ChecklistItem {

    /** The name shown in the table and used to sign it off. */
    String name();

    /** The same item with its strings passed through {@code f} (references resolved). */
    ChecklistItem mapStrings(UnaryOperator<String> f);

    /** A command that must exit 0 within the timeout. */
    record Command(String name, String command, Duration timeout) implements ChecklistItem {
        public ChecklistItem mapStrings(UnaryOperator<String> f) {
            return new Command(name, f.apply(command), timeout);
        }
    }

    /** A URL that must answer with an expected status (default any 2xx). */
    record Http(String name, String url, List<Integer> status, Duration timeout) implements ChecklistItem {
        public Http {
            status = List.copyOf(status);
        }

        public ChecklistItem mapStrings(UnaryOperator<String> f) {
            return new Http(name, f.apply(url), status, timeout);
        }
    }

    /**
     * Environment variables that must be set, optionally long enough, matching a pattern (the whole value) and
     * containing a text.
     */
    record Env(String name, List<String> variables, Integer minLength, String pattern, String contains)
            implements ChecklistItem {
        public Env {
            variables = List.copyOf(variables);
        }

        public Env(String name, List<String> variables, Integer minLength, String pattern) {
            this(name, variables, minLength, pattern, null);
        }

        public ChecklistItem mapStrings(UnaryOperator<String> f) {
            return this;
        }
    }

    /** The TLS certificate served at host:port must stay valid for at least {@code minDays}. */
    record Tls(String name, String host, int port, int minDays, Duration timeout) implements ChecklistItem {
        public ChecklistItem mapStrings(UnaryOperator<String> f) {
            return new Tls(name, f.apply(host), port, minDays, timeout);
        }
    }

    /** A query whose first value must be true (or a non-zero number). */
    record Sql(String name, String database, String query, Duration timeout) implements ChecklistItem {
        public ChecklistItem mapStrings(UnaryOperator<String> f) {
            return new Sql(name, f.apply(database), f.apply(query), timeout);
        }
    }

    /**
     * {@code count} different people named here, or with a role named here, must sign the item off: for the version,
     * or once for every version when {@code once}.
     */
    record SignOff(String name, List<String> by, int count, boolean once) implements ChecklistItem {
        public SignOff {
            by = List.copyOf(by);
        }

        public SignOff(String name, List<String> by) {
            this(name, by, 1, false);
        }

        public ChecklistItem mapStrings(UnaryOperator<String> f) {
            return this;
        }
    }
}
