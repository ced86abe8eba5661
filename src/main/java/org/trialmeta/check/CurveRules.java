package org.trialmeta.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialmeta.analysis.CurveSet;
import org.trialmeta.analysis.ReconstructFit;
import org.trialmeta.analysis.StatusFilter;
import org.trialmeta.analysis.SurvivalCurveAnalysis;
import org.trialmeta.model.InputException;
import org.trialmeta.model.SurvivalCurve;
import org.trialmeta.model.Trial;
import org.trialmeta.model.TrialRepository;
import org.trialmeta.stats.survival.CoxCoefficient;
import org.trialmeta.stats.survival.SurvivalQuantile;

/**
 * {@link Rule#RECONSTRUCTED_VS_REPORTED}: the curves of a trial file's {@code curves:} section are reconstructed
 * ({@link SurvivalCurveAnalysis}, every status) and their medians and HR compared with the published figures of the
 * same arms, endpoint, subgroup and cut. A faithful reconstruction of a well-digitised figure reproduces the published
 * median to a few percent and the log HR to a few hundredths (docs/reconstruct.md, docs/benchmarks.md); beyond
 * {@link #MEDIAN_TOLERANCE} or {@link #LOG_HR_TOLERANCE} the digitisation, the at-risk table or the pairing of curve
 * and figure deserves a second look (a warning); within them the agreement is listed (info). Curves that cannot be
 * reconstructed are an error.
 */
final class CurveRules {

    /** Largest |reconstructed − reported| / reported median that is agreement. */
    static final double MEDIAN_TOLERANCE = 0.10;
    /** Largest |log(reconstructed HR / reported HR)| that is agreement (a ratio of HRs within 0.905–1.105). */
    static final double LOG_HR_TOLERANCE = 0.10;

    private CurveRules() {}

    static void reconstructedVsReported(Collector c) {
        for (Trial t : c.repo().trials()) {
            if (t.curves().isEmpty()) {
                continue;
            }
            SurvivalCurveAnalysis.Result r;
            try {
                r = SurvivalCurveAnalysis.run(new TrialRepository(List.of(t), c.repo().sources()), StatusFilter.ALL);
            } catch (InputException e) {
                c.add(Severity.ERROR, Rule.RECONSTRUCTED_VS_REPORTED, t, "curves", "", "",
                        "the digitised curves cannot be reconstructed: " + e.getMessage(),
                        t.curves().stream().map(x -> x.provenance().source()).toList());
                continue;
            }
            for (CurveSet s : r.sets()) {
                set(c, t, s);
            }
        }
    }

    private static void set(Collector c, Trial t, CurveSet s) {
        String where = s.subgroup() + "/" + s.cut() + "/" + s.endpoint();
        for (int g = 0; g < s.arms().size(); g++) {
            CurveSet.Arm a = s.arms().get(g);
            if (a.reportedMedian().isEmpty()) {
                continue;
            }
            CurveSet.Reported rep = a.reportedMedian().get();
            SurvivalQuantile med = s.fit().arms().get(g).km().median();
            String unit = " " + s.unit().name().toLowerCase(Locale.ROOT);
            String reported = "median " + (rep.estimate() == null ? "not reached" : num(rep.estimate()) + unit);
            String recomputed = "reconstructed median " + (med.time().isPresent() ? num(med.time().getAsDouble()) + unit
                    : "not reached");
            Severity sev;
            String msg;
            if (rep.estimate() != null && med.time().isPresent()) {
                double rel = Math.abs(med.time().getAsDouble() - rep.estimate()) / rep.estimate();
                sev = rel > MEDIAN_TOLERANCE ? Severity.WARNING : Severity.INFO;
                msg = String.format(Locale.ROOT, "the median reconstructed from the digitised curve differs from the"
                        + " reported one by %.1f%% (agreement: within %.0f%%)", 100 * rel, 100 * MEDIAN_TOLERANCE);
            } else if (rep.estimate() == null && med.time().isEmpty()) {
                sev = Severity.INFO;
                msg = "not reached in the reconstruction either";
            } else {
                sev = Severity.WARNING;
                msg = rep.estimate() == null ? "reported as not reached, but the reconstructed curve falls below 0.5"
                        : "reported as reached, but the reconstructed curve stays above 0.5";
            }
            c.add(sev, Rule.RECONSTRUCTED_VS_REPORTED, t, a.arm() + "/" + where + ".median", reported, recomputed, msg,
                    sources(a.curve(), rep));
        }
        if (s.reportedHr().isEmpty() || s.fit().cox().isEmpty()) {
            return;
        }
        ReconstructFit fit = s.fit();
        CoxCoefficient coef = fit.cox().get().coefficients().get(0);
        if (coef.possiblyInfinite() || coef.estimate().isEmpty()) {
            return;
        }
        double hr = coef.estimate().get().hazardRatio();
        CurveSet.Reported rep = s.reportedHr().get();
        double d = Math.abs(Math.log(hr / rep.estimate()));
        String vs = s.arms().get(0).arm() + " vs " + s.arms().get(1).arm();
        boolean inCi = rep.lower() != null && rep.lower() <= hr && hr <= rep.upper();
        String reported = "HR " + vs + " " + num(rep.estimate()) + (rep.lower() == null ? "" : " (" + num(rep.lower())
                + "-" + num(rep.upper()) + ")") + (s.reportedHrFlipped() ? ", inverted from the trial file's" : "");
        String recomputed = String.format(Locale.ROOT, "reconstructed HR %.3f (%.3f-%.3f)", hr,
                coef.estimate().get().hazardRatioCi().lower(), coef.estimate().get().hazardRatioCi().upper());
        String msg = String.format(Locale.ROOT, "|log(reconstructed / reported HR)| = %.3f (agreement: within %.2f)%s",
                d, LOG_HR_TOLERANCE, rep.lower() == null ? "" : inCi ? "; inside the reported CI"
                        : "; outside the reported CI");
        List<String> src = new ArrayList<>(sources(s.arms().get(0).curve(), rep));
        src.add(s.arms().get(1).curve().provenance().source());
        c.add(d > LOG_HR_TOLERANCE ? Severity.WARNING : Severity.INFO, Rule.RECONSTRUCTED_VS_REPORTED, t,
                s.arms().get(0).arm() + "/" + where + ".hazardRatio", reported, recomputed, msg, src);
    }

    private static List<String> sources(SurvivalCurve curve, CurveSet.Reported rep) {
        return List.of(rep.source(), curve.provenance().source());
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
    }
}
