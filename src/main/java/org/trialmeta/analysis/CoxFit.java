package org.trialmeta.analysis;

import org.trialmeta.model.InputException;
import org.trialmeta.stats.survival.CoxModel;
import org.trialmeta.stats.survival.CoxRegression;
import org.trialmeta.stats.survival.Factor;
import org.trialmeta.stats.survival.ProportionalHazardsTest;
import org.trialmeta.stats.survival.Ties;

/**
 * A Cox model as {@code cox} fits it: {@code coxph(Surv(time, event) ~ covariates + strata(s), ties = )} and its
 * proportional-hazards tests {@code cox.zph(fit, transform = "km")}.
 *
 * @param model the fit
 * @param zph   the proportional-hazards tests
 */
public record CoxFit(CoxModel model, ProportionalHazardsTest.Result zph) {

    /**
     * Fits {@code in}; strata are the levels of {@code factor(strata)}.
     *
     * @param level confidence level of the hazard-ratio intervals, as a fraction
     * @throws InputException when the data cannot be fitted (e.g. no events), naming the file
     */
    public static CoxFit of(CoxInput in, Ties ties, double level) {
        int[] strata = in.strata() == null ? null : Factor.of(in.strata()).codes();
        try {
            CoxModel fit = CoxRegression.fit(in.time(), in.event(), in.columns(), in.names(), strata, ties, level);
            return new CoxFit(fit, ProportionalHazardsTest.zph(fit, in.time(), in.event(), in.columns(), strata));
        } catch (IllegalArgumentException e) {
            throw new InputException(in.file() + ": " + e.getMessage());
        }
    }
}
