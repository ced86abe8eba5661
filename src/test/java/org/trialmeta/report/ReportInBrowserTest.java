package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.trialmeta.analysis.EfficacyAnalysis;
import org.trialmeta.check.ReviewerCheck;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.present.CheckText;
import org.trialmeta.report.FigureWriter.Format;
import org.trialmeta.repository.TrialLoader;

/**
 * Builds the report of the curated {@code trials/} afresh into {@code target/report-browser/} (the committed
 * {@code reports/} is kept equal to a fresh run by {@code ReportTest.committedReportsAreUpToDate}), opens its
 * {@code index.html} in headless Chromium and checks what a reader would notice: every image loads, every link
 * resolves (a file, an anchor or an absolute web address); at 1280 px width nothing runs wider than the window
 * (screenshots: {@code target/report-1280.png}, {@code -full.png}, {@code -check.png}); the
 * navigation links every section, figure and table; the reviewer check's info findings are collapsed until
 * clicked; every figure has a link to each of its files; and printed (Chromium's own {@code Page.printToPDF},
 * the page's {@code @page} size) on A4 with nothing beyond the page's printable width. Needs Debian's
 * {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them. Skipped (not passed) where they
 * are absent.
 */
class ReportInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUT = Path.of("target/report-browser").toAbsolutePath();
    private static final Path INDEX = OUT.resolve("index.html");
    private static final int LAPTOP_WIDTH = 1280;
    private static final int LAPTOP_HEIGHT = 800;
    /** A4 in PDF points (1/72 in): 210 mm x 297 mm. */
    private static final double A4_WIDTH_PT = 210 / 25.4 * 72;
    private static final double A4_HEIGHT_PT = 297 / 25.4 * 72;
    /** The page's left and right print margins ({@code @page} in {@link Html#PAGE_CSS}), in mm. */
    private static final double PRINT_MARGIN_MM = 12;

    private static ChromeDriver driver;
    private static Report.Built built;
    /** The network section's graphs, figures of the page beside {@code built.figures()}. */
    private static int networkGraphs;

    @BeforeAll
    static void buildReportAndStartBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium not installed (apt-get install chromium chromium-driver)");
        TrialRepository repo = TrialLoader.loadDirectory(Path.of("trials"));
        var networks = org.trialmeta.analysis.TrialNetwork.all(repo, ReportTest.REPORT_STATUSES);
        networkGraphs = NetworkSection.graphs(org.trialmeta.present.TrialNetworkSummary.of(repo, networks)).size();
        built = Report.build(repo, EfficacyAnalysis.run(repo, ReportTest.REPORT_STATUSES), ReviewerCheck.run(repo),
                org.trialmeta.analysis.SurvivalCurveAnalysis.run(repo, ReportTest.REPORT_STATUSES), networks,
                Report.meta("trialmeta test", Path.of("trials")), EnumSet.allOf(Format.class), line -> { });
        Report.write(built, OUT);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Path profile = Files.createTempDirectory("trialmeta-chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--allow-file-access-from-files", "--hide-scrollbars",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        laptopScreen();
        driver.get(INDEX.toUri().toString());
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Every test starts from the page as loaded: screen media, 1280 px wide, at the top, details closed. */
    @AfterEach
    void reload() {
        if (driver != null) {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            laptopScreen();
            driver.navigate().refresh();
        }
    }

    /** A viewport of exactly 1280 x 800 CSS pixels at device scale 1 (the window's frame does not count). */
    private static void laptopScreen() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", LAPTOP_WIDTH, "height",
                LAPTOP_HEIGHT, "deviceScaleFactor", 1, "mobile", false));
    }

    private static Object exec(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    private static List<String> js(String script, Object... args) {
        return new ArrayList<>((List<String>) exec(script, args));
    }

    private static long number(String script) {
        return ((Number) exec(script)).longValue();
    }

    /**
     * Visible elements whose box reaches past the viewport's right edge (or before its left), as
     * "tag#id.class (left..right)"; the viewport is {@code document.documentElement.clientWidth} wide.
     */
    private static List<String> elementsWiderThanTheViewport() {
        return js("const w = document.documentElement.clientWidth; const out = [];"
                + "for (const e of document.querySelectorAll('body *')) {"
                + "  const r = e.getBoundingClientRect();"
                + "  if (r.width === 0 && r.height === 0) continue;"
                + "  if (r.right > w + 0.5 || r.left < -0.5) {"
                + "    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal"
                + "      === undefined ? '.' + e.className : '') + ' (' + Math.round(r.left) + '..' + Math.round(r.right)"
                + "      + ' of ' + w + ')');"
                + "  }"
                + "}"
                + "return out;");
    }

    @Test
    void everyImageOfTheReportLoadsInChromium() {
        List<String> images = js("return Array.from(document.images).map(i => i.getAttribute('src'));");
        assertThat(images).as("images in index.html").hasSize(built.figures().size() + networkGraphs);
        List<String> broken = js("return Array.from(document.images)"
                + ".filter(i => !(i.complete && i.naturalWidth > 0 && i.naturalHeight > 0))"
                + ".map(i => i.getAttribute('src'));");
        assertThat(broken).as("images that did not load (the page's Content-Security-Policy allows img-src 'self')")
                .isEmpty();
    }

    @Test
    void everyLinkResolvesToAFileAnAnchorOrAWebAddress() {
        List<String> hrefs = js("return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'));");
        assertThat(hrefs).isNotEmpty();
        List<String> bad = new ArrayList<>();
        for (String h : hrefs) {
            if (h.startsWith("#")) {
                if (!Boolean.TRUE.equals(exec("return document.getElementById(arguments[0]) !== null;", h.substring(1)))) {
                    bad.add(h + " (no element with that id)");
                }
            } else if (h.startsWith("http://") || h.startsWith("https://")) {
                URI u = URI.create(h);
                if (u.getHost() == null || u.getHost().isEmpty()) {
                    bad.add(h + " (no host)");
                }
            } else {
                String path = h.contains("#") ? h.substring(0, h.indexOf('#')) : h;
                if (!Files.isRegularFile(OUT.resolve(path))) {
                    bad.add(h + " (no such file)");
                }
            }
        }
        assertThat(bad).as("links of index.html that do not resolve").isEmpty();
    }

    @Test
    void at1280PixelsNothingRunsWiderThanTheWindowAndAScreenshotIsSaved() throws IOException {
        assertThat(number("return window.innerWidth;")).isEqualTo(LAPTOP_WIDTH);
        long scrollWidth = number("return document.documentElement.scrollWidth;");
        long clientWidth = number("return document.documentElement.clientWidth;");
        assertThat(scrollWidth).as("page width at %d px (scrollWidth vs clientWidth)", LAPTOP_WIDTH)
                .isLessThanOrEqualTo(clientWidth);
        assertThat(elementsWiderThanTheViewport()).as("elements wider than the %d px window", LAPTOP_WIDTH).isEmpty();

        byte[] top = driver.getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target/report-1280.png"), top);
        BufferedImage topImage = ImageIO.read(new ByteArrayInputStream(top));
        assertThat(topImage.getWidth()).isEqualTo(LAPTOP_WIDTH);

        // the whole page, the info findings opened too (they must fit as well)
        driver.findElement(By.cssSelector("#" + CheckText.INFO_ID + " > summary")).click();
        assertThat(elementsWiderThanTheViewport()).as("elements wider than the window, info findings open").isEmpty();
        assertThat(number("return document.documentElement.scrollWidth;")).isLessThanOrEqualTo(clientWidth);
        long height = number("return Math.ceil(document.documentElement.scrollHeight);");
        @SuppressWarnings("unchecked")
        Map<String, Object> shot = (Map<String, Object>) driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", LAPTOP_WIDTH, "height", height, "scale", 1)));
        byte[] full = Base64.getDecoder().decode((String) shot.get("data"));
        Files.write(Path.of("target/report-1280-full.png"), full);
        BufferedImage fullImage = ImageIO.read(new ByteArrayInputStream(full));
        assertThat(fullImage.getWidth()).isEqualTo(LAPTOP_WIDTH);
        assertThat((long) fullImage.getHeight()).isEqualTo(height);
    }

    @Test
    void theNavigationIsStickyAndLinksEverySectionFigureAndTable() throws IOException {
        List<String> navTargets = js("return Array.from(document.querySelectorAll('nav.toc a'))"
                + ".map(a => a.getAttribute('href'));");
        assertThat(navTargets).allMatch(h -> h.startsWith("#"));
        List<String> missing = new ArrayList<>();
        for (String h : navTargets) {
            if (!Boolean.TRUE.equals(exec("return document.getElementById(arguments[0]) !== null;", h.substring(1)))) {
                missing.add(h);
            }
        }
        assertThat(missing).as("navigation links without a target").isEmpty();
        List<String> anchors = js("return Array.from(document.querySelectorAll('main > section[id], main figure[id],"
                + " main table.data[id]')).filter(e => e.id !== 'table-data-files').map(e => '#' + e.id);");
        assertThat(anchors).hasSizeGreaterThanOrEqualTo(7 + built.figures().size() + built.tables().size());
        assertThat(navTargets).as("the navigation lists every section, figure and table").containsAll(anchors);
        assertThat(exec("return getComputedStyle(document.querySelector('nav.toc')).position;")).isEqualTo("sticky");

        // still on screen after scrolling down, and a click scrolls to its target
        driver.findElement(By.cssSelector("nav.toc a[href='#reviewer-check']")).click();
        assertThat(number("return Math.round(window.scrollY);")).isPositive();
        assertThat(number("return Math.round(document.getElementById('reviewer-check').getBoundingClientRect().top);"))
                .isBetween(-2L, 40L);
        assertThat(number("return Math.round(document.querySelector('nav.toc').getBoundingClientRect().top);"))
                .isZero();
        Files.write(Path.of("target/report-1280-check.png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theReviewerCheckShowsErrorsAndWarningsAndKeepsTheInfoFindingsCollapsedUntilClicked() {
        WebElement details = driver.findElement(By.id(CheckText.INFO_ID));
        assertThat(details.getTagName()).isEqualTo("details");
        assertThat(details.getDomProperty("open")).isEqualTo("false");
        assertThat(number("return document.querySelectorAll('#" + CheckText.INFO_ID + " tr.severity-info').length;"))
                .isPositive();
        assertThat(driver.findElements(By.cssSelector("#" + CheckText.INFO_ID + " tr.severity-info")))
                .noneMatch(WebElement::isDisplayed);
        // errors and warnings come before the info findings, in their own table, visible
        List<String> order = js("return Array.from(document.querySelectorAll('#reviewer-check tr[class^=severity-]'))"
                + ".map(r => r.className);");
        int lastIssue = Math.max(order.lastIndexOf("severity-error"), order.lastIndexOf("severity-warning"));
        assertThat(lastIssue).isLessThan(order.indexOf("severity-info"));
        assertThat(driver.findElements(By.cssSelector("#reviewer-check tr.severity-warning")))
                .isNotEmpty().allMatch(WebElement::isDisplayed);
        // the counts are also at the top of the page, before the first section
        String summary = driver.findElement(By.cssSelector("header .at-a-glance")).getText();
        assertThat(summary).containsPattern("\\d+ errors?, \\d+ warnings?, \\d+ info");

        driver.findElement(By.cssSelector("#" + CheckText.INFO_ID + " > summary")).click();
        assertThat(details.getDomProperty("open")).isEqualTo("true");
        assertThat(driver.findElements(By.cssSelector("#" + CheckText.INFO_ID + " tr.severity-info")))
                .allMatch(WebElement::isDisplayed);
    }

    @Test
    void everyFigureLinksToEachOfItsFilesUnderTheImage() throws IOException {
        List<WebElement> figures = driver.findElements(By.cssSelector("main figure"));
        assertThat(figures).hasSize(built.figures().size() + networkGraphs);
        for (WebElement f : figures) {
            List<String> hrefs = new ArrayList<>();
            for (WebElement a : f.findElements(By.cssSelector(".downloads a"))) {
                hrefs.add(a.getDomAttribute("href"));
            }
            String name = f.getDomAttribute("id").substring("fig-".length());
            assertThat(hrefs).as("download links of figure %s", name).containsExactly("figures/" + name + ".png",
                    "figures/" + name + ".svg", "figures/" + name + ".pdf", "figures/" + name + ".pptx");
            for (String h : hrefs) {
                byte[] b = Files.readAllBytes(OUT.resolve(h));
                String head = new String(b, 0, Math.min(b.length, 8), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(head).as(h).startsWith(h.endsWith(".png") ? "\u0089PNG" : h.endsWith(".pdf") ? "%PDF"
                        : h.endsWith(".pptx") ? "PK" : "<");
            }
            // the links are under the image
            double imgBottom = ((Number) exec("return arguments[0].querySelector('img').getBoundingClientRect().bottom;", f))
                    .doubleValue();
            double linksTop = ((Number) exec("return arguments[0].querySelector('.downloads').getBoundingClientRect().top;",
                    f)).doubleValue();
            assertThat(linksTop).isGreaterThanOrEqualTo(imgBottom);
        }
    }

    /**
     * Print layout, twice: the print style sheet at the width of A4's printable area (210 mm less the margins)
     * leaves nothing wider than the page; and Chromium's PDF of the page (the page's own {@code @page} size) has
     * A4 pages with every glyph inside the printable width, the last column of every table included. The info
     * findings are opened first, as a reviewer would before printing them.
     */
    @Test
    void thePagePrintsOnA4WithoutClippedTables() throws IOException {
        int printable = (int) Math.floor((210 - 2 * PRINT_MARGIN_MM) / 25.4 * 96); // CSS px
        driver.findElement(By.cssSelector("#" + CheckText.INFO_ID + " > summary")).click(); // printed opened too
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", printable, "height", 1000,
                "deviceScaleFactor", 1, "mobile", false));
        assertThat(exec("return getComputedStyle(document.querySelector('nav.toc')).display;")).isEqualTo("none");
        assertThat(number("return document.documentElement.scrollWidth;")).as("print layout at %d px", printable)
                .isLessThanOrEqualTo(number("return document.documentElement.clientWidth;"));
        assertThat(elementsWiderThanTheViewport()).as("elements wider than A4's printable width").isEmpty();

        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> pdf = (Map<String, Object>) driver.executeCdpCommand("Page.printToPDF", Map.of(
                "preferCSSPageSize", true, "printBackground", true));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Files.write(Path.of("target/report-a4.pdf"), bytes);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(3);
            for (PDPage p : doc.getPages()) {
                PDRectangle box = p.getMediaBox();
                assertThat(box.getWidth()).as("A4 width in pt").isBetween((float) A4_WIDTH_PT - 1, (float) A4_WIDTH_PT + 1);
                assertThat(box.getHeight()).as("A4 height in pt").isBetween((float) A4_HEIGHT_PT - 1,
                        (float) A4_HEIGHT_PT + 1);
            }
            List<String> outside = new ArrayList<>();
            double right = A4_WIDTH_PT - PRINT_MARGIN_MM / 25.4 * 72 + 1;
            double left = PRINT_MARGIN_MM / 25.4 * 72 - 1;
            StringBuilder text = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String s, List<TextPosition> positions) throws IOException {
                    for (TextPosition t : positions) {
                        if (t.getXDirAdj() < left || t.getXDirAdj() + t.getWidthDirAdj() > right) {
                            outside.add("page " + getCurrentPageNo() + ": '" + s + "' at x = " + t.getXDirAdj());
                            break;
                        }
                    }
                    text.append(s).append('\n');
                    super.writeString(s, positions);
                }
            };
            stripper.setSortByPosition(false); // Chromium writes text in document order: a wrapped header stays whole
            stripper.getText(doc);
            assertThat(outside).as("text outside A4's printable width").isEmpty();
            String all = text.toString().replaceAll("\\s+", " ");
            for (Table t : built.tables()) {
                assertThat(all).as("last column header of table %s in the PDF", t.id())
                        .contains(t.columns().get(t.columns().size() - 1));
            }
        }
    }
}
