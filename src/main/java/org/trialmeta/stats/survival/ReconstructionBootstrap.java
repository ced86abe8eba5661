package org.trialmeta.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.trialmeta.stats.Interval;

/**
 * Bootstrap intervals for quantities of reconstructed patient data that include the error of digitising the
 * published curve as well as sampling error.
 *
 * <p>Each replicate (1) perturbs every digitised point independently, t' = t + σ_t T Z₁ and S' = S + σ_S Z₂
 * (Z standard normal, T the last digitised time; {@link ErrorModel}); (2) prepares the perturbed points again
 * ({@link DigitisationRepair} with {@link DigitisingTolerance#UNLIMITED}: the perturbation's own departures are
 * clamped and smoothed, never refused) and reconstructs them with the same at-risk table and total of events
 * ({@link GuyotReconstruction}); (3) draws, per arm, as many patients as reconstructed with replacement from them
 * (Efron B. Censored data and the bootstrap. J Am Stat Assoc 1981;76:312–319); and (4) computes the median
 * (survival's rule), the RMST up to the fixed {@code tau}, and with two arms the Cox hazard ratio of the first arm
 * against the second (Efron ties). Intervals are percentile intervals (type 7 quantiles, as R's {@code quantile})
 * at the given level. The same replicates without step (3) give the spread due to digitisation alone, reported
 * beside.
 *
 * <p>Reconstructions are known to reproduce the published statistics closely but not exactly (Guyot et al. 2012;
 * Wan X, Peng L, Li Y. A review and comparison of methods for recreating individual patient data from published
 * Kaplan-Meier survival curves for economic evaluations: a simulation study. PLoS One 2015;10:e0121353); step (1)
 * propagates the reading error into the intervals instead of treating the reconstructed data as observed. A median
 * not reached in a replicate counts as +∞: an upper end at +∞ means not reached in more than (1 − level)/2 of the
 * replicates.
 */
public final class ReconstructionBootstrap {

    private ReconstructionBootstrap() {}

    /**
     * Independent normal errors of a digitised point.
     *
     * @param survivalSd     SD of the error in survival (a fraction)
     * @param timeSdFraction SD of the error in time, as a fraction of the last digitised time
     */
    public record ErrorModel(double survivalSd, double timeSdFraction) {
        /**
         * 0.005 in survival and 0.3% of the time axis: about 1.5 pixels of a 300-pixel y-axis and of a 500-pixel
         * x-axis, the scale of a careful click on a figure rendered at 150–300 dpi (see {@link DigitisingTolerance}).
         */
        public static final ErrorModel DEFAULT = new ErrorModel(0.005, 0.003);

        public ErrorModel {
            if (!(survivalSd >= 0 && survivalSd < 1) || !(timeSdFraction >= 0 && timeSdFraction < 1)) {
                throw new IllegalArgumentException("error model: survival SD " + survivalSd + ", time SD fraction "
                        + timeSdFraction + " (each must be in [0, 1))");
            }
        }
    }

    /**
     * One arm's input as read (survival already divided by 100 when read on a 0–100 axis).
     *
     * @param curve       the digitised points as fractions
     * @param atRisk      the at-risk table used in the reconstruction
     * @param totalEvents the reported total of events, if used
     * @param clicks      the clicking style the arm was reconstructed with (kept in every replicate, not detected
     *                    again from the perturbed points)
     */
    public record Arm(DigitisedCurve curve, AtRiskTable atRisk, OptionalInt totalEvents, ClickStyle clicks) {
        public Arm {
            Objects.requireNonNull(curve, "curve");
            Objects.requireNonNull(atRisk, "atRisk");
            Objects.requireNonNull(totalEvents, "totalEvents");
            Objects.requireNonNull(clicks, "clicks");
        }

        /** An arm whose clicking style is detected in each replicate. */
        public Arm(DigitisedCurve curve, AtRiskTable atRisk, OptionalInt totalEvents) {
            this(curve, atRisk, totalEvents, ClickStyle.AUTO);
        }
    }

    /**
     * Intervals of one arm. Ends are +∞ where the median was not reached in too many replicates.
     *
     * @param median                 percentile interval of the median (digitisation and sampling)
     * @param rmst                   percentile interval of the RMST up to tau
     * @param medianDigitisation     the same without resampling patients: digitisation error alone
     * @param rmstDigitisation       the same for the RMST
     * @param medianNotReached       replicates (with resampling) in which the median was not reached
     */
    public record ArmResult(Interval median, Interval rmst, Interval medianDigitisation, Interval rmstDigitisation,
            int medianNotReached) {}

    /**
     * The bootstrap's result and the settings it was run with.
     *
     * @param replicates             number of replicates
     * @param seed                   seed of the random numbers
     * @param errorModel             the perturbation of the points
     * @param level                  level of the percentile intervals
     * @param tau                    upper limit of the RMST
     * @param arms                   one per arm, in input order
     * @param hazardRatio            percentile interval of the Cox HR first vs second arm (two arms)
     * @param hazardRatioDigitisation the same without resampling patients
     * @param hazardRatioFailed      replicates in which the Cox estimate was not finite (left out of the HR)
     */
    public record Result(int replicates, long seed, ErrorModel errorModel, double level, double tau,
            List<ArmResult> arms, Optional<Interval> hazardRatio, Optional<Interval> hazardRatioDigitisation,
            int hazardRatioFailed) {
        public Result {
            arms = List.copyOf(arms);
        }
    }

