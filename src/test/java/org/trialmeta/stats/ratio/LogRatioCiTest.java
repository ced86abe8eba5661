package org.trialmeta.stats.ratio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialmeta.stats.Interval;

/** LogRatioCi against base R (src/test/r/ratio_ci.R, log_ratio_ci.csv), and its rounding bounds. */
class LogRatioCiTest {

    /** Closed forms with qnorm/pnorm: only the normal tail implementations differ. */
    private static final double RELATIVE_TOLERANCE_PERCENT = 1e-9;
    /** off_centre is a difference of logs near 0: absolute tolerance. */
    private static final double OFF_CENTRE_TOLERANCE = 1e-12;

    @Test
    void matchesR() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/r/ratio/log_ratio_ci.csv"));
        assertThat(lines).hasSize(8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            double r = Double.parseDouble(c[1]);
            double l = Double.parseDouble(c[2]);
            double u = Double.parseDouble(c[3]);
            double level = Double.parseDouble(c[4]);
            assertThat(LogRatioCi.logStandardError(l, u, level)).as(c[0] + " se")
                    .isCloseTo(Double.parseDouble(c[5]), withinPercentage(RELATIVE_TOLERANCE_PERCENT));
            assertThat(LogRatioCi.z(r, l, u, level)).as(c[0] + " z")
                    .isCloseTo(Double.parseDouble(c[6]), withinPercentage(RELATIVE_TOLERANCE_PERCENT));
            assertThat(LogRatioCi.pValue(r, l, u, level)).as(c[0] + " p")
                    .isCloseTo(Double.parseDouble(c[7]), withinPercentage(1e-7));
            assertThat(LogRatioCi.offCentre(r, l, u)).as(c[0] + " off-centre")
                    .isCloseTo(Double.parseDouble(c[8]), within(OFF_CENTRE_TOLERANCE));
            assertThat(LogRatioCi.zOfP(Double.parseDouble(c[7]))).as(c[0] + " z of p")
                    .isCloseTo(Double.parseDouble(c[9]), withinPercentage(1e-7));
        }
    }

    @Test
    void altmanBlandWorkedExampleOrderOfMagnitude() {
        // d2304's approximation exp(-0.717 z - 0.416 z^2) vs the exact tail: same p to two figures for z = 2
        double approx = Math.exp(-0.717 * 2 - 0.416 * 4);
        assertThat(LogRatioCi.pOfZ(2)).isCloseTo(approx, withinPercentage(5));
    }

    @Test
    void zBoundsCoverThePrintedValuesAndWidenWithRounding() {
        double exact = LogRatioCi.z(0.72, 0.62, 0.83, 0.95);
        Interval b = LogRatioCi.zBounds(0.72, 0.005, 0.62, 0.005, 0.83, 0.005, 0.95);
        assertThat(b.contains(exact)).isTrue();
        assertThat(b.lower()).isGreaterThan(3.9).isLessThan(exact);
        assertThat(b.upper()).isGreaterThan(exact).isLessThan(5.0);
        // a ratio whose rounding box contains 1 can have z = 0
        assertThat(LogRatioCi.zBounds(1.0, 0.05, 0.7, 0.05, 1.4, 0.05, 0.95).lower()).isZero();
        // ends that may coincide: z unbounded
        assertThat(LogRatioCi.zBounds(1.0, 0.5, 1, 0.5, 1, 0.5, 0.95).upper()).isInfinite();
    }

    @Test
    void symmetricWithinRoundingIsZeroOffCentre() {
        assertThat(LogRatioCi.minOffCentre(0.72, 0.005, 0.62, 0.005, 0.83, 0.005)).isZero();
        assertThat(LogRatioCi.minOffCentre(0.49, 0.005, 0.38, 0.005, 0.64, 0.005)).isZero();
        // 0.72 (0.62-0.93): centre 0.759, beyond rounding
        double off = LogRatioCi.minOffCentre(0.72, 0.005, 0.62, 0.005, 0.93, 0.005);
        assertThat(off).isGreaterThan(0.15).isLessThan(0.3);
        assertThat(off).isLessThan(Math.abs(LogRatioCi.offCentre(0.72, 0.62, 0.93)));
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> LogRatioCi.logStandardError(0.8, 0.6, 0.95)).hasMessageContaining("must exceed");
        assertThatThrownBy(() -> LogRatioCi.z(0, 0.6, 0.8, 0.95)).hasMessageContaining("ratio 0.0");
        assertThatThrownBy(() -> LogRatioCi.zOfLevel(95)).hasMessageContaining("strictly between 0 and 1");
        assertThatThrownBy(() -> LogRatioCi.zOfP(1.5)).hasMessageContaining("[0, 1]");
        assertThat(LogRatioCi.zOfP(0)).isInfinite();
    }
}
