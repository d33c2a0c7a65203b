package dev.shipshape;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?" for misspelt words: runbook keys, step kinds, stage names, commands and options. */
public final class Suggestions {

    private static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    /** The closest candidate within two edits, or one the word is a prefix of (or that is a prefix of it). */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(word.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= MAX_DISTANCE && bestDistance < word.length()) {
            return Optional.of(best);
        }
        return candidates.stream().filter(c -> isPrefix(word, c)).findFirst();
    }

    /** The hint for an unknown word: "did you mean 'x'?" or the list of what is allowed. */
    public static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates)
                .map(c -> "did you mean '" + c + "'?")
                .orElse("expected one of: " + String.join(", ", candidates));
    }

    private static boolean isPrefix(String word, String candidate) {
        String w = word.toLowerCase();
        String c = candidate.toLowerCase();
        return w.length() >= 2 && (c.startsWith(w) || w.startsWith(c));
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
