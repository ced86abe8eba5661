package org.trialmeta.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pool-adjacent-violators against R's {@code -isoreg(-y)$yf} (src/test/r/isotonic.R, R 4.2.2). */
class IsotonicRegressionTest {

    /** R writes 15 significant digits. */
    private static final double R_TOLERANCE = 1e-12;

    @Test
    void nonIncreasingFitMatchesR() throws IOException {
        Map<String, List<double[]>> cases = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/r/reconstruct/isoreg.csv")).subList(1, 47)) {
            String[] c = line.split(",");
            cases.computeIfAbsent(c[0], k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(c[2]), Double.parseDouble(c[3])});
        }
        assertThat(cases).hasSize(4);
        for (var e : cases.entrySet()) {
            double[] y = e.getValue().stream().mapToDouble(v -> v[0]).toArray();
            double[] fit = IsotonicRegression.decreasing(y, null);
            for (int i = 0; i < y.length; i++) {
                assertThat(fit[i]).as("case %s index %d", e.getKey(), i)
                        .isCloseTo(e.getValue().get(i)[1], within(R_TOLERANCE));
            }
        }
    }

    @Test
    void weightsPoolByWeightedMeanAndMonotoneInputIsUnchanged() {
        assertThat(IsotonicRegression.decreasing(new double[] {0.5, 0.8}, new double[] {3, 1}))
                .containsExactly(0.575, 0.575);
        double[] y = {1, 0.8, 0.8, 0.3, 0};
        assertThat(IsotonicRegression.decreasing(y, null)).containsExactly(y);
    }
}
