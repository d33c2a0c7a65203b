package dev.shipshape.analysis;

import dev.shipshape.runbook.MetricCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Samples and thresholds in, verdict out; pure. Decides as early as the samples allow: a critical
 * breach beyond the failure limit fails at once, errors beyond the consecutive-error limit make it
 * inconclusive at once; otherwise it passes only when every measurement was taken and every metric
 * has data.
 *
 * @param failureLimit          critical breaches tolerated (0 = the first fails)
 * @param consecutiveErrorLimit errors in a row tolerated per metric
 */
public record Assessment(List<MetricCheck> metrics, int failureLimit, int consecutiveErrorLimit) {

    public Assessment {
        metrics = List.copyOf(metrics);
    }

    /** The verdict once one can be given; empty while more measurements are needed. */
    public Optional<Verdict> assess(List<Sample> samples, boolean complete) {
        List<Finding> findings = findings(samples);
        List<Finding> critical = findings.stream().filter(f -> f.level() == Finding.Level.CRITICAL).toList();
        if (critical.size() > failureLimit) {
            String limit = failureLimit == 0 ? "" : " (" + critical.size() + " critical breaches, limit "
                    + failureLimit + ")";
            return Optional.of(new Verdict(Verdict.Outcome.FAILED, critical.get(failureLimit).reason() + limit, findings));
        }
        Optional<String> erring = erring(samples);
        if (erring.isPresent()) {
            return Optional.of(new Verdict(Verdict.Outcome.INCONCLUSIVE, erring.get(), findings));
        }
        if (!complete) {
            return Optional.empty();
        }
        for (MetricCheck m : metrics) {
            if (samples.stream().noneMatch(s -> s.metric().equals(m.name()) && s.measured())) {
                String last = samples.stream().filter(s -> s.metric().equals(m.name())).reduce((a, b) -> b)
                        .map(s -> ": " + s.error()).orElse("");
                return Optional.of(new Verdict(Verdict.Outcome.INCONCLUSIVE, "no data for " + m.name() + last, findings));
            }
        }
        long measured = samples.stream().filter(Sample::measured).count();
        String warned = findings.isEmpty() ? "" : "; warning: " + findings.getLast().reason();
        return Optional.of(new Verdict(Verdict.Outcome.PASSED, metrics.size() + (metrics.size() == 1 ? " metric" : " metrics")
                + " within thresholds over " + measured + " samples" + warned, findings));
    }

    private List<Finding> findings(List<Sample> samples) {
        List<Finding> findings = new ArrayList<>();
        for (Sample s : samples) {
            if (!s.measured()) {
                continue;
            }
            metric(s.metric()).ifPresent(m -> {
                if (m.critical() != null && m.critical().breachedBy(s.value())) {
                    findings.add(new Finding(m.name(), Finding.Level.CRITICAL, s.value(), m.critical(), s.at()));
                } else if (m.warning() != null && m.warning().breachedBy(s.value())) {
                    findings.add(new Finding(m.name(), Finding.Level.WARNING, s.value(), m.warning(), s.at()));
                }
            });
        }
        return findings;
    }

    /** A metric whose latest samples are all errors, more of them than tolerated. */
    private Optional<String> erring(List<Sample> samples) {
        for (MetricCheck m : metrics) {
            List<Sample> own = samples.stream().filter(s -> s.metric().equals(m.name())).toList();
            int run = 0;
            for (int i = own.size() - 1; i >= 0 && !own.get(i).measured(); i--) {
                run++;
            }
            if (run > consecutiveErrorLimit) {
                return Optional.of(m.name() + " could not be measured" + (run > 1 ? " " + run + " times in a row" : "")
                        + ": " + own.getLast().error());
            }
        }
        return Optional.empty();
    }

    private Optional<MetricCheck> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
