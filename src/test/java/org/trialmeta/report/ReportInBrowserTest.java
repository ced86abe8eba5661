package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens the committed {@code reports/index.html} (which {@code ReportTest.committedReportsAreUpToDate}
 * keeps equal to a fresh run) in headless Chromium and checks what a reader would notice: every image
 * loads and has a size, every local link resolves to a file, every in-page anchor exists, and every
 * external link is an absolute http(s) address. Needs Debian's {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them. Skipped (not passed) where they are absent.
 */
class ReportInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path INDEX = Path.of("reports/index.html").toAbsolutePath();

    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Path profile = Files.createTempDirectory("trialmeta-chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--allow-file-access-from-files", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.get(INDEX.toUri().toString());
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> js(String script) {
        return new ArrayList<>((List<String>) ((JavascriptExecutor) driver).executeScript(script));
    }

    @Test
    void everyImageOfTheReportLoadsInChromium() {
        List<String> images = js("return Array.from(document.images).map(i => i.getAttribute('src'));");
        assertThat(images).as("images in index.html").isNotEmpty();
        List<String> broken = js("return Array.from(document.images)"
                + ".filter(i => !(i.complete && i.naturalWidth > 0 && i.naturalHeight > 0))"
                + ".map(i => i.getAttribute('src'));");
        assertThat(broken).as("images that did not load").isEmpty();
    }

    @Test
    void everyLinkResolvesToAFileAnAnchorOrAWebAddress() {
        List<String> hrefs = js("return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'));");
        assertThat(hrefs).isNotEmpty();
        List<String> bad = new ArrayList<>();
        for (String h : hrefs) {
            if (h.startsWith("#")) {
                Object found = ((JavascriptExecutor) driver).executeScript(
                        "return document.getElementById(arguments[0]) !== null;", h.substring(1));
                if (!Boolean.TRUE.equals(found)) {
                    bad.add(h + " (no element with that id)");
                }
            } else if (h.startsWith("http://") || h.startsWith("https://")) {
                URI u = URI.create(h);
                if (u.getHost() == null || u.getHost().isEmpty()) {
                    bad.add(h + " (no host)");
                }
            } else {
                String path = h.contains("#") ? h.substring(0, h.indexOf('#')) : h;
                if (!Files.isRegularFile(INDEX.getParent().resolve(path))) {
                    bad.add(h + " (no such file)");
                }
            }
        }
        assertThat(bad).as("links of index.html that do not resolve").isEmpty();
    }
}
