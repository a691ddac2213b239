package org.qicsim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A facilitator and three participants play one design round in a real headless Chromium (Debian's
 * {@code chromium} and {@code chromium-driver}; the driver path is set, so Selenium Manager never
 * downloads anything). Each plays in its own tab: a tab's sessionStorage is its own, so each holds
 * its own room token, as separate browsers would. When the round ends the facilitator sees the
 * debrief: the cost-effectiveness table and acceptability curves of the three designs, the best
 * design's five-feature attribution (table and chart), then picks another design and has it
 * attributed. Skipped, with the reason, when Chromium is absent.
 *
 * <p>With {@code -Dqicsim.screenshots=DIR} it also saves the README's screenshots there.
 */
class WorkshopBrowserTest {
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    static WorkshopFixture fixture;

    @BeforeAll
    static void start() throws IOException {
        fixture = new WorkshopFixture();
    }

    @AfterAll
    static void stop() throws IOException {
        fixture.close();
    }

    @Test
    void aFacilitatorAndThreeParticipantsPlayADesignRound(@TempDir Path profile) throws Exception {
        WebDriver driver = browser(profile);
        try {
            play(driver);
        } finally {
            driver.quit();
        }
    }

    /**
     * Site mode: the facilitator starts a site-mode round (a short timer per question); at the yearly
     * gaming decision Ann games the data and Bea records honestly; at each report Ann puts her effort
     * into changes of her own and answers "learn", Bea copies the positive deviants and answers
     * "lower our aspiration"; Cai never answers, so the model answers for her hospital. At the end
     * every participant sees the debrief table (three hospitals), their hospital's trajectory against
     * the collaborative and no collaborative, their choices, and the round's results download. The
     * facilitator and a participant see the cost-effectiveness of the model alone and as played (two
     * rows and two acceptability curves, "one run per design"); the facilitator has the room's design
     * attributed with 2 replicates (table and chart as in the design debrief); the participant sees
     * it without the button.
     */
    @Test
    void aFacilitatorAndThreeParticipantsPlayASiteRound(@TempDir Path profile) throws Exception {
        WebDriver driver = browser(profile);
        try {
            playSite(driver);
        } finally {
            driver.quit();
        }
    }

