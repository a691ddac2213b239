package org.qicsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Each report opens in a real headless Chromium (Debian's {@code /usr/bin/chromium} driven by
 * {@code /usr/bin/chromedriver}, named explicitly so Selenium Manager never downloads a driver):
 * the browser logs no error, the page loads no resource from anywhere, and every chart the HTML has
 * is drawn — each {@code svg.chart} has a non-zero rendered size and a non-empty bounding box of its
 * drawn shapes. Skipped, with the reason, where Chromium is not installed (CI installs it).
 */
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static ChromeDriver driver;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed (/usr/bin/chromium and /usr/bin/chromedriver; Debian packages chromium "
                        + "and chromium-driver): the browser test is skipped");
        profile = Files.createTempDirectory("qicsim-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1600");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    static Stream<Object[]> folders() throws IOException {
        return ReportFixtures.get().folders().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void opensWithoutErrorsAndDrawsEveryChart(String name, Path folder, FolderKind kind) throws IOException {
        Path report = folder.resolve("report.html");
        if (!Files.exists(report)) {
            Reports.write(folder);
        }
        int charts = Jsoup.parse(report.toFile(), "UTF-8").select("svg.chart").size();
        String url = new File(report.toString()).toURI().toString();
        String path = report.toAbsolutePath().toString();
        driver.get(url);
        JavascriptExecutor js = driver;
        // Read the page only once this document is the current one and has finished parsing: in one full
        // CI run the script saw 5 of the 14 charts of the copied comparison's report (it passed when the
        // report tests ran again, alone and together), so the page read was not yet this one, complete.
        // The criterion below is unchanged; the wait only makes sure it is judged on the right page.
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith(path)
                && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> drawn = (List<Map<String, Object>>) js.executeScript("""
                return Array.from(document.querySelectorAll('svg.chart')).map(function (svg) {
                  var box = svg.getBoundingClientRect();
                  var shapes = svg.querySelectorAll('path, line, circle, rect, polygon');
                  var inner = svg.getBBox();
                  return {title: svg.querySelector('title').textContent, width: box.width, height: box.height,
                          shapes: shapes.length, bboxWidth: inner.width, bboxHeight: inner.height};
                });""");
        assertThat(drawn).as("charts in the browser").hasSize(charts);
        for (Map<String, Object> chart : drawn) {
            assertThat(((Number) chart.get("width")).doubleValue()).as("width of %s", chart.get("title")).isPositive();
            assertThat(((Number) chart.get("height")).doubleValue()).as("height of %s", chart.get("title"))
                    .isPositive();
            assertThat(((Number) chart.get("shapes")).intValue()).as("shapes in %s", chart.get("title")).isPositive();
            assertThat(((Number) chart.get("bboxWidth")).doubleValue()).as("drawing of %s", chart.get("title"))
                    .isPositive();
            assertThat(((Number) chart.get("bboxHeight")).doubleValue()).as("drawing of %s", chart.get("title"))
                    .isPositive();
        }
        Object resources = js.executeScript("return performance.getEntriesByType('resource').length;");
        assertThat(((Number) resources).intValue()).as("resources loaded by %s", name).isZero();
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("console errors of %s", name).isEmpty();
        if (kind != FolderKind.RUN || !name.equals("missing")) {
            assertThat(charts).as("charts in %s", name).isPositive();
        }
    }
}
