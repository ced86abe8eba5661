package org.trialmeta.present;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trialmeta.analysis.KmFit;
import org.trialmeta.stats.survival.KaplanMeierCurve;
import org.trialmeta.stats.survival.LogRankResult;
import org.trialmeta.stats.survival.RmstDifference;
import org.trialmeta.stats.survival.RmstResult;
import org.trialmeta.stats.survival.SurvivalQuantile;

/**
 * What {@code km} reports: the one summary from which its text and its JSON (the published {@code km} contract;
 * keys in snake_case, {@code null} where R gives NA) are made. R's names: {@code survfit(Surv(time, status) ~
 * group, conf.type = , conf.int = )}, {@code print(fit, rmean = )}, {@code quantile(fit)}, {@code survdiff}.
 *
 * @param confType       the interval transformation, survfit's {@code conf.type} ("log", "log-log", "plain", "none")
 * @param level          confidence level as a fraction, survfit's {@code conf.int} (0.95)
 * @param rmeanTau       upper limit of the restricted means, print's {@code rmean}: {@code --tau}, else the largest
 *                       last follow-up time over the groups ({@code rmean = "common"}); 0 when every time is 0
 * @param groups         one entry per curve, in R's factor order of the labels ("all" without {@code --group})
 * @param rmstDifference first − second group's restricted mean, with exactly two groups and rmean_tau &gt; 0;
 *                       omitted from JSON otherwise
 * @param grouped        whether {@code --group} was given: JSON then has {@code logrank}, null with one group
 * @param logrank        the G-rho test between the groups ({@code survdiff}); null without it
 */
