package dev.shipshape.engine;

/**
 * Secret values of a run, known only in memory. Executors call {@link #reveal} on the strings they
 * are about to use and {@link #redact} on everything they report.
 */
public interface Secrets {

    /** The text with every {@code ${secret:NAME}} replaced by its value. */
    String reveal(String text);

    /** The text with every known secret value replaced by {@code ***}. */
    String redact(String text);

    /**
     * How many characters at the end of {@code text} could be the start of a secret, to hold back
     * until the text that follows is known: a stream cut in pieces must not cut a secret unmasked.
     */
    default int partialAtEnd(String text) {
        return 0;
    }

    Secrets NONE = new Secrets() {
        @Override
        public String reveal(String text) {
            return text;
        }

        @Override
        public String redact(String text) {
            return text;
        }
    };
}
