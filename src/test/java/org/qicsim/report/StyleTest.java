package org.qicsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Number texts read back (as the numbers test reads them) and CSV cells with quotes. */
class StyleTest {
    @Test
    void textsAreRoundedAndParseBack() {
        assertThat(Style.COUNT.format(1345.66)).isEqualTo("1,346");
        assertThat(Style.COUNT.format(-1234.4)).isEqualTo("−1,234");
        assertThat(Style.MONEY.format(15508.39)).isEqualTo("$15,508");
        assertThat(Style.MONEY.format(-5906402.2)).isEqualTo("−$5,906,402");
        assertThat(Style.RATE.format(0.1037198)).isEqualTo("10.37%");
        assertThat(Style.PERCENT.format(0.14753)).isEqualTo("14.8%");
        assertThat(Style.INDEX.format(0.6251)).isEqualTo("0.625");
        assertThat(Style.GENERAL.format(0.0072947975)).isEqualTo("0.007295");
        assertThat(Style.GENERAL.format(-0.00004)).isEqualTo("−0.00004");
        assertThat(Style.COUNT.format(-0.2)).isEqualTo("0");
        assertThat(Style.RATE.format(Double.NaN)).isEqualTo("n/a");
        assertThat(SourceChecker.parseShown("−$5,906,402")).isEqualTo(-5906402);
        assertThat(SourceChecker.parseShown("10.37%")).isEqualTo(0.1037, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(SourceChecker.halfUnit("10.37%")).isEqualTo(0.00005, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void metricsGetTheirStyleFromTheirName() {
        assertThat(Style.ofMetric("finalRate")).isEqualTo(Style.RATE);
        assertThat(Style.ofMetric("eventsAverted")).isEqualTo(Style.COUNT);
        assertThat(Style.ofMetric("costTotal")).isEqualTo(Style.MONEY);
        assertThat(Style.ofMetric("netSavings")).isEqualTo(Style.MONEY);
        assertThat(Style.ofMetric("retention")).isEqualTo(Style.PERCENT);
        assertThat(Style.ofMetric("eventsAvertedPer1000")).isEqualTo(Style.GENERAL);
    }

    @Test
    void quotedCellsHoldCommasQuotesAndLineBreaks() {
        List<List<String>> records = CsvTable.parse("a,b,c\n\"x, \"\"y\"\"\",,\"two\nlines\"\r\n1,2,3", "t.csv");
        assertThat(records).containsExactly(List.of("a", "b", "c"), List.of("x, \"y\"", "", "two\nlines"),
                List.of("1", "2", "3"));
    }
}
