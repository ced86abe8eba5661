package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.present.DisplayUnit;
import org.trialmeta.repository.Json;

/**
 * {@code km --plot} (issue 16): the numbers printed on the figure are {@code km}'s and {@code cox}'s, in SVG and in
 * the editable PPTX; the display unit converts the axis and the at-risk counts; the grey palette has no colour.
 * Data: the NCCTG lung trial ({@code examples/lung-survival.csv}, times in days). The expected lines are made
 * from {@code km}'s and {@code cox}'s JSON (each checked against R in its own tests), never from earlier output.
 */
class KmPlotCommandTest {

    private static final String LUNG = "examples/lung-survival.csv";

    @TempDir
    Path dir;

    private Run km(String... extra) {
        List<String> args = new ArrayList<>(List.of("km", "--input", LUNG, "--time", "time", "--event", "event",
                "--group", "sex"));
        args.addAll(List.of(extra));
        Run r = Run.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        return r;
    }

    /** The text of every text box of the PPTX's slide (shapes inside groups included). */
    static List<String> pptxTexts(Path pptx) throws Exception {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pptx); XMLSlideShow ppt = new XMLSlideShow(in)) {
            List<XSLFShape> todo = new ArrayList<>(ppt.getSlides().get(0).getShapes());
            while (!todo.isEmpty()) {
                XSLFShape s = todo.remove(0);
                if (s instanceof XSLFGroupShape g) {
                    todo.addAll(g.getShapes());
                } else if (s instanceof XSLFTextShape t) {
                    out.add(t.getText());
                }
            }
        }
        return out;
    }

    @Test
    void mediansLogRankAndHazardRatioArePrintedOnTheFigureAsKmAndCoxComputeThem() throws Exception {
        Path svg = dir.resolve("lung.svg");
        Path pptx = dir.resolve("lung.pptx");
        Run r = km("--format", "json", "--plot", svg.toString(), "--plot", pptx.toString(), "--time-unit", "days",
                "--display-unit", "months", "--labels", "Female,Male", "--title", "Overall survival by sex");
        var json = Json.mapper().readTree(r.out());
        // the medians of km's JSON, converted to months (1 month = 365.25/12 days) and written with one decimal
        List<String> medianLines = new ArrayList<>();
        String[] names = {"Female", "Male"};
        for (int g = 0; g < 2; g++) {
            var grp = json.get("groups").get(g);
            medianLines.add(names[g] + ": " + months(grp.get("median").asDouble()) + " ["
                    + months(grp.get("median_lower").asDouble()) + ", " + months(grp.get("median_upper").asDouble()) + "]");
        }
        double p = json.get("logrank").get("pval").asDouble();
        String pLine = "Log-rank P = " + String.format(Locale.ROOT, "%.3f", p);
        // the HR of cox on the 0/1 indicator of the second group (R's factor level order: female, male)
        Path csv = dir.resolve("lung-male.csv");
        List<String> lines = Files.readAllLines(Path.of(LUNG));
        List<String> withMale = new ArrayList<>(List.of(lines.get(0) + ",male"));
        for (String l : lines.subList(1, lines.size())) {
            withMale.add(l + "," + (l.contains("\"male\"") ? 1 : 0));
        }
        Files.write(csv, withMale);
        Run cox = Run.run("cox", "--input", csv.toString(), "--time", "time", "--event", "event", "--covariate", "male",
                "--format", "json");
        assertThat(cox.code()).as(cox.err()).isEqualTo(ExitCodes.OK);
        var c = Json.mapper().readTree(cox.out()).get("coefficients").get(0);
        String hrLine = "HR (95% CI): " + two(c.get("hr").asDouble()) + " [" + two(c.get("hr_lower").asDouble()) + ", "
                + two(c.get("hr_upper").asDouble()) + "]";
        List<String> expected = new ArrayList<>(medianLines);
        expected.addAll(List.of("Median (95% CI), months", pLine, hrLine, "Male vs Female (reference), Cox model",
                "Overall survival by sex", "Time (months)"));
        List<String> svgTexts = new ArrayList<>();
        Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(Files.readString(svg));
        while (m.find()) {
            svgTexts.add(m.group(1));
        }
        assertThat(svgTexts).containsAll(expected);
        assertThat(pptxTexts(pptx)).containsAll(expected);
    }

    @Test
    void theDisplayUnitConvertsTheAxisAndTheNumbersAtRiskCountTheInputTimes() throws Exception {
        Path svg = dir.resolve("years.svg");
        km("--plot", svg.toString(), "--time-unit", "days", "--display-unit", "years", "--labels", "F,M");
        String text = Files.readString(svg);
        assertThat(text).contains(">Time (years)<").contains(">Median (95% CI), years<");
        // at the 1-year tick: the patients of each sex followed for at least 365.25 days
        int[] atRisk = new int[2];
        for (String l : Files.readAllLines(Path.of(LUNG)).subList(1, 229)) {
            String[] f = l.split(",");
            if (Double.parseDouble(f[0]) >= 365.25) {
                atRisk[f[2].contains("female") ? 0 : 1]++;
            }
        }
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<text text-anchor='middle' x='([0-9.]+)'[^>]*>(\\d+)</text>").matcher(text);
        while (m.find()) {
            cells.add(m.group(2));
        }
        // rows F then M, ticks 0, 0.5, 1, ...: the third cell of each row is the 1-year count
        int perRow = cells.size() / 2;
        assertThat(cells.get(2)).isEqualTo(Integer.toString(atRisk[0]));
        assertThat(cells.get(perRow + 2)).isEqualTo(Integer.toString(atRisk[1]));
    }

    /** Months tick every 6 (0 to 36 for the lung data's 1,022 days), and the numbers at risk sit at those ticks. */
    @Test
    void aMonthAxisTicksEverySixMonths() throws Exception {
        Path svg = dir.resolve("months.svg");
        km("--plot", svg.toString(), "--time-unit", "days", "--display-unit", "months", "--labels", "F,M");
        String text = Files.readString(svg);
        assertThat(text).contains(">Time (months)<");
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<text text-anchor='middle' x='([0-9.]+)'[^>]*>(\\d+)</text>").matcher(text);
        while (m.find()) {
            cells.add(m.group(2));
        }
        // 7 ticks (0, 6, ..., 36 months) for each of the two rows
        assertThat(cells).hasSize(14);
        int[] atRisk = new int[2];
        for (String l : Files.readAllLines(Path.of(LUNG)).subList(1, 229)) {
            String[] f = l.split(",");
            if (Double.parseDouble(f[0]) >= 12 * DisplayUnit.MONTHS.days()) {
                atRisk[f[2].contains("female") ? 0 : 1]++;
            }
        }
        assertThat(cells.get(2)).isEqualTo(Integer.toString(atRisk[0])); // the 12-month tick
        assertThat(cells.get(7 + 2)).isEqualTo(Integer.toString(atRisk[1]));
    }

    @Test
    void theGreyPaletteHasNoSaturatedPixelWhereTheColourOneHas() throws Exception {
        Path grey = dir.resolve("grey.png");
        Path colour = dir.resolve("colour.png");
        km("--plot", grey.toString(), "--palette", "grey", "--ci-bands", "--dpi", "72");
        km("--plot", colour.toString(), "--ci-bands", "--dpi", "72");
        assertThat(saturatedPixels(grey)).isZero();
        assertThat(saturatedPixels(colour)).isGreaterThan(100);
        // and the grey groups differ by line style: the second curve is dashed in the SVG
        Path svg = dir.resolve("grey.svg");
        km("--plot", svg.toString(), "--palette", "grey");
        assertThat(Files.readString(svg)).contains("stroke-dasharray");
    }

    @Test
    void ciBandsAreOffByDefault() throws Exception {
        Path plain = dir.resolve("plain.svg");
        Path bands = dir.resolve("bands.svg");
        km("--plot", plain.toString());
        km("--plot", bands.toString(), "--ci-bands");
        assertThat(Files.readString(plain)).doesNotContain("pointwise 95% CIs").doesNotContain("fill-opacity:0.15625");
        assertThat(Files.readString(bands)).contains("pointwise 95% CIs").contains("fill-opacity:0.15625");
    }

    @Test
    void heightAndDpiSetTheSizeOfThePng() throws Exception {
        Path png = dir.resolve("size.png");
        km("--plot", png.toString(), "--width-cm", "12", "--height-cm", "10", "--dpi", "150");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
        // 10 cm at 150 dpi = 590.6 px; the panel takes the difference, within a point (2 px) of rounding
        assertThat(img.getHeight()).isBetween(589, 594);
    }

    /** Pixels whose channels differ by more than 24 of 255 (a grey, anti-aliased over white, differs by none). */
    private static int saturatedPixels(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 24) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String months(double days) {
        return String.format(Locale.ROOT, "%.1f", days * 12 / 365.25);
    }

    private static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
