package org.trialmeta.stats.meta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cumulative meta-analysis, as metafor 3.8 {@code cumul(res)}: the model refitted to the first 1, 2, …, k studies in
 * input order with the same method, test and level (element i is the fit of studies 1..i+1; the first is a k = 1
 * fit: tau² = 0, z-test, no heterogeneity). The Q-profile CI of tau² is not computed.
 */
public final class Cumulative {

    private Cumulative() {}

    /** The k fits, in input order. */
    public static List<FitResult> run(double[] yi, double[] vi, MetaAnalysis.Options options) {
        MetaAnalysis.validate(yi, vi);
        MetaAnalysis.Options o = options.withTau2Ci(false);
        List<FitResult> out = new ArrayList<>(yi.length);
        for (int i = 1; i <= yi.length; i++) {
            out.add(MetaAnalysis.fit(Arrays.copyOf(yi, i), Arrays.copyOf(vi, i), o));
        }
        return List.copyOf(out);
    }
}
