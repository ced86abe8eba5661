package org.trialmeta.stats.meta;

import java.util.ArrayList;
import java.util.List;

/**
 * Leave-one-out sensitivity analysis, as metafor's {@code leave1out(res)}: the model refitted k times,
 * each time without one study, with the same method, test and level (estimate, SE, CI, Q, tau², I², H²
 * per omitted study). The Q-profile CI of tau² is not computed for the refits.
 */
public final class LeaveOneOut {

    private LeaveOneOut() {}

    /**
     * The k refits; element i is the fit without study i.
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
        List<FitResult> out = new ArrayList<>(k);
        double[] y = new double[k - 1];
        double[] v = new double[k - 1];
        for (int omit = 0; omit < k; omit++) {
            for (int i = 0, j = 0; i < k; i++) {
                if (i != omit) {
                    y[j] = yi[i];
                    v[j] = vi[i];
                    j++;
                }
            }
            out.add(MetaAnalysis.fit(GroupedModel.interceptOnly(y.clone(), v.clone()), o));
        }
        return List.copyOf(out);
    }
}