    private static WebDriver browser(Path profile) {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "headless Chromium not installed (apt-get install chromium chromium-driver): browser test skipped");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.getPath());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1200,1000", "--user-data-dir=" + profile.resolve("chromium"));
        // Console messages, to check that the Content-Security-Policy refused nothing the pages need.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private void playSite(WebDriver driver) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        String facilitator = driver.getWindowHandle();
        driver.get(fixture.base + "/facilitate");
        wait.until(d -> !new Select(d.findElement(By.id("scenario"))).getOptions().isEmpty());
        driver.findElement(By.id("upload-text")).sendKeys(WorkshopFixture.TINY);
        driver.findElement(By.id("open-upload")).click();
        wait.until(d -> d.findElement(By.id("room-code")).getText().matches("[A-HJ-NP-Z2-9]{8}"));
        String joinLink = driver.findElement(By.id("join-link")).getText();
        String[] names = {"Ann", "Bea", "Cai"};
        List<String> tabs = new ArrayList<>();
        for (String name : names) {
            driver.switchTo().newWindow(WindowType.TAB);
            tabs.add(driver.getWindowHandle());
            driver.get(joinLink);
            driver.findElement(By.id("name")).sendKeys(name);
            driver.findElement(By.id("join")).click();
            wait.until(d -> !d.findElements(By.cssSelector("#levers fieldset")).isEmpty());
        }
        driver.switchTo().window(facilitator);
        wait.until(d -> d.findElement(By.id("participants")).getText().contains("Cai"));
        WebElement seconds = driver.findElement(By.id("cycle-seconds"));
        seconds.clear();
        seconds.sendKeys("6");
        driver.findElement(By.id("start-site")).click();
        wait.until(d -> d.findElement(By.id("site-status")).getText().contains("Site-mode round 1"));

        String[] buttons = {"respond-learn", "respond-lower"};
        String[] gaming = {"gaming-game", "gaming-honest"};
        String[] efforts = {"own", "copy"};
        boolean shot = false;
        boolean gamingShot = false;
        long end = System.nanoTime() + 150_000_000_000L;
        while (System.nanoTime() < end) {
            driver.switchTo().window(facilitator);
            if (driver.findElement(By.id("site-status")).getText().contains(": finished")) {
                break;
            }
            for (int k = 0; k < 2; k++) {
                driver.switchTo().window(tabs.get(k));
                WebElement game = driver.findElement(By.id(gaming[k]));
                if (game.isEnabled()) {
                    assertThat(driver.findElement(By.id("site-gaming-question")).getText())
                            .contains("chance an audit detects").contains("what gaming does to your recorded data");
                    if (!gamingShot && k == 0) {
                        screenshot(driver, "workshop-site-gaming.png");
                        gamingShot = true;
                    }
                    game.click();
                }
                WebElement button = driver.findElement(By.id(buttons[k]));
                if (button.isEnabled()) {
                    driver.findElement(By.cssSelector("input[name='site-effort'][value='" + efforts[k] + "']")).click();
                    if (!shot && k == 0) {
                        screenshot(driver, "workshop-site-participant.png");
                        shot = true;
                    }
                    button.click();
                }
            }
            Thread.sleep(300);
        }
        driver.switchTo().window(facilitator);
        wait.until(d -> d.findElement(By.id("site-status")).getText().contains(": finished"));
        wait.until(d -> d.findElements(By.cssSelector("#site-debrief tr")).size() == 4);
        String table = driver.findElement(By.id("site-players")).getText();
        assertThat(table).contains("Ann").contains("Bea").contains("Cai");
        for (int k = 0; k < 3; k++) {
            driver.switchTo().window(tabs.get(k));
            wait.until(d -> d.findElements(By.cssSelector("#site-debrief tr")).size() == 4);
            assertThat(driver.findElement(By.id("site-section")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("design-section")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("site-status")).getText()).contains("You lead hospital");
            Object lines = ((JavascriptExecutor) driver).executeScript(
                    "return Chart.getChart(document.getElementById('site-chart')).data.datasets.length");
            assertThat(((Number) lines).intValue()).isEqualTo(4);
        }
        driver.switchTo().window(tabs.get(0));
        assertThat(driver.findElement(By.id("site-history")).getText()).contains("learn").contains("you")
                .contains("our own changes");
        assertThat(driver.findElement(By.id("site-gaming-history")).getText()).contains("game").contains("you");
        wait.until(d -> d.findElement(By.id("site-download")).isEnabled());
        driver.switchTo().window(tabs.get(1));
        assertThat(driver.findElement(By.id("site-history")).getText()).contains("lower")
                .contains("copy the positive deviants");
        assertThat(driver.findElement(By.id("site-gaming-history")).getText()).contains("honest").contains("you");
        driver.switchTo().window(tabs.get(2));
        String cai = driver.findElement(By.id("site-history")).getText();
        assertThat(cai).contains("model (timer)").doesNotContain(" you");
        assertThat(driver.findElement(By.id("site-gaming-history")).getText()).contains("model (timer)");
        driver.switchTo().window(facilitator);
        wait.until(d -> d.findElement(By.id("site-download")).isEnabled());
        // The site debrief's cost-effectiveness (the model alone and as played, one run each) and the
        // attribution of the room's design, through the design debrief's rendering.
        wait.until(d -> d.findElements(By.cssSelector("#site-cea tr")).size() == 3);
        assertThat(driver.findElement(By.id("site-cea")).getText()).contains("every hospital follows the model")
                .contains("played by Ann");
        assertThat(driver.findElement(By.id("site-analysis")).getText()).contains("One run per design");
        Object siteCurves = ((JavascriptExecutor) driver).executeScript(
                "return Chart.getChart(document.getElementById('site-ceac')).data.datasets.length");
        assertThat(((Number) siteCurves).intValue()).isEqualTo(2);
        WebElement replicates = driver.findElement(By.id("site-attribution-replicates"));
        wait.until(d -> replicates.isDisplayed() && d.findElement(By.id("site-attribute")).isEnabled());
        replicates.clear();
        replicates.sendKeys("2");
        driver.findElement(By.id("site-attribute")).click();
        awaitAttribution(driver, wait, "site-");
        assertThat(driver.findElement(By.id("site-attribution-status")).getText()).contains("the room's design")
                .contains("× 2 replicates").contains("attribution-2-model/");
        debriefScreenshot(driver, "workshop-site-debrief.png", "site-debrief-body");
        driver.switchTo().window(tabs.get(2));
        wait.until(d -> d.findElements(By.cssSelector("#site-cea tr")).size() == 3
                && d.findElement(By.id("site-attribution-status")).getText().contains("designs ×"));
        assertThat(driver.findElements(By.id("site-attribute"))).isEmpty();
        List<String> console = new ArrayList<>();
        for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
            console.add(entry.getMessage());
        }
        assertThat(console).as("CSP violations in the console").noneMatch(m -> m.contains("Content Security Policy"));
    }

    private void play(WebDriver driver) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        // The pages re-render their tables at every poll: an element found may be replaced before it is read.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        String facilitator = driver.getWindowHandle();
        driver.get(fixture.base + "/facilitate");
        wait.until(d -> !new Select(d.findElement(By.id("scenario"))).getOptions().isEmpty());
        // A broken upload first: its located problem is shown in the page.
        driver.findElement(By.id("upload-text")).sendKeys("name: broken\nextends: /etc/passwd\n");
        driver.findElement(By.id("open-upload")).click();
        wait.until(d -> d.findElement(By.id("open-problems")).getText().contains("upload.yaml:2:10"));
        assertThat(driver.findElement(By.id("open-problems")).getText()).doesNotContain("root:");
        WebElement upload = driver.findElement(By.id("upload-text"));
        upload.clear();
        upload.sendKeys(WorkshopFixture.TINY);
        driver.findElement(By.id("open-upload")).click();
        wait.until(d -> d.findElement(By.id("room-code")).getText().matches("[A-HJ-NP-Z2-9]{8}"));
        String room = driver.findElement(By.id("room-code")).getText();
        String joinLink = driver.findElement(By.id("join-link")).getText();
        assertThat(joinLink).endsWith("/play?room=" + room);
        WebElement replicates = driver.findElement(By.id("replicates"));
        replicates.clear();
        replicates.sendKeys("2");
        wait.until(d -> !d.findElement(By.id("budget")).getAttribute("value").isEmpty());
        driver.findElement(By.id("start-round")).click();
        wait.until(d -> d.findElement(By.id("round-status")).getText().contains("Round 1: open"));

        String[] names = {"Ann", "Bea", "Cai"};
        List<String> tabs = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            driver.switchTo().newWindow(WindowType.TAB);
            tabs.add(driver.getWindowHandle());
            driver.get(joinLink);
            driver.findElement(By.id("name")).sendKeys(names[i]);
            driver.findElement(By.id("join")).click();
            wait.until(d -> !d.findElements(By.cssSelector("#levers fieldset")).isEmpty());
            wait.until(d -> d.findElement(By.id("budget-verdict")).getText().equals("within budget"));
            if (i == 0) {
                new Select(driver.findElement(By.id("lever-collaborative-feedback-visibility"))).selectByValue("blinded");
            } else if (i == 1) {
                WebElement meetings = driver.findElement(By.id("lever-collaborative-community-meetingsPerYear"));
                meetings.clear();
                meetings.sendKeys("2");
            }
            wait.until(d -> d.findElement(By.id("budget-verdict")).getText().equals("within budget"));
            wait.until(d -> d.findElement(By.id("submit")).isEnabled());
            driver.findElement(By.id("submit")).click();
            wait.until(d -> d.findElement(By.id("submit-status")).getText().startsWith("queued"));
        }
        // An out-of-range lever in the last tab: the page shows the located problem.
        WebElement meetings = driver.findElement(By.id("lever-collaborative-community-meetingsPerYear"));
        meetings.clear();
        meetings.sendKeys("40");
        wait.until(d -> d.findElement(By.id("design-problems")).getText().contains("[0, 12]"));
        try {
            wait.until(d -> d.findElements(By.cssSelector("#league tr")).size() == 4);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("league: " + driver.findElement(By.id("league")).getText() + "\nstatus: "
                    + driver.findElement(By.id("round-status")).getText() + "\nproblems: "
                    + driver.findElement(By.id("design-problems")).getText(), e);
        }
        wait.until(d -> d.findElements(By.cssSelector("#league tr")).size() == 4
                && d.findElement(By.id("league")).getText().chars().filter(ch -> ch == '\n').count() >= 3
                && !d.findElement(By.id("league")).getText().contains("queued")
                && !d.findElement(By.id("league")).getText().contains("running"));
        screenshot(driver, "workshop-participant.png");

        driver.switchTo().window(facilitator);
        wait.until(d -> d.findElement(By.id("participants")).getText().contains("Cai"));
        driver.findElement(By.id("end-round")).click();
        // The debrief: cost-effectiveness of the three designs, then the best design's attribution.
        wait.until(d -> d.findElements(By.cssSelector("#cea tr")).size() == 4);
        wait.until(d -> {
            String cea = d.findElement(By.id("cea")).getText();
            return cea.contains("Ann") && cea.contains("Bea") && cea.contains("Cai") && cea.contains("ICER")
                    && cea.contains("NMB at WTP");
        });
        wait.until(d -> d.findElement(By.id("download")).isEnabled());
        Object charted = ((JavascriptExecutor) driver).executeScript(
                "return typeof Chart !== 'undefined' && Chart.getChart(document.getElementById('trajectories'))"
                        + ".data.datasets.length");
        assertThat(((Number) charted).intValue()).isEqualTo(4);
        Object curves = ((JavascriptExecutor) driver).executeScript(
                "return Chart.getChart(document.getElementById('ceac')).data.datasets.length");
        assertThat(((Number) curves).intValue()).isEqualTo(3);
        awaitAttribution(driver, wait, "");
        String best = driver.findElement(By.id("attribution-status")).getText();
        // The facilitator picks another design and has it attributed.
        Select design = new Select(driver.findElement(By.id("attribution-design")));
        String other = null;
        for (WebElement option : design.getOptions()) {
            if (!option.getText().endsWith("(best)")) {
                other = option.getText();
                design.selectByVisibleText(other);
                break;
            }
        }
        assertThat(other).isNotNull();
        wait.until(d -> d.findElement(By.id("attribute")).isEnabled());
        driver.findElement(By.id("attribute")).click();
        String who = other;
        wait.until(d -> d.findElement(By.id("attribution-status")).getText().startsWith("Attribution of " + who));
        awaitAttribution(driver, wait, "");
        assertThat(driver.findElement(By.id("attribution-status")).getText()).isNotEqualTo(best);
        screenshot(driver, "workshop-facilitator.png");
        debriefScreenshot(driver, "workshop-debrief.png", "debrief-body");
        new Select(driver.findElement(By.id("attribution-metric"))).selectByValue("netMonetaryBenefit");
        wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                "return Chart.getChart(document.getElementById('attribution-chart')).options.plugins.title.text"))
                .endsWith("net monetary benefit"));

        // Each participant sees the debrief and their own row marked.
        for (int i = 0; i < tabs.size(); i++) {
            driver.switchTo().window(tabs.get(i));
            wait.until(d -> d.findElements(By.cssSelector("#cea tr")).size() == 4
                    && d.findElement(By.id("attribution-status")).getText().contains("designs ×"));
            assertThat(driver.findElements(By.id("attribute"))).isEmpty();
            String name = names[i];
            wait.until(d -> d.findElement(By.cssSelector("#league tr.you")).getText().contains(name));
        }
        List<String> console = new ArrayList<>();
        for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
            console.add(entry.getMessage());
        }
        // The console is captured (the broken upload's 422 is in it) and holds no CSP refusal.
        assertThat(console).anyMatch(m -> m.contains("422"));
        assertThat(console).as("CSP violations in the console").noneMatch(m -> m.contains("Content Security Policy"));
        // A participant closes their tab; the room goes on for the others.
        driver.close();
        driver.switchTo().window(tabs.get(0));
        assertThat(fixture.client().state(room, facilitatorToken(driver, room)).path("participants")).hasSize(3);
    }

    /**
     * Waits until the attribution shown is done, then checks its table (the five features, the total
     * and the interaction share) and its chart (Shapley values and their intervals, one bar each);
     * {@code prefix} names the debrief body ({@code ""} the design round's, {@code "site-"} the site round's).
     */
    private static void awaitAttribution(WebDriver driver, WebDriverWait wait, String prefix) {
        By status = By.id(prefix + "attribution-status");
        By table = By.id(prefix + "attribution-table");
        // Checked inside the wait: the table is re-rendered at every poll.
        try {
            wait.until(d -> d.findElement(status).getText().contains("designs ×")
                    && d.findElement(table).getText().contains("Learning from positive deviance")
                    && d.findElement(table).getText().contains("High-quality coordination")
                    && d.findElement(table).getText().contains("Professional leadership and community")
                    && d.findElement(table).getText().contains("total: all on − all off")
                    && d.findElement(table).getText().contains("interaction share")
                    && d.findElements(By.cssSelector("#" + prefix + "attribution-table tr")).size() == 1 + 5 + 2
                    && String.valueOf(((JavascriptExecutor) d).executeScript(
                            "const c = Chart.getChart(document.getElementById(arguments[0]));"
                                    + "return [c.data.labels.length, c.data.datasets.length];",
                            prefix + "attribution-chart")).equals("[5, 2]"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("attribution: " + driver.findElement(status).getText()
                    + "\n" + driver.findElement(table).getText(), e);
        }
    }

    private static String facilitatorToken(WebDriver driver, String room) {
        String current = driver.getWindowHandle();
        for (String h : driver.getWindowHandles()) {
            driver.switchTo().window(h);
            Object t = ((JavascriptExecutor) driver).executeScript(
                    "return sessionStorage.getItem('facilitator:' + arguments[0])", room);
            if (t != null) {
                driver.switchTo().window(current);
                return t.toString();
            }
        }
        throw new AssertionError("no facilitator tab");
    }

    /** A debrief section alone (an element screenshot of {@code bodyId}), for the README. */
    private static void debriefScreenshot(WebDriver driver, String name, String bodyId) throws IOException {
        String dir = System.getProperty("qicsim.screenshots");
        if (dir == null) {
            return;
        }
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 3000));
        WebElement body = driver.findElement(By.id(bodyId));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true)", body);
        Path target = Path.of(dir).resolve(name);
        Files.createDirectories(target.getParent());
        Files.write(target, body.getScreenshotAs(OutputType.BYTES));
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        String dir = System.getProperty("qicsim.screenshots");
        if (dir == null) {
            return;
        }
        // Tall enough for the league, the chart and the debrief in one picture.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 1900));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        Path target = Path.of(dir).resolve(name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
