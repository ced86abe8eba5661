package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reference values written by src/test/r/methods.R (metafor 3.8.1) under src/test/resources/r/methods/, and the
 * comparison the reference tests share: relative deviation |java − R| / max(|R|, floor), the largest per quantity
 * kept for the summary each test class prints.
 */
final class MethodsReference {

    /** Closed-form tau² estimators and everything that does not depend on an iterative estimate. */
    static final double CLOSED_FORM_TOLERANCE = 1e-8;
    /** Iterative estimators (ML, REML, EB, PM) at their converged optimum. */
    static final double ITERATIVE_TOLERANCE = 1e-6;
    /** Values whose magnitude is below this are compared absolutely. */
    static final double ABSOLUTE_FLOOR = 1e-10;
    /** tau² below this is compared absolutely (metafor's tight Fisher scoring stops ~1e-14 above a boundary 0). */
    static final double TAU2_FLOOR = 1e-7;
    /** Percentages (I², R²) below this are compared absolutely, for the same reason. */
    static final double PERCENT_FLOOR = 0.1;

    private final Map<String, Double> maxDeviation = new TreeMap<>();

    static JsonNode load(String name) {
        try (InputStream in = MethodsReference.class.getResourceAsStream("/r/methods/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing reference file /r/methods/" + name + ".json");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double tolerance(Tau2Estimator m) {
        return m.iterative() ? ITERATIVE_TOLERANCE : CLOSED_FORM_TOLERANCE;
    }

    /** Compares one value; {@code quantity} names the row of the summary (e.g. "trimfill estimate"). */
    synchronized void close(String quantity, String where, double actual, double expected, double tol) {
        if (Double.isNaN(expected)) {
            assertThat(Double.isFinite(actual)).as(where + " " + quantity + ": metafor NA, java " + actual).isFalse();
            return;
        }
        String q = quantity.toLowerCase(Locale.ROOT);
        double floor = q.contains("tau2") ? TAU2_FLOOR : q.endsWith("i2") || q.endsWith("r2") || q.contains("weight")
                ? PERCENT_FLOOR : ABSOLUTE_FLOOR;
        double dev = Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
        maxDeviation.merge(quantity, dev, Math::max);
        assertThat(dev).as("%s %s: java %.17g vs metafor %.17g", where, quantity, actual, expected)
                .isLessThanOrEqualTo(tol);
    }

    /** The summary: the largest relative deviation of each quantity. */
    synchronized String summary(String title) {
        StringBuilder sb = new StringBuilder(title).append(": max relative deviation from metafor per quantity\n");
        maxDeviation.forEach((q, d) -> sb.append(String.format(Locale.ROOT, "  %-28s %.2e%n", q, d)));
        return sb.toString();
    }

    static double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    static double[] doubles(JsonNode array) {
        return MetaforReference.doubles(array);
    }
}
