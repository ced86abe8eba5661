package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trialmeta digitise} on figures R drew from patient data we know (src/test/r/km_figures.R: NCCTG lung,
 * survival by sex; base R plot.survfit and survminer ggsurvplot, each at two sizes), and the round trip image →
 * curves → {@code reconstruct} (with the published numbers at risk, examples/km-at-risk-*.csv) → medians and HR,
 * against the patient data (survfit: medians 270 days male, 426 female; coxph: HR female vs male 0.588).
 */
class DigitiseCommandTest {

    private static final Path FIGURES = Path.of("src/test/resources/digitise");
    private static final double TRUE_HR = 0.5880028;
    /**
     * |median read − true| in days: a pixel is 1.9 days on the small figures (x-axis of about 530 pixels for 1000
     * days) and the trace is within about a pixel, so two pixels.
     */
    private static final double MEDIAN_TOLERANCE = 4;
    /** |log HR from the figure − log HR from the patient data|. */
    private static final double LOG_HR_TOLERANCE = 0.03;

    @TempDir
    Path dir;

    private static JsonNode json(Run r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base-small", "base-large", "ggsurvplot-small", "ggsurvplot-large"})
    void imageToCurvesToPatientsReproducesMediansAndHazardRatio(String figure) throws IOException {
        Path out = dir.resolve(figure);
        JsonNode d = json(Run.run("digitise", "--image", FIGURES.resolve(figure + ".png").toString(), "--x-range",
                "0,1000", "--colours", "#1f77b4,#ff7f0e", "--out-dir", out.toString(), "--format", "json"));
        assertThat(d.get("calibrated_on").asText()).isEqualTo("ticks");
        assertThat(d.get("curves")).hasSize(2);
        assertThat(Files.readAllLines(out.resolve("curve-1.csv")).get(0)).isEqualTo("time,survival");
        byte[] png = Files.readAllBytes(out.resolve("overlay.png"));
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        JsonNode r = json(Run.run("reconstruct", "--arm", "Female=" + out.resolve("curve-2.csv")
                + ",examples/km-at-risk-female.csv", "--arm", "Male=" + out.resolve("curve-1.csv")
                + ",examples/km-at-risk-male.csv", "--out", out.resolve("ipd.csv").toString(), "--format", "json"));
        double hr = r.at("/comparison/hazard_ratio").asDouble();
        System.out.printf(Locale.ROOT, "digitise round trip %s: medians %.1f %.1f, HR %.4f%n", figure,
                r.at("/arms/0/median").asDouble(), r.at("/arms/1/median").asDouble(), hr);
        assertThat(r.at("/arms/0/median").asDouble()).isCloseTo(426, within(MEDIAN_TOLERANCE));
        assertThat(r.at("/arms/1/median").asDouble()).isCloseTo(270, within(MEDIAN_TOLERANCE));
        assertThat(r.at("/arms/0/n").asInt()).isEqualTo(90);
        assertThat(Math.log(hr)).isCloseTo(Math.log(TRUE_HR), within(LOG_HR_TOLERANCE));
    }

    @Test
    void anAxisRangeWiderThanADoubleIsRefused() {
        // -1e308,1e308: LAST - FIRST is infinite, and every time was written as an empty cell (exit 0)
        Path out = dir.resolve("out");
        Run r = Run.run("digitise", "--image", FIGURES.resolve("base-small.png").toString(), "--x-range=-1e308,1e308",
                "--out-dir", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).isEqualTo("trialmeta: --x-range: '-1e308,1e308' (LAST - FIRST is too large for a number:"
                + " the axis must span a finite width, below about 1.8e308)\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void withoutColoursTheTwoCurvesAreFoundAndTheBandsAreNot() throws IOException {
        JsonNode d = json(Run.run("digitise", "--image", FIGURES.resolve("ggsurvplot-small.png").toString(),
                "--x-range", "0,1000", "--out-dir", dir.toString(), "--format", "json"));
        List<String> colours = new ArrayList<>();
        d.get("curves").forEach(c -> colours.add(c.get("colour").asText()));
        assertThat(colours).hasSize(2);
        assertThat(colours).anyMatch(c -> c.startsWith("#1f7")).anyMatch(c -> c.startsWith("#ff7"));
        Run text = Run.run("digitise", "--image", FIGURES.resolve("base-small.png").toString(), "--x-range", "0,1000",
                "--out-dir", dir.resolve("t").toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("calibrated on the ticks (6 x ticks, 6 y ticks found)", "curve-2.csv",
                "check the trace: ");
    }
}
