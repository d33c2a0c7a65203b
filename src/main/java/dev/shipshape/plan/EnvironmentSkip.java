package dev.shipshape.plan;

import java.util.List;

/** Why a stage or step limited to some environments ({@code environments: [production]}) does not run in this one. */
final class EnvironmentSkip {

    private EnvironmentSkip() {
    }

    /** The reason, or null when it runs here (no list, or this environment is in it). */
    static String of(List<String> environments, String environment) {
        if (environments.isEmpty() || environments.contains(environment)) {
            return null;
        }
        return "runs only in " + String.join(", ", environments) + ", not in " + environment;
    }
}
