package org.trialmeta.check;

import java.util.Optional;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.ratio.LogRatioCi;

/**
 * The rules on a reported ratio (hazard, odds or risk ratio) with its CI and p-value, shared by {@code check}
 * (a trial file's hazard ratios) and {@code scan} (any ratio in a document): {@link Rule#ESTIMATE_IN_CI},
 * {@link Rule#RATIO_CI_SYMMETRY} and {@link Rule#P_FROM_CI}. Every comparison is made over all true values that
 * round to the printed ones ({@link LogRatioCi#zBounds}, {@link LogRatioCi#minOffCentre}).
 *
 * <p><b>Thresholds.</b> Symmetry: the estimate's distance from the log-scale centre of its CI, as a fraction of
 * the log half-width, beyond what rounding allows: up to {@value #SYMMETRIC} is consistent with a Wald CI
 * (info); more is a warning; for a hazard ratio more than {@value #ASYMMETRIC_ERROR} is an error, because the
 * CIs of Cox and log-rank hazard ratios are Wald intervals (odds and risk ratios often have exact or score CIs,
 * which are asymmetric, so they are never an error on this ground). p-value: the distance between the Wald z
 * the CI implies and the z of the printed p, beyond rounding: up to {@value #Z_AGREE} is agreement (a log-rank
 * or score p differs a little from the Wald p of the same data), up to {@value #Z_ERROR} a warning, more an
 * error; so is a disagreement of more than {@value #Z_AGREE} about significance at the CI's level (the CI
 * excludes 1 while p is above alpha, or the reverse).
 */
final class RatioVerdicts {

    /** Off-centre fraction of the log half-width consistent with a Wald CI. */
    static final double SYMMETRIC = 0.10;
    /** Off-centre fraction beyond which a hazard ratio's CI is an error. */
    static final double ASYMMETRIC_ERROR = 0.25;
    /** z distance within which a printed p agrees with the CI. */
    static final double Z_AGREE = 0.3;
    /** z distance beyond which a printed p contradicts the CI (an error). */
    static final double Z_ERROR = 1.0;

    private RatioVerdicts() {}

    /** "HR 0.72 (95% CI 0.62-0.83)". */
    static String describe(String name, Printed r, Printed l, Printed u, double levelPct) {
        return name + " " + r.text() + " (" + Precision.text(levelPct) + "% CI " + l.text() + "-" + u.text() + ")";
    }

    /** {@link Rule#ESTIMATE_IN_CI}: an error when the printed ratio lies outside its printed CI. */
    static Optional<Verdict> estimateInCi(String name, Printed r, Printed l, Printed u, double levelPct) {
        if (r.value() >= l.value() && r.value() <= u.value()) {
            return Optional.empty();
        }
        boolean inverted = l.value() > 0 && u.value() > 0 && (1 / r.value() >= l.value() - l.halfUnit())
                && (1 / r.value() <= u.value() + u.halfUnit());
        return Optional.of(Verdict.of(Severity.ERROR, Rule.ESTIMATE_IN_CI, describe(name, r, l, u, levelPct),
                inverted ? "1/" + r.text() + " = " + Precision.fixed(1 / r.value(), r.decimals() + 1) + " lies inside" : "",
                "the " + name + " " + r.text() + " lies outside its own CI " + l.text() + "-" + u.text()
                        + (inverted ? "; its inverse " + Precision.fixed(1 / r.value(), Math.max(2, r.decimals()))
                                + " lies inside: the ratio may be inverted (arms swapped)" : "")));
    }

