package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The named reporters of MODEL.md §9 against the metrics RunResult writes. */
class ReporterTest {
    @Test
    void metricReportersAreOneBlockOfTheWrittenMetricsInOrder() {
        List<String> names = Reporter.METRICS.stream().map(Reporter::metric).toList();
        int from = RunResult.METRICS.indexOf(names.get(0));
        assertThat(from).isNotNegative();
        assertThat(RunResult.METRICS.subList(from, from + names.size())).isEqualTo(names);
    }

    @Test
    void theOtherReportersAreNotWritten() {
        Arrays.stream(Reporter.values())
                .filter(r -> !Reporter.METRICS.contains(r))
                .forEach(r -> assertThat(RunResult.METRICS).as(r.name()).doesNotContain(r.metric()));
    }

    @Test
    void namesAreDistinct() {
        assertThat(Arrays.stream(Reporter.values()).map(Reporter::metric).distinct().count())
                .isEqualTo(Reporter.values().length);
    }
}
