package org.trialmeta.present;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trialmeta.analysis.ReconstructFit;
import org.trialmeta.analysis.ReconstructInput;
import org.trialmeta.analysis.ReportedFigures;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.survival.ClickStyle;
import org.trialmeta.stats.survival.CoxCoefficient;
import org.trialmeta.stats.survival.LogRankResult;
import org.trialmeta.stats.survival.ReconstructionBootstrap;
import org.trialmeta.stats.survival.SurvivalQuantile;
import org.trialmeta.stats.survival.SurvivalScale;

/**
 * What {@code reconstruct} reports about the patient data it rebuilt and wrote: the one summary its text, its JSON
 * (snake_case keys, {@code null} where not estimable) and its repairs CSV are made from. In Guyot et al.'s R code
 * (BMC Med Res Methodol 2012;12:9) the data are the matrix {@code IPD}; the statistics are R's {@code survfit},
 * {@code print(survfit, rmean = tau)}, {@code coxph(Surv(time, event) ~ arm)} and {@code survdiff} on it.
 *
 * @param out        the patient-data CSV written
 * @param n          patients over all arms
 * @param events     events over all arms
 * @param censored   censored patients over all arms
 * @param level      confidence level, a fraction
 * @param rmstTau    upper limit of the RMST (the earliest last time over the arms unless --tau); null when 0
 * @param arms       one per arm, in the order given
 * @param comparison the first arm against the second, with two arms (absent from JSON otherwise)
 * @param bootstrap  the bootstrap, when asked for (absent from JSON otherwise)
 */
