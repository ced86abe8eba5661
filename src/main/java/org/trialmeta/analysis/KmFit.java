package org.trialmeta.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trialmeta.model.InputException;
import org.trialmeta.stats.survival.ConfType;
import org.trialmeta.stats.survival.Factor;
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
     * Fits {@code in}.
     *
     * @param level confidence level as a fraction
     * @param rho   the G-rho test's rho (0 = log-rank)
     * @param tau   upper limit of the restricted means, or null for the common one
     * @throws InputException when the log-rank test cannot be computed (naming the file)
     */
    public static KmFit of(KmInput in, ConfType confType, double level, double rho, Double tau) {
        Factor groups = in.groups();
        KaplanMeierGroups curves = groups == null
                ? new KaplanMeierGroups(List.of("all"), List.of(KaplanMeier.fit(in.time(), in.event(), confType, level)))
                : KaplanMeier.fitGroups(in.time(), in.event(), groups, confType, level);
        double t = tau != null ? tau : KaplanMeier.commonTau(curves.curves());
        List<Optional<RmstResult>> rmst = new ArrayList<>();
        for (var c : curves.curves()) {
            rmst.add(t > 0 ? Optional.of(c.rmst(t)) : Optional.empty());
        }
        Optional<RmstDifference> diff = curves.size() == 2 && t > 0
                ? Optional.of(KaplanMeier.rmstDifference(curves.curves().get(0), curves.curves().get(1), t, level))
                : Optional.empty();
        Optional<LogRankResult> lr = Optional.empty();
        if (in.groups() != null && curves.size() > 1) {
            try {
                // without strata from the curves' rows (the same doubles as from the observations: no sort, no copy)
                lr = Optional.of(in.strata() == null ? LogRank.test(curves.curves(), rho)
                        : LogRank.test(in.time(), in.event(), groups.codes(), Factor.of(in.strata()).codes(), rho));
            } catch (IllegalArgumentException e) {
                throw new InputException(in.file() + ": " + e.getMessage());
            }
        }
        return new KmFit(curves, confType, level, t, rmst, diff, in.groups() != null, lr);
    }
}
