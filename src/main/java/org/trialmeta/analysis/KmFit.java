package org.trialmeta.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trialmeta.model.InputException;
import org.trialmeta.stats.survival.ConfType;
import org.trialmeta.stats.survival.Factor;
import org.trialmeta.stats.survival.GroupedTimes;
import org.trialmeta.stats.survival.KaplanMeier;
import org.trialmeta.stats.survival.KaplanMeierGroups;
import org.trialmeta.stats.survival.LogRank;
import org.trialmeta.stats.survival.LogRankResult;
import org.trialmeta.stats.survival.RmstDifference;
import org.trialmeta.stats.survival.RmstResult;

/**
 * Everything {@code km} reports, computed once: the curves per group ({@code survfit(Surv(time, status) ~ group)}),
 * the restricted means up to a common limit ({@code print(survfit, rmean = )}), their difference with two groups
 * (survRM2's {@code rmst2}) and the G-rho test between the groups ({@code survdiff(..., rho = )}).
 *
 * @param curves         one curve per group in R's factor order; a single curve labelled "all" without groups
 * @param confType       interval transformation of the curves
 * @param level          confidence level as a fraction
 * @param tau            upper limit of the restricted means: the one asked for, else the largest last follow-up time
 *                       over the groups (survival's "common"); 0 when every time is 0
 * @param rmst           the restricted mean of each group up to {@code tau} (same order); empty when tau is 0
 * @param rmstDifference first − second group's restricted mean, with exactly two groups and tau &gt; 0
 * @param grouped        whether groups were asked for
 * @param logRank        the G-rho test, with groups and at least two of them
 */
public record KmFit(KaplanMeierGroups curves, ConfType confType, double level, double tau,
        List<Optional<RmstResult>> rmst, Optional<RmstDifference> rmstDifference, boolean grouped,
        Optional<LogRankResult> logRank) {

    public KmFit {
        rmst = List.copyOf(rmst);
    }

    /**
     * The patients of a {@code km} input gathered per group as the curves read them ({@link GroupedTimes}), without
     * the columns they came from: what {@link #of(Grouped, ConfType, double, double, Double)} needs without strata.
     *
     * @param file    the input's name, for messages
     * @param times   the observations per group (one group "all" without groups)
     * @param grouped whether groups were asked for
     */
    public record Grouped(String file, GroupedTimes times, boolean grouped) {

        /** The patients of {@code in} grouped. */
        public static Grouped of(KmInput in) {
            return new Grouped(in.file(), in.groups() == null ? GroupedTimes.of(in.time(), in.event(), "all")
                    : GroupedTimes.of(in.time(), in.event(), in.groups()), in.groups() != null);
        }
    }

    /**
     * Fits {@code in}; with strata the log-rank test reads the patients' columns, otherwise only the curves.
     *
     * @param level confidence level as a fraction
     * @param rho   the G-rho test's rho (0 = log-rank)
     * @param tau   upper limit of the restricted means, or null for the common one
     * @throws InputException when the log-rank test cannot be computed (naming the file)
     */
    public static KmFit of(KmInput in, ConfType confType, double level, double rho, Double tau) {
        return fit(Grouped.of(in), in.strata() == null ? null : in, confType, level, rho, tau);
    }

    /**
     * Fits patients already grouped, without strata (the columns they were read from may be gone: on 10⁶ rows the
     * heap {@code km} needs is then that of the grouped times and the curves).
     *
     * @see #of(KmInput, ConfType, double, double, Double)
     */
    public static KmFit of(Grouped patients, ConfType confType, double level, double rho, Double tau) {
        return fit(patients, null, confType, level, rho, tau);
    }

    /** The fit; {@code stratified} is the input when the log-rank test is stratified, else null. */
    private static KmFit fit(Grouped patients, KmInput stratified, ConfType confType, double level, double rho,
            Double tau) {
        KaplanMeierGroups curves = KaplanMeier.fitGroups(patients.times(), confType, level);
        double t = tau != null ? tau : KaplanMeier.commonTau(curves.curves());
        List<Optional<RmstResult>> rmst = new ArrayList<>();
        for (var c : curves.curves()) {
            rmst.add(t > 0 ? Optional.of(c.rmst(t)) : Optional.empty());
        }
        Optional<RmstDifference> diff = curves.size() == 2 && t > 0
                ? Optional.of(KaplanMeier.rmstDifference(curves.curves().get(0), curves.curves().get(1), t, level))
                : Optional.empty();
        Optional<LogRankResult> lr = Optional.empty();
        if (patients.grouped() && curves.size() > 1) {
            try {
                // without strata from the curves' rows (the same doubles as from the observations: no sort, no copy)
                lr = Optional.of(stratified == null ? LogRank.test(curves.curves(), rho)
                        : LogRank.test(stratified.time(), stratified.event(), stratified.groups().codes(),
                                Factor.of(stratified.strata()).codes(), rho));
            } catch (IllegalArgumentException e) {
                throw new InputException(patients.file() + ": " + e.getMessage());
            }
        }
        return new KmFit(curves, confType, level, t, rmst, diff, patients.grouped(), lr);
    }
}
