package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link Design#redundant()} against the columns R's {@code lm(yi ~ X - 1)} gives NA coefficients, which metafor 3.8
 * drops ("Redundant predictors dropped from the model"): src/test/r/redundant.R, designs with a linear combination, a
 * constant, a duplicate, a factor's complement, a near-collinear column below and above lm's tolerance, more columns
 * than studies, a zero column and a badly scaled combination.
 */
class DesignRedundantTest {

    private static final Pattern FIELD = Pattern.compile("\"([^\"]*)\"|([^,]+)");

    @TestFactory
    Stream<DynamicTest> redundantColumnsAreThoseLmGivesNa() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/r/redundant/designs.csv"));
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = new ArrayList<>();
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                f.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            String name = f.get(0);
            int k = Integer.parseInt(f.get(1));
            int p = Integer.parseInt(f.get(2));
            double[] v = Arrays.stream(f.get(3).split(" ")).mapToDouble(Double::parseDouble).toArray();
            String dropped = line.endsWith(",\"\"") ? "" : f.get(4);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                double[][] x = new double[k][p];
                for (int i = 0; i < k; i++) {
                    System.arraycopy(v, i * p, x[i], 0, p);
                }
                List<String> names = new ArrayList<>(List.of("intrcpt"));
                for (int j = 1; j < p; j++) {
                    names.add("x" + j);
                }
                boolean[] redundant = new Design(names, x).redundant();
                StringBuilder got = new StringBuilder();
                for (int j = 0; j < p; j++) {
                    if (redundant[j]) {
                        got.append(got.length() == 0 ? "" : " ").append(j + 1);
                    }
                }
                assertThat(got.toString()).as(name).isEqualTo(dropped);
            }));
        }
        assertThat(tests).hasSize(11);
        return tests.stream();
    }
}
