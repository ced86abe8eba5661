package org.trialmeta.analysis;

import java.util.List;
import java.util.Optional;
import org.trialmeta.model.InputException;
import org.trialmeta.stats.survival.Factor;
import org.trialmeta.stats.survival.Ties;

/**
 * The Cox hazard ratio between the two groups of a {@code km} input, as R's
 * {@code coxph(Surv(time, event) ~ group + strata(s), ties = "efron")} with {@code group} a factor: the first level
 * in R's factor order ({@link Factor}, the order of {@code km}'s curves) is the reference, the coefficient is the log
 * hazard ratio of the second level against it. Fitted by {@link CoxFit} (the code {@code cox} uses) on the 0/1
 * indicator of the second level, which is what R's treatment contrast of a two-level factor is.
 */
public final class KmCox {

    private KmCox() {}

    /**
     * The fit, with the indicator named after the second level; empty when the Cox model cannot be fitted (e.g. no
     * event at all), which a figure reports as not estimable.
     *
     * @param level confidence level of the hazard-ratio interval, as a fraction
     * @throws IllegalArgumentException unless the input has groups, exactly two of them
     */
    public static Optional<CoxFit> of(KmInput in, double level) {
        if (in.groups() == null) {
            throw new IllegalArgumentException("a hazard ratio between groups needs groups");
        }
        Factor f = in.groups();
        if (f.size() != 2) {
            throw new IllegalArgumentException("a hazard ratio needs exactly two groups, not " + f.size());
        }
        int[] codes = f.codes();
        double[] second = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            second[i] = codes[i];
        }
        CoxInput cox = new CoxInput(in.file(), in.time(), in.event(), List.of(f.levels().get(1)),
                new double[][] {second}, in.strata());
        try {
            return Optional.of(CoxFit.of(cox, Ties.EFRON, level));
        } catch (InputException e) {
            return Optional.empty();
        }
    }
}