    /**
     * {@link Rule#RATIO_CI_SYMMETRY}; empty when the CI has no width or the ratio lies outside it (then
     * {@link #estimateInCi} speaks).
     *
     * @param hazard whether the ratio is a hazard ratio (then a strong asymmetry is an error)
     */
    static Optional<Verdict> symmetry(String name, boolean hazard, Printed r, Printed l, Printed u, double levelPct) {
        if (!(r.value() > 0 && l.value() > 0 && u.value() > l.value()) || r.value() < l.value()
                || r.value() > u.value()) {
            return Optional.empty();
        }
        double exact = LogRatioCi.offCentre(r.value(), l.value(), u.value());
        double min = LogRatioCi.minOffCentre(r.value(), r.halfUnit(), l.value(), l.halfUnit(), u.value(),
                u.halfUnit());
        double centre = Math.sqrt(l.value() * u.value());
        int d = Math.max(2, r.decimals() + 1);
        String reported = describe(name, r, l, u, levelPct);
        String recomputed = "log-scale centre sqrt(" + l.text() + " x " + u.text() + ") = " + Precision.fixed(centre, d)
                + "; estimate off-centre by " + pct(Math.abs(exact)) + " of the log half-width ("
                + pct(min) + " beyond rounding)";
        if (min <= SYMMETRIC) {
            return Optional.of(Verdict.info(Rule.RATIO_CI_SYMMETRY, reported, recomputed, "the " + name + " " + r.text()
                    + " sits at the log-scale centre of its CI (" + Precision.fixed(centre, d)
                    + ") within the printed rounding: consistent with a Wald CI"));
        }
        Severity s = hazard && min > ASYMMETRIC_ERROR ? Severity.ERROR : Severity.WARNING;
        String why = hazard
                ? (s == Severity.ERROR ? "the CI of a Cox or log-rank hazard ratio is symmetric on the log scale, so an"
                        + " end or the estimate is likely mistyped"
                        : "hazard-ratio CIs are Wald intervals, symmetric on the log scale: check the method and the"
                                + " ends")
                : "not a Wald CI (an exact or score CI can be asymmetric): check the method and the ends";
        return Optional.of(Verdict.of(s, Rule.RATIO_CI_SYMMETRY, reported, recomputed, "the " + name + " " + r.text()
                + " is off the log-scale centre of its CI (" + Precision.fixed(centre, d) + ") by " + pct(min)
                + " of the half-width beyond the printed rounding: " + why));
    }

    /**
     * {@link Rule#P_FROM_CI}: the printed p against the p the CI implies; empty when the CI has no width or
     * the ratio lies outside it.
     */
    static Optional<Verdict> pFromCi(String name, Printed r, Printed l, Printed u, double levelPct, ReportedP p) {
        if (!(r.value() > 0 && l.value() > 0 && u.value() > l.value()) || r.value() < l.value()
                || r.value() > u.value()) {
            return Optional.empty();
        }
        double level = levelPct / 100;
        double exactP = LogRatioCi.pValue(r.value(), l.value(), u.value(), level);
        Interval zCi = LogRatioCi.zBounds(r.value(), r.halfUnit(), l.value(), l.halfUnit(), u.value(), u.halfUnit(),
                level);
        Interval pRep = p.range();
        double zRepLo = LogRatioCi.zOfP(pRep.upper());
        double zRepHi = LogRatioCi.zOfP(pRep.lower());
        double gap = Math.max(0, Math.max(zRepLo - zCi.upper(), zCi.lower() - zRepHi));
        double alpha = 1 - level;
        boolean ciExcludesOne = l.value() - l.halfUnit() > 1 || u.value() + u.halfUnit() < 1;
        boolean ciIncludesOne = l.value() + l.halfUnit() < 1 && u.value() - u.halfUnit() > 1;
        boolean contradiction = ciExcludesOne && pRep.lower() > alpha || ciIncludesOne && pRep.upper() < alpha;
        String reported = describe(name, r, l, u, levelPct) + ", " + p.text();
        String recomputed = "p = " + Precision.p(exactP) + " from the CI (Wald z = "
                + Precision.fixed(LogRatioCi.z(r.value(), l.value(), u.value(), level), 2)
                + ", " + Precision.fixed(zCi.lower(), 2) + "-" + zText(zCi.upper())
                + " within rounding); the printed p means z " + Precision.fixed(zRepLo, 2) + "-"
                + zText(zRepHi);
        if (gap <= Z_AGREE && !(contradiction && gap > 0)) {
            return Optional.of(Verdict.info(Rule.P_FROM_CI, reported, recomputed, "the CI implies p = "
                    + Precision.p(exactP) + ", consistent with the printed " + p.text()
                    + (gap > 0 ? " (within the difference between a log-rank and a Wald test)" : "")));
        }
        Severity s = gap > Z_ERROR || contradiction && gap > Z_AGREE ? Severity.ERROR : Severity.WARNING;
        return Optional.of(Verdict.of(s, Rule.P_FROM_CI, reported, recomputed, "the CI implies p = "
                + Precision.p(exactP) + " but the source prints " + p.text() + " (z differs by "
                + Precision.fixed(gap, 2) + " beyond rounding"
                + (contradiction ? "; the CI and the p-value disagree about significance at the "
                        + Precision.text(levelPct) + "% level" : "")
                + "): " + (s == Severity.ERROR ? "the p-value, the CI or the ratio is wrong"
                        : "check which test the p-value comes from")));
    }