public record KmSummary(String confType, double level, double rmeanTau, List<Group> groups,
        @JsonInclude(JsonInclude.Include.NON_NULL) RmstComparison rmstDifference, @JsonIgnore boolean grouped,
        @JsonIgnore LogRank logrank) {

    /**
     * One curve.
     *
     * @param group       its label (survfit's {@code strata} without "group=")
     * @param n           number of patients ({@code n})
     * @param events      number of events ({@code events})
     * @param median      median survival time ({@code median} of {@code print(fit)}, survival's survmean rule); null
     *                    when not reached
     * @param medianLower its lower confidence limit ({@code 0.95LCL}); null when not reached
     * @param medianUpper its upper confidence limit ({@code 0.95UCL}); null when not reached
     * @param rmean       restricted mean up to rmean_tau ({@code *rmean}); null when rmean_tau is 0
     * @param rmeanSe     its standard error ({@code *se(rmean)}); null when rmean_tau is 0
     * @param table       one row per distinct time with an event or censoring ({@code summary(fit, censored = TRUE)})
     * @param quantiles   the 25%, 50% and 75% quantiles ({@code quantile(fit, probs = c(0.25, 0.5, 0.75))})
     */
    public record Group(String group, int n, int events, Double median, Double medianLower, Double medianUpper,
            Double rmean, Double rmeanSe, List<Row> table, List<Quantile> quantiles) {
    }

    /**
     * One row of the Kaplan-Meier table.
     *
     * @param time    the time ({@code time})
     * @param nRisk   number at risk just before it ({@code n.risk})
     * @param nEvent  events at it ({@code n.event})
     * @param nCensor censorings at it ({@code n.censor})
     * @param surv    survival just after it ({@code surv})
     * @param stdErr  standard error of {@code surv} ({@code std.err} of {@code summary(fit)}); null where R gives NaN
     * @param lower   lower confidence limit ({@code lower}); null where R gives NA
     * @param upper   upper confidence limit ({@code upper}); null where R gives NA
     */
    public record Row(double time, int nRisk, int nEvent, int nCensor, double surv, Double stdErr, Double lower,
            Double upper) {
    }

    /**
     * A quantile of the survival distribution ({@code quantile(fit, probs)}): the time by which a fraction
     * {@code probability} has had the event; nulls when not reached.
     */
    public record Quantile(double probability, Double time, Double lower, Double upper) {
    }

    /**
     * Difference of two restricted means (survRM2's {@code rmst2} "RMST (arm=1)-(arm=0)" row).
     *
     * @param first      label of the first group
     * @param second     label of the second group
     * @param tau        the common upper limit
     * @param difference first − second
     * @param se         its standard error, sqrt(se₁² + se₂²)
     * @param lower      Wald CI lower end at the summary's level
     * @param upper      Wald CI upper end
     * @param pval       two-sided p-value
     */
    public record RmstComparison(String first, String second, double tau, double difference, double se, double lower,
            double upper, double pval) {
    }

    /**
     * The G-rho test ({@code survdiff(Surv(time, status) ~ group [+ strata(s)], rho = )}).
     *
     * @param chisq      the chi-square statistic ({@code chisq}); null when not estimable (see {@code reason})
     * @param df         its degrees of freedom (groups with expected &gt; 0, minus 1)
     * @param pval       its p-value ({@code pvalue}); null when df = 0 or chisq is not estimable
     * @param rho        the weights' rho (0 = log-rank, 1 = Peto-Peto)
     * @param stratified whether stratified by {@code --strata}
     * @param observed   weighted observed events per group ({@code obs}, summed over strata)
     * @param expected   weighted expected events per group ({@code exp})
     * @param reason     why chisq and pval are not estimable ({@link #SINGULAR}); null when they are
     */
    public record LogRank(Double chisq, int df, Double pval, double rho, boolean stratified, List<Double> observed,
            List<Double> expected, String reason) {

        /**
         * The reason when the variance matrix of the groups is singular (survdiff stops there with "system is
         * exactly singular"; the curves, medians and restricted means are still reported).
         */
        public static final String SINGULAR = "variance matrix singular: no information to compare the groups, e.g."
                + " every event at one time";
    }

    /** JSON's {@code logrank}: present with {@code --group} (last key; null with one group), absent without. */
    @JsonAnyGetter
    public Map<String, LogRank> logrankEntry() {
        return grouped ? Collections.singletonMap("logrank", logrank) : Map.of();
    }

    /** Quantile probabilities reported per group. */
    private static final double[] QUANTILES = {0.25, 0.5, 0.75};

    /** The summary of a {@code km} fit. */
    public static KmSummary of(KmFit fit) {
        List<String> labels = fit.curves().labels();
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < labels.size(); g++) {
            KaplanMeierCurve c = fit.curves().curves().get(g);
            SurvivalQuantile med = c.median();
            Optional<RmstResult> rm = fit.rmst().get(g);
            // each made when it is read (JSON and text read them one at a time): a table of 10⁶ rows otherwise holds a
            // second object with three boxed numbers per row (about 130 bytes a row)
            List<Row> rows = new MappedList<>(c.rows(), r -> new Row(r.time(), r.nRisk(), r.nEvent(), r.nCensor(),
                    r.surv(), d(r.stdErr()), d(r.lower()), d(r.upper())));
            List<Quantile> qs = new ArrayList<>();
            for (SurvivalQuantile q : c.quantiles(QUANTILES)) {
                qs.add(new Quantile(q.probability(), d(q.time()), d(q.lower()), d(q.upper())));
            }
            groups.add(new Group(labels.get(g), c.n(), c.events(), d(med.time()), d(med.lower()), d(med.upper()),
                    rm.map(RmstResult::rmean).orElse(null), rm.map(RmstResult::se).orElse(null), rows, qs));
        }
        RmstComparison diff = null;
        if (fit.rmstDifference().isPresent()) {
            RmstDifference x = fit.rmstDifference().get();
            diff = new RmstComparison(labels.get(0), labels.get(1), fit.tau(), x.difference(), x.se(), x.ci().lower(),
                    x.ci().upper(), x.pValue());
        }
        LogRank lr = fit.logRank().map(KmSummary::logRank).orElse(null);
        return new KmSummary(fit.confType().rName(), fit.level(), fit.tau(), groups, diff, fit.grouped(), lr);
    }

    private static LogRank logRank(LogRankResult r) {
        return new LogRank(d(r.chisq()), r.df(), d(r.pValue()), r.rho(), r.stratified(), list(r.observed()),
                list(r.expected()), r.singular() ? LogRank.SINGULAR : null);
    }

    private static List<Double> list(double[] a) {
        List<Double> l = new ArrayList<>(a.length);
        for (double x : a) {
            l.add(x);
        }
        return List.copyOf(l);
    }

    private static Double d(OptionalDouble o) {
        return o.isPresent() ? o.getAsDouble() : null;
    }
}