public record ReconstructSummary(String out, int n, int events, int censored, double level, Double rmstTau,
        List<Arm> arms, @JsonInclude(JsonInclude.Include.NON_NULL) Comparison comparison,
        @JsonInclude(JsonInclude.Include.NON_NULL) Bootstrap bootstrap) {

    /**
     * One arm.
     *
     * @param arm                 its name ("all" for a single --curve)
     * @param curve               the points file
     * @param atRisk              the at-risk file
     * @param curveFormat         how the points file was read (header, WebPlotDigitizer pairs, decimal comma)
     * @param scale               the survival axis: "proportion" (0–1) or "percent" (0–100)
     * @param scaleDetected       whether that scale was detected (--scale auto) rather than given
     * @param clicks              the clicking style the curve was read with: "corners" (both corners of each drop;
     *                            a drop without its foot click is completed, repair missing_foot) or "feet"
     * @param clicksDetected      whether that style was detected (--clicks auto) rather than given
     * @param clicksDrops         drops counted for the detection (steep falls within the time tolerance that do
     *                            not continue a drop)
     * @param clicksCornerPairs   of those, the drops whose preceding click lies at the top's level
     * @param clicksReason        why that style, in one line
     * @param points              number of points read
     * @param n                   patients rebuilt (the number at risk at time 0)
     * @param events              events among them
     * @param censored            censored patients
     * @param totalEventsReported the total of events given (--total-events, events=N), or null
     * @param median              median of the rebuilt curve (survival's rule); null when not reached
     * @param medianLower         its lower limit (log interval); null when not reached
     * @param medianUpper         its upper limit; null when not reached
     * @param rmst                restricted mean up to rmst_tau; null when rmst_tau is null
     * @param rmstSe              its standard error
     * @param reportedMedian      the publication's median (--reported-median), or null
     * @param medianDifference    median − reported median; null when either is not estimable or not given
     * @param numbersAtRisk       published numbers at risk against those of the rebuilt data
     * @param repairs             every repair made to this arm's input (empty: none needed)
     */
    public record Arm(String arm, String curve, String atRisk, String curveFormat, String scale, boolean scaleDetected,
            String clicks, boolean clicksDetected, int clicksDrops, int clicksCornerPairs, String clicksReason,
            int points, int n, int events, int censored, Integer totalEventsReported, Double median, Double medianLower,
            Double medianUpper, Double rmst, Double rmstSe, Reported reportedMedian, Double medianDifference,
            List<AtRisk> numbersAtRisk, List<RepairEntry> repairs) {}

    /** A published number at risk and the rebuilt data's number at risk at the same time. */
    public record AtRisk(double time, int published, int reconstructed) {}

    /**
     * A repair and the points it touched.
     *
     * @param repair      its code, e.g. "isotonic", "flat_interval", "scale_percent"
     * @param file        the file it is about
     * @param description what was done, in one line
     * @param points      the points or at-risk rows touched
     */
    public record RepairEntry(String repair, String file, String description, List<Point> points) {}

    /**
     * A point (or at-risk row) a repair touched.
     *
     * @param line     its line in the file; null for a point the repair inserted
     * @param time     its time as read; null when inserted
     * @param value    its survival (as read) or number at risk; null when inserted
     * @param newTime  its time after the repair; null when removed
     * @param newValue its survival (a fraction) or number at risk after the repair; null when removed
     */
    public record Point(Integer line, Double time, Double value, Double newTime, Double newValue) {}

    /** A figure the publication reports: estimate (null: not reached) and interval ends (null: not given). */
    public record Reported(Double estimate, Double lower, Double upper) {}

    /**
     * The first arm against the second.
     *
     * @param first               the first arm's name
     * @param second              the second (reference) arm's name
     * @param hazardRatio         Cox HR first vs second (exp(coef)); null when not estimable
     * @param lower               its lower confidence limit
     * @param upper               its upper confidence limit
     * @param logHr               log HR (coef)
     * @param seLogHr             its SE
     * @param logrankChisq        log-rank chi-square ({@code survdiff$chisq}); null when not estimable (a singular
     *                            variance matrix)
     * @param logrankP            its p-value
     * @param reportedHazardRatio the publication's HR (--reported-hr), or null
     * @param logHrDifference     log HR − log reported HR; null without both
     * @param ratioToReported     HR / reported HR; null without both
     * @param withinReportedCi    whether the reconstructed HR lies within the reported interval; null without it
     */
    public record Comparison(String first, String second, Double hazardRatio, Double lower, Double upper, Double logHr,
            Double seLogHr, Double logrankChisq, Double logrankP, Reported reportedHazardRatio, Double logHrDifference,
            Double ratioToReported, Boolean withinReportedCi) {}

    /**
     * Bootstrap intervals including digitisation error ({@link ReconstructionBootstrap}).
     *
     * @param replicates           replicates
     * @param seed                 seed
     * @param survivalSd           SD of the perturbation of survival readings
     * @param timeSdFraction       SD of the perturbation of time readings, as a fraction of the last time
     * @param method               the method in one line
     * @param arms                 per arm, in order
     * @param hazardRatioLower     percentile interval of the HR (two arms), lower end
     * @param hazardRatioUpper     upper end
     * @param hazardRatioDigitisationLower the HR's spread from digitisation alone, lower end
     * @param hazardRatioDigitisationUpper upper end
     * @param hazardRatioFailed    replicates without a finite HR
     */
    public record Bootstrap(int replicates, long seed, double survivalSd, double timeSdFraction, String method,
            List<BootstrapArm> arms, Double hazardRatioLower, Double hazardRatioUpper,
            Double hazardRatioDigitisationLower, Double hazardRatioDigitisationUpper, int hazardRatioFailed) {}

    /**
     * One arm's bootstrap intervals; an upper end of a median that is null was not reached in too many replicates.
     */
    public record BootstrapArm(String arm, Double medianLower, Double medianUpper, Double rmstLower, Double rmstUpper,
            Double medianDigitisationLower, Double medianDigitisationUpper, Double rmstDigitisationLower,
            Double rmstDigitisationUpper, int medianNotReached) {}

    /** One-line description of the bootstrap, for text and JSON. */
    public static final String BOOTSTRAP_METHOD = "each replicate perturbs every digitised point (normal errors),"
            + " repairs and reconstructs again, then resamples patients with replacement (Efron 1981); percentile"
            + " intervals; 'digitisation alone' omits the resampling";

    /** The summary of {@code fit}, whose patient data were written to {@code out}. */
    public static ReconstructSummary of(ReconstructFit fit, Path out) {
        List<Arm> arms = new ArrayList<>();
        int n = 0;
        int events = 0;
        for (ReconstructFit.Arm a : fit.arms()) {
            arms.add(arm(a, fit.reported()));
            n += a.ipd().size();
            events += a.ipd().events();
        }
        Comparison cmp = null;
        if (fit.cox().isPresent()) {
            cmp = comparison(fit, arms);
        }
        Bootstrap b = fit.bootstrap().map(r -> bootstrap(r, arms)).orElse(null);
        return new ReconstructSummary(out.toString(), n, events, n - events, fit.settings().level(),
                fit.tau() > 0 ? fit.tau() : null, arms, cmp, b);
    }

    private static Arm arm(ReconstructFit.Arm a, ReportedFigures reported) {
        ReconstructInput in = a.input();
        String name = in.arm().isEmpty() ? "all" : in.arm();
        SurvivalQuantile med = a.km().median();
        ReportedFigures.Value rep = reported.medians().get(in.arm());
        Double diff = rep != null && rep.estimate() != null && med.time().isPresent()
                ? med.time().getAsDouble() - rep.estimate() : null;
        List<AtRisk> risk = new ArrayList<>();
        double[] rt = in.atRisk().time();
        int[] rn = in.atRisk().nRisk();
        for (int i = 0; i < rt.length; i++) {
            risk.add(new AtRisk(rt[i], rn[i], a.km().nRiskAt(rt[i])));
        }
        List<RepairEntry> repairs = new ArrayList<>();
        for (var r : a.prepared().repairs()) {
            List<Point> pts = new ArrayList<>();
            for (var t : r.points()) {
                int line = in.line(r.source(), t.index());
                pts.add(new Point(line < 0 ? null : line, d(t.time()), d(t.value()), d(t.newTime()), d(t.newValue())));
            }
            repairs.add(new RepairEntry(r.kind().code(), in.file(r.source()), r.description(), pts));
        }
        return new Arm(name, in.curve().table().name(), in.risk().table().name(), in.curve().format(),
                a.prepared().scale() == SurvivalScale.PERCENT ? "percent" : "proportion", a.prepared().scaleDetected(),
                a.prepared().clicks().style().code(), a.prepared().clicks().detected(), a.prepared().clicks().drops(),
                a.prepared().clicks().cornerPairs(), clicksReason(a.prepared().clicks()),
                in.points().size(), a.ipd().size(), a.ipd().events(), a.ipd().size() - a.ipd().events(),
                in.totalEvents().isPresent() ? in.totalEvents().getAsInt() : null, d(med.time()), d(med.lower()),
                d(med.upper()), a.rmst() == null ? null : a.rmst().rmean(), a.rmst() == null ? null : a.rmst().se(),
                rep == null ? null : new Reported(rep.estimate(), rep.lower(), rep.upper()), diff, risk, repairs);
    }

    /** Why a curve was read with its clicking style ({@link ClickStyle}), in one line. */
    static String clicksReason(ClickStyle.Used c) {
        String counts = c.cornerPairs() + " of " + c.drops() + " drop" + (c.drops() == 1 ? "" : "s")
                + " with the click before the top at the top's level";
        if (!c.detected()) {
            return "given; " + counts;
        }
        if (c.drops() < ClickStyle.MIN_DROPS) {
            return "detected: too few drops to tell (" + counts + "; at least " + ClickStyle.MIN_DROPS
                    + " needed), read at the feet (each drop at its click, as Guyot et al.)";
        }
        String rule = "corners needs at least " + Formats.general(100 * ClickStyle.CORNER_SHARE) + "%";
        return "detected: " + counts + " (" + Formats.general(Math.round(1000.0 * c.cornerPairs() / c.drops()) / 10.0)
                + "%; " + rule + ")";
    }

    private static Comparison comparison(ReconstructFit fit, List<Arm> arms) {
        CoxCoefficient c = fit.cox().get().coefficients().get(0);
        Optional<CoxCoefficient.Estimate> e = c.possiblyInfinite() ? Optional.empty() : c.estimate();
        LogRankResult lr = fit.logRank().get();
        ReportedFigures.Value rep = fit.reported().hazardRatio();
        Double hr = e.map(CoxCoefficient.Estimate::hazardRatio).orElse(null);
        Double logDiff = hr != null && rep != null ? Math.log(hr) - Math.log(rep.estimate()) : null;
        return new Comparison(arms.get(0).arm(), arms.get(1).arm(), hr,
                e.map(x -> x.hazardRatioCi().lower()).orElse(null), e.map(x -> x.hazardRatioCi().upper()).orElse(null),
                e.map(CoxCoefficient.Estimate::coef).orElse(null), e.map(CoxCoefficient.Estimate::se).orElse(null),
                d(lr.chisq()), d(lr.pValue()), rep == null ? null : new Reported(rep.estimate(), rep.lower(), rep.upper()),
                logDiff, hr != null && rep != null ? hr / rep.estimate() : null,
                hr != null && rep != null ? rep.lower() <= hr && hr <= rep.upper() : null);
    }

    private static Bootstrap bootstrap(ReconstructionBootstrap.Result r, List<Arm> arms) {
        List<BootstrapArm> out = new ArrayList<>();
        for (int g = 0; g < r.arms().size(); g++) {
            ReconstructionBootstrap.ArmResult a = r.arms().get(g);
            out.add(new BootstrapArm(arms.get(g).arm(), lo(a.median()), hi(a.median()), lo(a.rmst()), hi(a.rmst()),
                    lo(a.medianDigitisation()), hi(a.medianDigitisation()), lo(a.rmstDigitisation()),
                    hi(a.rmstDigitisation()), a.medianNotReached()));
        }
        return new Bootstrap(r.replicates(), r.seed(), r.errorModel().survivalSd(), r.errorModel().timeSdFraction(),
                BOOTSTRAP_METHOD, out, r.hazardRatio().map(ReconstructSummary::lo).orElse(null),
                r.hazardRatio().map(ReconstructSummary::hi).orElse(null),
                r.hazardRatioDigitisation().map(ReconstructSummary::lo).orElse(null),
                r.hazardRatioDigitisation().map(ReconstructSummary::hi).orElse(null), r.hazardRatioFailed());
    }

    private static Double lo(Interval i) {
        return d(i.lower());
    }

    private static Double hi(Interval i) {
        return d(i.upper());
    }

    private static Double d(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double d(OptionalDouble o) {
        return o.isPresent() ? o.getAsDouble() : null;
    }
}
