package org.trialmeta.stats.meta;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Trim and fill (Duval S, Tweedie R. Biometrics 2000;56:455–463; JASA 2000;95:89–98) with the L0 estimator, as
 * metafor 3.8 {@code trimfill(res)} on an intercept-only model.
 *
 * <p>Side: "left" (missing studies assumed on the left) unless the slope of the regression on √vi, fitted with
 * the model's method, is negative. On the side-adjusted scale (y → −y for "right") the studies are sorted by y
 * (stably); repeatedly the k − k0 smallest are pooled (model's method), the centred values y − β̂ ranked by
 * absolute value (ties: first come first), S_r = sum of the positive signed ranks, k0 = max(0, round((4 S_r −
 * k(k+1))/(2k − 1))), until k0 repeats (at most 100 iterations). The k0 largest are mirrored about the last β̂
 * (filled value 2β̂ − y_i with the same vi) and the model is refitted to all k + k0 — as metafor, with the
 * method of the model and the z-test at 95% (metafor's refit does not pass {@code test} or {@code level}); when
 * k0 = 0 the model itself is returned.
 */
public final class TrimAndFill {

    /** metafor's {@code maxiter}. */
    public static final int MAX_ITERATIONS = 100;

    private TrimAndFill() {}

    /** Side on which studies are assumed missing. */
    public enum Side {
        LEFT, RIGHT;

        /** "left" or "right", as metafor prints. */
        public String label() {
            return this == LEFT ? "left" : "right";
        }
    }

    /**
     * The result.
     *
     * @param k0       number of filled studies
     * @param side     the side estimated
     * @param filledYi the filled estimates (on the original scale), in metafor's order
     * @param filledVi their sampling variances
     * @param fit      the model fitted to the observed and filled studies (the input model when k0 = 0)
     */
    public record Result(int k0, Side side, double[] filledYi, double[] filledVi, MetaAnalysisResult fit) {
        public Result {
            filledYi = filledYi.clone();
            filledVi = filledVi.clone();
        }

        @Override
        public double[] filledYi() {
            return filledYi.clone();
        }

        @Override
        public double[] filledVi() {
            return filledVi.clone();
        }
    }

    /**
     * Runs trim and fill for the model fitted to {@code yi, vi} with options {@code o}.
     *
     * @throws NotConvergedException when a fit does not converge, or the algorithm not within
     *     {@link #MAX_ITERATIONS} (metafor: "Trim and fill algorithm did not converge")
     * @throws IllegalArgumentException for invalid input or k &lt; 2
     */
    public static Result run(double[] yi, double[] vi, MetaAnalysis.Options o) {
        MetaAnalysis.validate(yi, vi);
        int k = yi.length;
        if (k < 2) {
            throw new IllegalArgumentException("trim and fill needs k >= 2 studies, got " + k);
        }
        MetaAnalysis.Options fitOptions = o.withTau2Ci(false);
        MetaAnalysisResult model = fitted(MetaAnalysis.fit(yi, vi, fitOptions), "trim and fill: model");
        Side side = side(yi, vi, fitOptions);
        double sign = side == Side.RIGHT ? -1 : 1;
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> sign * yi[i]));
        double[] y = new double[k];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            y[i] = sign * yi[order[i]];
            v[i] = vi[order[i]];
        }
        int k0 = 0;
        int previous = -1;
        int iterations = 0;
        double beta = Double.NaN;
        while (k0 != previous) {
            previous = k0;
            if (++iterations > MAX_ITERATIONS) {
                throw new NotConvergedException("trim and fill",
                        new NotConverged(o.method(), k, iterations, "trim and fill algorithm did not converge"));
            }
            double[] yt = Arrays.copyOf(y, k - k0);
            double[] vt = Arrays.copyOf(v, k - k0);
            beta = fitted(MetaAnalysis.fit(yt, vt, fitOptions), "trim and fill: trimmed fit").estimate();
            k0 = (int) Math.max(0, Math.round(l0(y, beta)));
        }
        if (k0 == 0) {
            return new Result(0, side, new double[0], new double[0], model);
        }
        double[] filledYi = new double[k0];
        double[] filledVi = new double[k0];
        double[] allY = Arrays.copyOf(yi, k + k0);
        double[] allV = Arrays.copyOf(vi, k + k0);
        for (int j = 0; j < k0; j++) {
            int i = k - k0 + j;
            filledYi[j] = sign * (2 * beta - y[i]);
            filledVi[j] = v[i];
            allY[k + j] = filledYi[j];
            allV[k + j] = filledVi[j];
        }
        MetaAnalysis.Options refit = fitOptions.withTest(TestType.Z).withLevel(0.95);
        MetaAnalysisResult filled = fitted(MetaAnalysis.fit(allY, allV, refit), "trim and fill: refit with filled studies");
        return new Result(k0, side, filledYi, filledVi, filled);
    }

    /** "right" when the slope of yi on √vi (model's method) is negative, else "left". */
    static Side side(double[] yi, double[] vi, MetaAnalysis.Options o) {
        double[] sei = new double[vi.length];
        for (int i = 0; i < vi.length; i++) {
            sei[i] = Math.sqrt(vi[i]);
        }
        Design d = Design.of(List.of("sei"), List.of(sei));
        if (yi.length < 3 || d.rankDeficient()) {
            // metafor's rma.uni stops here ("Number of parameters to be estimated is larger than the number of
            // observations" / "Model matrix not of full rank"), and with it trimfill
            throw new IllegalArgumentException("trim and fill: the side cannot be estimated: the regression on the"
                    + " standard errors needs k >= 3 studies with different sampling variances");
        }
        RegressionFit f = LinearMetaRegression.fit(yi, vi, d, o.withTest(TestType.Z));
        if (f instanceof NotConverged nc) {
            throw new NotConvergedException("trim and fill: side", nc);
        }
        return ((RegressionResult) f).coefficients().get(1).estimate() < 0 ? Side.RIGHT : Side.LEFT;
    }

    /** The L0 estimate (4 S_r − k(k+1))/(2k − 1) for sorted values {@code y} centred at {@code beta}. */
    static double l0(double[] y, double beta) {
        int k = y.length;
        double[] c = new double[k];
        Integer[] idx = new Integer[k];
        for (int i = 0; i < k; i++) {
            c[i] = y[i] - beta;
            idx[i] = i;
        }
        // rank(abs(c), ties.method = "first"): a stable sort by |c|
        Arrays.sort(idx, Comparator.comparingDouble(i -> Math.abs(c[i])));
        double sr = 0;
        for (int r = 0; r < k; r++) {
            if (c[idx[r]] > 0) {
                sr += r + 1;
            }
        }
        return (4 * sr - k * (k + 1.0)) / (2 * k - 1.0);
    }

    private static MetaAnalysisResult fitted(FitResult f, String context) {
        if (f instanceof NotConverged nc) {
            throw new NotConvergedException(context, nc);
        }
        return (MetaAnalysisResult) f;
    }
}
