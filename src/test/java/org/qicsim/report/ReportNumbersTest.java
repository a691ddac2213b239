package org.qicsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every number a report shows equals the folder's files: each {@code span.num} names its source,
 * {@link SourceChecker} reads that value from the files on its own, and the test requires
 * <ul>
 *   <li>{@code data-value} to equal it exactly for a cell of a file, and within 1e−9 relative for an
 *       aggregate the report computed (a mean, a t-interval, a weighted mean, a funnel count);</li>
 *   <li>the text to be that value rounded as shown (within half a unit of its last digit);</li>
 *   <li>in run and compare reports, no table cell to show a digit outside such a span.</li>
 * </ul>
 */
class ReportNumbersTest {
    private static final Pattern DIGIT = Pattern.compile("[0-9]");

    static Stream<Object[]> folders() throws IOException {
        return ReportFixtures.get().folders().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void everyNumberEqualsTheFolderFiles(String name, Path folder, FolderKind kind) throws IOException {
        assertThat(FolderKind.of(folder)).isEqualTo(kind);
        Document page = Jsoup.parse(Reports.render(folder));
        SourceChecker files = new SourceChecker(folder);
        List<Element> numbers = page.select("span.num");
        assertThat(numbers).as("numbers in the %s report", name).isNotEmpty();
        for (Element n : numbers) {
            String source = n.attr("data-source");
            double expected = files.value(source);
            double shown = Double.parseDouble(n.attr("data-value"));
            boolean aggregate = source.substring(source.indexOf('#')).contains("(");
            if (Double.isNaN(expected)) {
                assertThat(shown).as(source).isNaN();
                assertThat(n.text()).as(source).isEqualTo("n/a");
                continue;
            }
            if (aggregate) {
                assertThat(shown).as(source).isCloseTo(expected, org.assertj.core.data.Offset.offset(
                        1e-9 * Math.max(1, Math.abs(expected))));
            } else {
                assertThat(shown).as(source).isEqualTo(expected);
            }
            double text = SourceChecker.parseShown(n.text());
            assertThat(Math.abs(text - expected)).as("%s shown as %s", source, n.text())
                    .isLessThanOrEqualTo(SourceChecker.halfUnit(n.text()) + 1e-9 * Math.abs(expected));
        }
        if (name.equals("one-design") || name.equals("attribute")) {
            assertThat(page.select("span.num[data-source$=piLow]")).as("prediction intervals shown").isNotEmpty();
            assertThat(page.text()).contains("prediction interval");
        }
        if (name.equals("unpaired")) {
            assertThat(page.select("h1 + p").text()).contains("UNPAIRED");
            // Design 3's own counterfactual: its rows (point 3) of the compare folder's timeseries.csv.
            assertThat(page.select("span.num[data-source~=^timeseries\\.csv\\?point=3&.*cfTrueRate]"))
                    .as("own counterfactuals").isNotEmpty();
        }
        if (kind == FolderKind.RUN || kind == FolderKind.COMPARE) {
            for (Element cell : page.select("main table td")) {
                Element copy = cell.clone();
                copy.select("span.num").remove();
                assertThat(DIGIT.matcher(copy.text()).find()).as("digits outside a sourced number in <td>%s</td>",
                        cell.html()).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void thePlainLanguageSummaryComesFirstAndEveryChartHasATable(String name, Path folder, FolderKind kind)
            throws IOException {
        Document page = Jsoup.parse(Reports.render(folder));
        Element main = page.selectFirst("main");
        assertThat(main.child(0).hasClass("summary")).as("first section of %s", name).isTrue();
        assertThat(main.child(0).select("li")).isNotEmpty();
        for (Element figure : page.select("div.figure")) {
            assertThat(figure.select("table")).as("table beside a chart").isNotEmpty();
        }
        for (Element svg : page.select("svg.chart")) {
            assertThat(svg.selectFirst("title").text()).isNotBlank();
            assertThat(svg.attr("role")).isEqualTo("img");
        }
        assertThat(page.select("footer.provenance")).hasSize(1);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("[src], link[href]")).as("nothing loaded from elsewhere").isEmpty();
    }
}
