package org.trialmeta.stats.meta;

import java.util.Arrays;
import java.util.List;

/**
 * Cumulative meta-analysis, as metafor 3.8 {@code cumul(res)}: the model refitted to the first 1, 2, …, k studies in
 * input order with the same method, test and level (element i is the fit of studies 1..i+1; the first is a k = 1
 * fit: tau² = 0, z-test, no heterogeneity). The Q-profile CI of tau² is not computed.
 */
public final class Cumulative {

    private Cumulative() {}

    /**
     * The k fits, in input order, each made when it is read ({@link Refits}: each read fits again, from any thread;
     * nothing is kept, so that a reader keeping only what it reports needs memory linear in k).
     */
    public static List<FitResult> run(double[] yi, double[] vi, MetaAnalysis.Options options) {
        MetaAnalysis.validate(yi, vi);
        MetaAnalysis.Options o = options.withTau2Ci(false);
        double[] ys = yi.clone();
        double[] vs = vi.clone();
        return new Refits(ys.length, i -> MetaAnalysis.fit(Arrays.copyOf(ys, i + 1), Arrays.copyOf(vs, i + 1), o));
    }
}
