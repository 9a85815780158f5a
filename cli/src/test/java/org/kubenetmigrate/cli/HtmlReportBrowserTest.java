package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.testsupport.SyntheticFleet;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * The HTML report in a real browser (Debian's chromium, driven through chromedriver): the page runs without
 * console errors or policy violations, sorting, filtering, expanding and paging work, and hostile cluster names are
 * shown as text without running. Screenshots (light, dark, print) go to target/ for a person to look at.
 *
 * <p>Needs chromium and chromedriver ({@link Chromium}: skipped with the reason when missing, failed in CI, where
 * .ci/run installs both). Slow: a browser start and two rendered reports.
 */
@Tag("slow")
@ExtendWith(Chromium.class)
class HtmlReportBrowserTest {
    static final Path CHROMIUM = Chromium.CHROMIUM;
    static final Path CHROMEDRIVER = Chromium.CHROMEDRIVER;
    static final String SCRIPT_NAME = "<script>alert(1)</script>";
    static final String IMG_NAME = "\"><img src=x onerror=alert(1)>";
    /** Runs before the page's own script (through DevTools, so the page's CSP does not apply to it). */
    static final String PROBE = "window.__alerts = []; window.__errors = []; window.__csp = [];"
            + "window.alert = function (m) { window.__alerts.push(String(m)); };"
            + "window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + " window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });";

    static ChromeDriver driver;
    static Path userData;
    static Path exampleReport;
    static Path pagedReport;

    @BeforeAll
    static void startBrowserAndRenderReports(@TempDir Path dir) throws Exception {
        exampleReport = renderExampleWithHostileClusters(dir);
        Path synthetic = dir.resolve("synthetic");
        SyntheticFleet.write(synthetic, 130, 42L);
        pagedReport = dir.resolve("paged.html");
        CliRun paged = CliRun.of("report", "--from", synthetic.toString(), "--format", "html", "--group-by",
                "subscription", "--out", pagedReport.toString());
        assertThat(paged.exitCode()).as(paged.err()).isZero();

        userData = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1800", "--user-data-dir=" + userData);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
    }

    /** The example fleet plus two clusters whose names and tags are attacks, as Azure would return them. */
    static Path renderExampleWithHostileClusters(Path dir) throws Exception {
        Path input = dir.resolve("fleet");
        Path examples = Path.of(ExampleFleetReportTest.FLEET);
        try (Stream<Path> files = Files.walk(examples)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = input.resolve(examples.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        List<ObjectNode> hostile = new ArrayList<>();
        String[][] names = {{"hostile-1", SCRIPT_NAME}, {"hostile-2", IMG_NAME}};
        for (String[] n : names) {
            ObjectNode c = (ObjectNode) mapper.readTree(examples.resolve(
                    "sub-a001-payments/arm/managedClusters/aks-payments-prod-weu.json").toFile());
            c.put("id", c.get("id").asText().replace("aks-payments-prod-weu", n[0]));
            c.put("name", n[1]);
            ((ObjectNode) c.get("tags")).put("owner", "</script><script>alert(2)</script>");
            hostile.add(c);
        }
        Files.writeString(input.resolve("hostile.json"), mapper.writeValueAsString(hostile));
        Path html = dir.resolve("example.html");
        CliRun run = CliRun.of("report", "--from", input.toString(), "--format", "html", "--out", html.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return html;
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (userData != null) {
            try (Stream<Path> walk = Files.walk(userData)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void openTheExampleReport() {
        open(exampleReport);
    }

    static void open(Path page) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
        driver.get(page.toUri().toString());
        assertThat(driver.findElement(By.id("table-js")).isDisplayed()).as("the script ran").isTrue();
    }

    static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    static List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#rows tr.cluster"));
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (WebElement row : rows()) {
            names.add(row.findElement(By.cssSelector("td.name strong")).getText());
        }
        return names;
    }

    static void sortBy(String key) {
        driver.findElement(By.cssSelector("#clusters th[data-key='" + key + "'] button")).click();
    }

    @Test
    void theReportRunsWithoutConsoleErrorsScriptErrorsOrPolicyViolations() {
        assertThat(rows()).hasSize(35);
        assertThat(driver.findElement(By.id("count")).getText()).isEqualTo("Showing 1–35 of 35");
        assertThat(js("return window.__errors")).asList().isEmpty();
        assertThat(js("return window.__csp")).asList().isEmpty();
        List<String> severe = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                severe.add(entry.getMessage());
            }
        }
        assertThat(severe).as("browser console").isEmpty();
        assertThat(driver.findElement(By.cssSelector(".card.days .num")).getText()).isEqualTo("486");
        assertThat(driver.findElements(By.cssSelector(".chart svg"))).hasSize(4);
    }

    @Test
    void hostileNamesAreShownAsTextAndNothingRuns() {
        driver.findElement(By.id("filter")).sendKeys("hostile");
        assertThat(names()).containsExactlyInAnyOrder(SCRIPT_NAME, IMG_NAME);
        rows().get(0).findElement(By.cssSelector("button.toggle")).click();
        assertThat(driver.findElement(By.cssSelector("tr.detail")).getText())
                .contains("owner=</script><script>alert(2)</script>");
        assertThat(js("return window.__alerts")).asList().isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElements(By.tagName("img"))).isEmpty();
        assertThat(driver.findElements(By.tagName("script"))).as("only the page's own two").hasSize(2);
        assertThat(js("return window.__csp")).asList().isEmpty();
    }

    @Test
    void sortingByAColumnHeaderOrdersTheRowsBothWays() {
        assertThat(names().get(0)).as("most urgent first by default").isEqualTo("aks-cards-prod-weu");
        sortBy("name");
        List<String> ascending = names();
        List<String> expected = new ArrayList<>(ascending);
        expected.sort(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT)));
        assertThat(ascending).isEqualTo(expected);
        assertThat(driver.findElement(By.cssSelector("th[data-key='name']")).getAttribute("aria-sort"))
                .isEqualTo("ascending");
        sortBy("name");
        List<String> descending = names();
        java.util.Collections.reverse(expected);
        assertThat(descending).isEqualTo(expected);
        sortBy("version");
        assertThat(rows().get(0).findElements(By.tagName("td")).get(4).getText()).isEqualTo("1.26.15");
    }

    @Test
    void filteringByTextAndVerdictNarrowsTheRows() {
        driver.findElement(By.id("filter")).sendKeys("retail");
        assertThat(names()).hasSize(4).allSatisfy(n -> assertThat(n).contains("retail"));
        assertThat(driver.findElement(By.id("count")).getText()).isEqualTo("Showing 1–4 of 4 (filtered from 35)");
        new Select(driver.findElement(By.id("readiness"))).selectByValue("INCOMPLETE");
        assertThat(names()).containsExactlyInAnyOrder("aks-retail-prod-eus2", "aks-retail-search-eus2",
                "aks-retail-edge-eus2", "aks-retail-batch-eus2");
        new Select(driver.findElement(By.id("readiness"))).selectByValue("BLOCKED");
        assertThat(names()).isEmpty();
        driver.findElement(By.id("filter")).clear();
        driver.findElement(By.id("filter")).sendKeys("route-table-shared");
        new Select(driver.findElement(By.id("readiness"))).selectByValue("");
        assertThat(names()).as("a rule id finds the clusters it fired on, or could not check")
                .containsExactly("aks-cards-prod-weu", "aks-observability-neu");
    }

    @Test
    void aRowExpandsToItsFindingsRemediationAndReferences() {
        WebElement first = rows().get(0);
        assertThat(first.getText()).contains("aks-cards-prod-weu");
        first.findElement(By.cssSelector("button.toggle")).click();
        WebElement detail = driver.findElement(By.cssSelector("tr.detail"));
        assertThat(detail.getText()).contains("BLOCKER route-table-shared", "Fix: Before the update",
                "ACTION agic-addon");
        assertThat(detail.findElements(By.tagName("a"))).isNotEmpty().allSatisfy(a ->
                assertThat(a.getAttribute("href")).startsWith("https://"));
        assertThat(driver.findElement(By.cssSelector("tr.cluster button.toggle")).getAttribute("aria-expanded"))
                .isEqualTo("true");
    }

    @Test
    void aLargeFleetIsPagedAndGrouped() {
        open(pagedReport);
        assertThat(rows()).hasSize(50);
        assertThat(driver.findElement(By.id("page")).getText()).isEqualTo("Page 1 of 3");
        driver.findElement(By.id("next")).click();
        driver.findElement(By.id("next")).click();
        assertThat(rows()).as("130 synthetic clusters: 50, 50, then 30").hasSize(30);
        assertThat(driver.findElement(By.id("next")).isEnabled()).isFalse();
        Select group = new Select(driver.findElement(By.id("group")));
        assertThat(group.getOptions().size()).isGreaterThan(2);
        group.selectByIndex(1);
        String chosen = group.getFirstSelectedOption().getText();
        assertThat(rows()).isNotEmpty().allSatisfy(r -> assertThat(r.getText()).contains(chosen));
        assertThat(js("return window.__errors")).asList().isEmpty();
    }

    @Test
    void screenshotsInLightDarkAndPrint() throws Exception {
        Path target = Path.of("target");
        Files.write(target.resolve("html-report-light.png"), driver.getScreenshotAs(OutputType.BYTES));
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        assertThat(js("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(13, 17, 23)");
        Files.write(target.resolve("html-report-dark.png"), driver.getScreenshotAs(OutputType.BYTES));
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print", "features", List.of()));
        assertThat(driver.findElement(By.id("filter")).isDisplayed()).as("controls hidden in print").isFalse();
        Files.write(target.resolve("html-report-print.png"), driver.getScreenshotAs(OutputType.BYTES));
        assertThat(target.resolve("html-report-light.png")).isNotEmptyFile();
    }
}