    /**
     * Runs {@code replicates} replicates.
     *
     * @param arms  one or two arms; with two, the hazard ratio of the first against the second
     * @param tau   upper limit of the RMST (fixed over replicates)
     * @param level level of the intervals, in (0, 1)
     */
    public static Result run(List<Arm> arms, ErrorModel model, int replicates, long seed, double tau, double level) {
        if (arms.isEmpty() || arms.size() > 2) {
            throw new IllegalArgumentException("bootstrap: " + arms.size() + " arms (need 1 or 2)");
        }
        if (replicates < 2) {
            throw new IllegalArgumentException("bootstrap: " + replicates + " replicates (need at least 2)");
        }
        if (!(level > 0 && level < 1) || !(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("bootstrap: level " + level + ", tau " + tau);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int a = arms.size();
        double[][] med = new double[a][replicates];
        double[][] rm = new double[a][replicates];
        double[][] medD = new double[a][replicates];
        double[][] rmD = new double[a][replicates];
        int[] notReached = new int[a];
        List<Double> hr = new ArrayList<>();
        List<Double> hrD = new ArrayList<>();
        int hrFailed = 0;
        for (int r = 0; r < replicates; r++) {
            double[][] times = new double[a][];
            int[][] events = new int[a][];
            double[][] bTimes = new double[a][];
            int[][] bEvents = new int[a][];
            for (int g = 0; g < a; g++) {
                Arm arm = arms.get(g);
                ReconstructedIpd ipd = GuyotReconstruction.reconstruct(DigitisationRepair.prepare(
                        perturb(arm.curve(), model, rng), arm.atRisk(), SurvivalScale.PROPORTION, arm.clicks(),
                        DigitisingTolerance.UNLIMITED), arm.totalEvents());
                times[g] = ipd.time();
                events[g] = ipd.event();
                KaplanMeierCurve km = KaplanMeier.fit(times[g], events[g], ConfType.NONE, 0.95);
                medD[g][r] = km.median().time().orElse(Double.POSITIVE_INFINITY);
                rmD[g][r] = km.rmst(tau).rmean();
                int n = times[g].length;
                bTimes[g] = new double[n];
                bEvents[g] = new int[n];
                for (int i = 0; i < n; i++) {
                    int j = rng.nextInt(n);
                    bTimes[g][i] = times[g][j];
                    bEvents[g][i] = events[g][j];
                }
                KaplanMeierCurve bkm = KaplanMeier.fit(bTimes[g], bEvents[g], ConfType.NONE, 0.95);
                med[g][r] = bkm.median().time().orElse(Double.POSITIVE_INFINITY);
                notReached[g] += Double.isInfinite(med[g][r]) ? 1 : 0;
                rm[g][r] = bkm.rmst(tau).rmean();
            }
            if (a == 2) {
                Optional<Double> h = coxHr(times, events);
                Optional<Double> hb = coxHr(bTimes, bEvents);
                h.ifPresent(hrD::add);
                hb.ifPresent(hr::add);
                hrFailed += hb.isEmpty() ? 1 : 0;
            }
        }
        List<ArmResult> out = new ArrayList<>();
        for (int g = 0; g < a; g++) {
            out.add(new ArmResult(percentiles(med[g], level), percentiles(rm[g], level),
                    percentiles(medD[g], level), percentiles(rmD[g], level), notReached[g]));
        }
        return new Result(replicates, seed, model, level, tau, out,
                hr.size() >= 2 ? Optional.of(percentiles(unbox(hr), level)) : Optional.empty(),
                hrD.size() >= 2 ? Optional.of(percentiles(unbox(hrD), level)) : Optional.empty(), hrFailed);
    }

    /** The points with independent normal errors (time below 0 and survival outside [0, 1] are left to repair). */
    static DigitisedCurve perturb(DigitisedCurve c, ErrorModel model, SplittableRandom rng) {
        double[] t = c.time();
        double[] s = c.survival();
        double last = 0;
        for (double x : t) {
            last = Math.max(last, x);
        }
        for (int i = 0; i < t.length; i++) {
            t[i] += model.timeSdFraction() * last * rng.nextGaussian();
            s[i] += model.survivalSd() * rng.nextGaussian();
        }
        return new DigitisedCurve(t, s);
    }

    /** HR of arm 0 against arm 1 by a Cox model (Efron ties), when finite. */
    static Optional<Double> coxHr(double[][] times, int[][] events) {
        int n0 = times[0].length;
        int n = n0 + times[1].length;
        double[] t = new double[n];
        int[] e = new int[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            boolean first = i < n0;
            t[i] = first ? times[0][i] : times[1][i - n0];
            e[i] = first ? events[0][i] : events[1][i - n0];
            x[i] = first ? 1 : 0;
        }
        try {
            CoxModel m = CoxRegression.fit(t, e, new double[][] {x}, List.of("arm"));
            CoxCoefficient c = m.coefficients().get(0);
            if (c.possiblyInfinite() || c.estimate().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(c.estimate().get().hazardRatio());
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    /** Type 7 quantiles (R's default) at (1 − level)/2 and (1 + level)/2; +∞ values sort last. */
    static Interval percentiles(double[] values, double level) {
        double[] v = values.clone();
        Arrays.sort(v);
        return new Interval(quantile7(v, (1 - level) / 2), quantile7(v, (1 + level) / 2));
    }

    private static double quantile7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double a = sorted[lo];
        double b = sorted[hi];
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return h == lo ? a : b;
        }
        return a + (h - lo) * (b - a);
    }

    private static double[] unbox(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }
}