    /**
     * {@link Rule#RELATIVE_CHANGE}: a relative change printed with a ratio against the ratio. A reduction of c% means
     * a ratio of 1 - c/100, an increase 1 + c/100; both are compared over every true value that rounds to the printed
     * ones (a ratio 0.52 stands for [0.515, 0.525], so a reduction of 47.5-48.5%; "48%" for [47.5, 48.5]). Consistent
     * (info) when the two ranges meet, else an error; when the change printed is 100 x the ratio itself, the message
     * says so (the ratio was printed as the change).
     *
     * @param name     HR, OR or RR
     * @param r        the ratio
     * @param change   the change in percent
     * @param increase whether it is an increase (else a reduction)
     */
    static Verdict relativeChange(String name, Printed r, Printed change, boolean increase) {
        double sign = increase ? 1 : -1;
        // the change the ratio implies, over the ratio's rounding: 100 (r - 1) for a rise, 100 (1 - r) for a fall
        double lo = 100 * sign * (r.value() - sign * r.halfUnit() - 1);
        double hi = 100 * sign * (r.value() + sign * r.halfUnit() - 1);
        double exact = 100 * sign * (r.value() - 1);
        String word = increase ? "increase" : "reduction";
        String reported = name + " " + r.text() + ", a " + change.text() + "% " + word;
        int d = Math.max(0, Math.max(change.decimals(), r.decimals() - 2));
        String recomputed = (increase ? "100 x (" + r.text() + " - 1)" : "100 x (1 - " + r.text() + ")") + " = "
                + Precision.fixed(exact, d) + "% (" + Precision.fixed(lo, d + 1) + "-" + Precision.fixed(hi, d + 1)
                + "% within the ratio's rounding)";
        double eps = 1e-9;
        if (change.value() + change.halfUnit() >= lo - eps && change.value() - change.halfUnit() <= hi + eps) {
            return Verdict.info(Rule.RELATIVE_CHANGE, reported, recomputed, "the " + name + " " + r.text() + " means a "
                    + Precision.fixed(exact, d) + "% " + word + ", consistent with the printed " + change.text() + "%");
        }
        boolean ratioAsChange = Math.abs(change.value() - 100 * r.value()) <= change.halfUnit() + 100 * r.halfUnit() + eps;
        boolean wrongWay = (increase ? r.value() + r.halfUnit() < 1 : r.value() - r.halfUnit() > 1);
        return Verdict.of(Severity.ERROR, Rule.RELATIVE_CHANGE, reported, recomputed, "the " + name + " " + r.text()
                + (wrongWay ? " means " + (increase ? "a reduction" : "an increase") + ", not the " + word + " printed"
                        : " means a " + Precision.fixed(exact, d) + "% " + word + ", not " + change.text() + "%")
                + (ratioAsChange ? ": the printed " + change.text() + "% is 100 x the ratio itself, not 100 x "
                        + (increase ? "(ratio - 1)" : "(1 - ratio)") : ""));
    }

    /**
     * A bound of a z range: "inf" when infinite, and also above 10⁶, where it is an infinite bound that floating point
     * made finite (a CI whose ends may round to the same value: its width, and so the SE, can be 0; a z of 40 is
     * already a p below 10⁻³⁰⁰).
     */
    private static String zText(double z) {
        return Double.isInfinite(z) || Math.abs(z) > 1e6 ? (z < 0 ? "-inf" : "inf") : Precision.fixed(z, 2);
    }

    private static String pct(double fraction) {
        return Precision.fixed(100 * fraction, 0) + "%";
    }
}
