package org.qicsim.cli;

import java.nio.file.Path;

/** Pattern files small enough for command tests: a review of the usual-care arm, and a replicates pattern of michigan-cqi. */
final class TinyPatterns {
    private TinyPatterns() {
    }

    /** A bundled file's absolute path, as a pattern written to a temporary folder must name it. */
    static String abs(String relative) {
        return Path.of(relative).toAbsolutePath().toString().replace('\\', '/');
    }

    /**
     * A review of the usual-care arm against its counterfactual: 6–9 months, 4–6 sites, then
     * {@code moreSettings} (indented setting lines, or empty), published median 0.05, then {@code tail}.
     */
    static String review(String id, String title, String set, int trials, String moreSettings, String tail) {
        return """
                id: %s
                title: %s
                source: test
                set: %s
                kind: review
                metric: compliance difference
                criterion: test
                replicates: %d
                trial:
                  intervention: %s
                  control: counterfactual
                  measure: compliance
                  followUpMonths: {distribution: uniform, low: 6, high: 9, round: true}
                  settings:
                    sites: {key: sites.count, distribution: uniform, low: 4, high: 6, round: true}
                %spublished: {median: 0.05, iqr: [0.01, 0.1]}
                %s""".formatted(id, title, set, trials, abs("scenarios/patterns/arms/usual-care.yaml"), moreSettings, tail);
    }

    /** Three replicates of michigan-cqi at 6 sites and 24 months, one check that the mean finalRate lies in [low, high]. */
    static String replicates(String id, String title, String criterion, double low, double high) {
        return """
                id: %s
                title: %s
                source: test
                set: validation
                kind: replicates
                metric: finalRate
                criterion: %s
                replicates: 3
                designs:
                  small: {scenario: %s, set: {sites.count: 6, horizonMonths: 24}}
                checks:
                  - {name: finalRate, combine: mean, statistic: finalRate, design: small, inside: [%s, %s]}
                """.formatted(id, title, criterion, abs("scenarios/michigan-cqi.yaml"), low, high);
    }
}
