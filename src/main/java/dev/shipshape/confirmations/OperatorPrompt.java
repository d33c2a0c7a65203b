package dev.shipshape.confirmations;

/**
 * The person at the terminal that runs the engine, when there is one: a {@code confirm:} step asks them directly
 * (they may confirm their own run) while it also waits for {@code shipshape confirm} from another terminal.
 */
public interface OperatorPrompt {

    /** No terminal: a confirm step only waits for {@code shipshape confirm}. */
    OperatorPrompt NONE = new OperatorPrompt() {
        @Override
        public boolean present() {
            return false;
        }

        @Override
        public String operator() {
            return null;
        }

        @Override
        public String nextLine(java.time.Duration wait) {
            return null;
        }

        @Override
        public void discardTyped() {
        }
    };

    /** Whether a person is at a terminal to ask. */
    boolean present();

    /** Who they are (as approvals name people). */
    String operator();

    /**
     * The next line they typed, waiting at most {@code wait} for one; null when none came (or input ended).
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    String nextLine(java.time.Duration wait) throws InterruptedException;

    /** Forgets lines typed before now, so that a stray answer does not confirm a later step. */
    void discardTyped();
}
