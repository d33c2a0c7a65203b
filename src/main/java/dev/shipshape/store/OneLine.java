package dev.shipshape.store;

import java.sql.SQLException;

/** Turns an exception chain into the one line a person needs. */
final class OneLine {

    private OneLine() {
    }

    /**
     * The driver's own words when there are some (the innermost SQLException says "connection
     * refused" or "password authentication failed"), else the outermost message; one line.
     */
    static String causeOf(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null && message == null; t = t.getCause()) {
            message = blankToNull(t.getMessage());
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && blankToNull(t.getMessage()) != null) {
                message = t.getMessage();
            }
        }
        String text = message == null ? failure.getClass().getSimpleName() : message;
        // the caller goes on with "; what to check", so a closing full stop would double up
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").replaceAll("[.\\s]+$", "");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
