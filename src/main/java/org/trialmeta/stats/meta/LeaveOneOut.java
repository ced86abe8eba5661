package org.trialmeta.stats.meta;

import java.util.List;

/**
 * Leave-one-out sensitivity analysis, as metafor's {@code leave1out(res)}: the model refitted k times,
 * each time without one study, with the same method, test and level (estimate, SE, CI, Q, tau², I², H²
 * per omitted study). The Q-profile CI of tau² is not computed for the refits.
 */
public final class LeaveOneOut {

    private LeaveOneOut() {}

    /**
     * The k refits; element i is the fit without study i, made when it is read ({@link Refits}: each read fits again,
     * from any thread; nothing is kept, so that a reader keeping only what it reports needs memory linear in k).
     *
     * @throws IllegalArgumentException when k &lt; 2 (metafor: "Stopped because k = 1")
     */
    public static List<FitResult> run(double[] yi, double[] vi, MetaAnalysis.Options options) {
        MetaAnalysis.validate(yi, vi);
        int k = yi.length;
        if (k < 2) {
            throw new IllegalArgumentException("leave-one-out needs k >= 2 studies, got " + k);
        }
        MetaAnalysis.Options o = options.withTau2Ci(false);
        double[] ys = yi.clone();
        double[] vs = vi.clone();
        return new Refits(k, omit -> MetaAnalysis.fit(GroupedModel.interceptOnly(without(ys, omit), without(vs, omit)),
                o));
    }

    /** {@code x} without element {@code omit}, in order. */
    private static double[] without(double[] x, int omit) {
        double[] out = new double[x.length - 1];
        System.arraycopy(x, 0, out, 0, omit);
        System.arraycopy(x, omit + 1, out, omit, x.length - omit - 1);
        return out;
    }
}
