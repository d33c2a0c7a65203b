package dev.shipshape.runbook.starter;

import dev.shipshape.runbook.HttpUrl;
import dev.shipshape.runbook.Names;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a starter runbook is made of: the service, its environments in the order a version goes
 * through them, the URL that answers whether the service is healthy, and the person who signs off
 * deployments to production until the team is written down.
 */
public record Starter(String service, List<String> environments, String healthUrl, String approver) {

    public static final List<String> DEFAULT_ENVIRONMENTS = List.of("staging", "production");
    public static final String DEFAULT_HEALTH_URL = "http://127.0.0.1:8080/health";
    /** The service name when the folder's name cannot be made into one. */
    static final String FALLBACK_SERVICE = "my-service";

    public Starter {
        environments = List.copyOf(environments);
        List<String> places = environments;
        Optional<String> problem = serviceProblem(service).or(() -> environmentsProblem(places))
                .or(() -> healthUrlProblem(healthUrl));
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /**
     * The environment whose deployments need a sign-off: the one named production (or prod), else
     * the last of two or more; none when the only environment is not production.
     */
    public Optional<String> approvalEnvironment() {
        Optional<String> named = environments.stream()
                .filter(e -> e.equalsIgnoreCase("production") || e.equalsIgnoreCase("prod")).findFirst();
        return named.or(() -> environments.size() > 1 ? Optional.of(environments.getLast()) : Optional.empty());
    }

    /** "staging,production" as a list; names are trimmed, empty ones kept so that they can be reported. */
    public static List<String> environments(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",", -1)).map(String::strip).toList();
    }

    /** A service name made from a folder's name: other characters become '-'; my-service if nothing is left. */
    public static String serviceFrom(String folderName) {
        String name = folderName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return Names.isValid(name) ? name : FALLBACK_SERVICE;
    }

    /** Why {@code service} cannot name a service; empty when it can. */
    public static Optional<String> serviceProblem(String service) {
        if (service.isBlank()) {
            return Optional.of("the service name is empty; give one, e.g. shop-api");
        }
        return Names.isValid(service) ? Optional.empty()
                : Optional.of("'" + service + "' is not a valid service name; " + Names.RULE);
    }

    /** Why these cannot be the environments; empty when they can. */
    public static Optional<String> environmentsProblem(List<String> environments) {
        if (environments.isEmpty() || environments.stream().allMatch(String::isEmpty)) {
            return Optional.of("no environment given; name at least one, e.g. staging,production");
        }
        Set<String> seen = new HashSet<>();
        for (String name : environments) {
            if (name.isEmpty()) {
                return Optional.of("an environment name is empty; separate the names with single commas,"
                        + " e.g. staging,production");
            }
            if (!Names.isValid(name)) {
                return Optional.of("'" + name + "' is not a valid environment name; " + Names.RULE);
            }
            if (!seen.add(name)) {
                return Optional.of("environment '" + name + "' is listed twice; name each environment once");
            }
        }
        return Optional.empty();
    }

    /** Why {@code url} cannot be the health URL: it must be a literal http(s) URL with a host. */
    public static Optional<String> healthUrlProblem(String url) {
        if (url.contains("${")) {
            return Optional.of("'" + url + "' contains a reference; give the URL itself, e.g. " + DEFAULT_HEALTH_URL
                    + " (references can be written in the file afterwards)");
        }
        return HttpUrl.problem(url);
    }
}
