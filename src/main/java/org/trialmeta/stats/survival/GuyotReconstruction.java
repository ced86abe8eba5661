package org.trialmeta.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reconstruction of individual patient data from a published Kaplan-Meier curve: Guyot P, Ades AE,
 * Ouwens MJNM, Welton NJ. Enhanced secondary analysis of survival data: reconstructing the data from
 * published Kaplan-Meier survival curves. BMC Med Res Methodol 2012;12:9. doi:10.1186/1471-2288-12-9.
 * This is a reimplementation of the published iterative algorithm (the paper's appendix, R code).
 *
 * <p>Input: digitised points (t_k, S_k) and the numbers at risk nᵢ at times τᵢ (τ₁ = 0), optionally
 * the total number of events. For each at-risk interval [τᵢ, τᵢ₊₁), with points lowerᵢ..upperᵢ:
 * <ol>
 *   <li>first guess of the censorings: c = round(nᵢ S(lowerᵢ₊₁)/S(lowerᵢ) − nᵢ₊₁);</li>
 *   <li>spread the c censorings evenly over (t_lowerᵢ, t_lowerᵢ₊₁) and count them per digitised step;</li>
 *   <li>events at each point: d_k = round(n̂_k (1 − S_k / K̂M_last)) where K̂M_last is the reconstructed
 *       KM at the last point with an event, K̂M_k = K̂M_last (1 − d_k/n̂_k), n̂_{k+1} = n̂_k − d_k − c_k;</li>
 *   <li>adjust c by n̂(lowerᵢ₊₁) − nᵢ₊₁ and repeat 2–3 until the reconstructed number at risk at τᵢ₊₁
 *       matches the published one (or no censoring is left to remove).</li>
 * </ol>
 * In the last interval (no next count) the censoring rate is the average of the earlier intervals
 * (c = round(Σc · length of last interval / length of the earlier ones), at most its number at risk);
 * if the total number of events is given, the last interval's censorings are adjusted until the
 * reconstructed total matches it (or, if the earlier intervals already have too many events, the last
 * interval gets no events and no censorings). Events are placed at the digitised time, censorings at
 * the midpoint of their step, and patients still at risk at the end are censored at the last time.
 *
 * <p>Preparation (documented choices where the paper leaves it to the user): points are sorted by
 * time (stable) and made non-increasing (each S replaced by the minimum so far), the point (0, 1) is
 * added in front unless present; at-risk rows after the last digitised time are ignored; every
 * at-risk interval must contain a digitised point. R's {@code round} (half to even) is used. The
 * iterative loops stop after {@link #MAX_ITERATIONS} rounds (the published loop has no such guard).
 */
public final class GuyotReconstruction {

    /** Safety bound on the number of rounds of each adjustment loop. */
    public static final int MAX_ITERATIONS = 10_000;

    private GuyotReconstruction() {}

    /** Reconstruction without a reported total number of events. */
    public static ReconstructedIpd reconstruct(DigitisedCurve curve, AtRiskTable atRisk) {
        return reconstruct(curve, atRisk, OptionalInt.empty());
    }

    /**
     * Reconstructs the individual data.
     *
     * @param curve digitised points
     * @param atRisk numbers at risk (first at time 0)
     * @param totalEvents the reported total number of events, if any
     */
    public static ReconstructedIpd reconstruct(DigitisedCurve curve, AtRiskTable atRisk, OptionalInt totalEvents) {
        // --- preparation: sorted, monotone, starting at (0, 1)
        double[] t0 = curve.time();
        double[] s0 = curve.survival();
        Integer[] ord = new Integer[t0.length];
        for (int i = 0; i < ord.length; i++) {
            ord[i] = i;
        }
        Arrays.sort(ord, (a, b) -> Double.compare(t0[a], t0[b]));
        boolean addOrigin = !(t0[ord[0]] == 0 && s0[ord[0]] == 1);
        int nT = t0.length + (addOrigin ? 1 : 0);
        double[] tS = new double[nT];
        double[] sS = new double[nT];
        int p = 0;
        if (addOrigin) {
            tS[0] = 0;
            sS[0] = 1;
            p = 1;
        }
        double min = 1;
        for (Integer o : ord) {
            min = Math.min(min, s0[o]);
            tS[p] = t0[o];
            sS[p] = min;
            p++;
        }
        double[] tRiskAll = atRisk.time();
        int[] nRiskAll = atRisk.nRisk();
        int nInt = 0;
        while (nInt < tRiskAll.length && tRiskAll[nInt] <= tS[nT - 1]) {
            nInt++;
        }
        double[] tRisk = Arrays.copyOf(tRiskAll, nInt);
        int[] nRisk = Arrays.copyOf(nRiskAll, nInt);
        int[] lower = new int[nInt];
        int[] upper = new int[nInt];
        for (int i = 0; i < nInt; i++) {
            int lo = 0;
            while (lo < nT && tS[lo] < tRisk[i]) {
                lo++;
            }
            lower[i] = lo;
            if (i + 1 < nInt) {
                int up = nT - 1;
                while (up >= 0 && tS[up] >= tRisk[i + 1]) {
                    up--;
                }
                upper[i] = up;
            } else {
                upper[i] = nT - 1;
            }
            if (upper[i] < lower[i]) {
                throw new IllegalArgumentException("no digitised point between at-risk times " + tRisk[i]
                        + " and " + (i + 1 < nInt ? tRisk[i + 1] : tS[nT - 1])
                        + " (digitise more points or drop that at-risk row)");
            }
        }
        // --- the algorithm (indices 0-based; the paper's R code is 1-based)
        int last0 = upper[nInt - 1];
        double[] nCensor = new double[nInt];
        double[] nHat = new double[nT + 1];
        Arrays.fill(nHat, nRisk[0] + 1);
        double[] cen = new double[nT];
        double[] d = new double[nT];
        double[] kmHat = new double[nT];
        Arrays.fill(kmHat, 1.0);
        int[] lastI = new int[nInt];
        int last = 0;
        for (int i = 0; i + 1 < nInt; i++) {
            nCensor[i] = Math.rint(nRisk[i] * sS[lower[i + 1]] / sS[lower[i]] - nRisk[i + 1]);
            int iter = 0;
            while ((nHat[lower[i + 1]] > nRisk[i + 1]
                    || (nHat[lower[i + 1]] < nRisk[i + 1] && nCensor[i] > 0)) && iter++ < MAX_ITERATIONS) {
                if (nCensor[i] <= 0) {
                    Arrays.fill(cen, lower[i], upper[i] + 1, 0.0);
                    nCensor[i] = 0;
                }
                if (nCensor[i] > 0) {
                    spread(cen, tS, lower[i], lower[i + 1], nCensor[i]);
                }
                nHat[lower[i]] = nRisk[i];
                last = lastI[i];
                for (int k = lower[i]; k <= upper[i]; k++) {
                    if (i == 0 && k == lower[i]) {
                        d[k] = 0;
                        kmHat[k] = 1;
                    } else {
                        step(k, d, kmHat, nHat, sS, last);
                    }
                    nHat[k + 1] = nHat[k] - d[k] - cen[k];
                    if (d[k] != 0) {
                        last = k;
                    }
                }
                nCensor[i] = nCensor[i] + (nHat[lower[i + 1]] - nRisk[i + 1]);
            }
            if (nHat[lower[i + 1]] < nRisk[i + 1]) {
                nRisk[i + 1] = (int) nHat[lower[i + 1]];
            }
            lastI[i + 1] = last;
        }
        int li = nInt - 1;
        if (nInt > 1) {
            double sum = 0;
            for (int i = 0; i < nInt - 1; i++) {
                sum += nCensor[i];
            }
            double denom = tS[upper[nInt - 2]] - tS[lower[0]];
            double guess = denom > 0 ? Math.rint(sum * (tS[upper[li]] - tS[lower[li]]) / denom) : 0;
            nCensor[li] = Math.min(guess, nRisk[li]);
        } else {
            nCensor[li] = 0;
        }
        lastInterval(li, lower, upper, nCensor, cen, tS, sS, d, kmHat, nHat, nRisk, lastI, false);
        if (totalEvents.isPresent()) {
            int tot = totalEvents.getAsInt();
            double sumdL = 0;
            if (nInt > 1) {
                for (int k = 0; k <= upper[nInt - 2]; k++) {
                    sumdL += d[k];
                }
                if (sumdL >= tot) {
                    Arrays.fill(d, lower[li], upper[li] + 1, 0.0);
                    Arrays.fill(cen, lower[li], upper[li], 0.0);
                    Arrays.fill(nHat, lower[li] + 1, upper[li] + 2, nRisk[li]);
                }
            }
            if (sumdL < tot || nInt == 1) {
                double sumd = sum(d, last0);
                int iter = 0;
                while ((sumd > tot || (sumd < tot && nCensor[li] > 0)) && iter++ < MAX_ITERATIONS) {
                    nCensor[li] = nCensor[li] + (sumd - tot);
                    lastInterval(li, lower, upper, nCensor, cen, tS, sS, d, kmHat, nHat, nRisk, lastI, true);
                    sumd = sum(d, last0);
                }
            }
        }
        // --- write the individual data
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < nT; k++) {
            for (int r = 0; r < (int) d[k]; r++) {
                out.add(new double[] {tS[k], 1});
            }
        }
        for (int k = 0; k + 1 < nT; k++) {
            for (int r = 0; r < (int) cen[k]; r++) {
                out.add(new double[] {(tS[k] + tS[k + 1]) / 2, 0});
            }
        }
        while (out.size() < nRisk[0]) {
            out.add(new double[] {tS[nT - 1], 0});
        }
        out.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(b[1], a[1]));
        double[] time = new double[out.size()];
        int[] event = new int[out.size()];
        for (int i = 0; i < time.length; i++) {
            time[i] = out.get(i)[0];
            event[i] = (int) out.get(i)[1];
        }
        return new ReconstructedIpd(time, event);
    }

    private static double sum(double[] d, int to) {
        double s = 0;
        for (int k = 0; k <= to; k++) {
            s += d[k];
        }
        return s;
    }

    /** d_k and K̂M_k at point k given the last point with an event (guarded against 0 at risk). */
    private static void step(int k, double[] d, double[] kmHat, double[] nHat, double[] sS, int last) {
        if (kmHat[last] != 0 && nHat[k] > 0) {
            d[k] = Math.rint(nHat[k] * (1 - (sS[k] / kmHat[last])));
            kmHat[k] = kmHat[last] * (1 - (d[k] / nHat[k]));
        } else {
            d[k] = 0;
            kmHat[k] = kmHat[last];
        }
    }

    /** The last interval: spread its censorings, then events and numbers at risk. */
    private static void lastInterval(int li, int[] lower, int[] upper, double[] nCensor, double[] cen,
            double[] tS, double[] sS, double[] d, double[] kmHat, double[] nHat, int[] nRisk, int[] lastI,
            boolean adjusting) {
        if (nCensor[li] <= 0 || upper[li] == lower[li]) {
            Arrays.fill(cen, lower[li], upper[li], 0.0);
            nCensor[li] = Math.max(nCensor[li], 0);
            if (upper[li] == lower[li]) {
                nCensor[li] = 0;
            }
        }
        if (nCensor[li] > 0) {
            spread(cen, tS, lower[li], upper[li], nCensor[li]);
        }
        nHat[lower[li]] = nRisk[li];
        int last = lastI[li];
        for (int k = lower[li]; k <= upper[li]; k++) {
            if (li == 0 && k == lower[li]) {
                d[k] = 0;
                kmHat[k] = 1;
            } else {
                step(k, d, kmHat, nHat, sS, last);
            }
            if (!adjusting || k != upper[li]) {
                nHat[k + 1] = nHat[k] - d[k] - cen[k];
                if (nHat[k + 1] < 0) {
                    nHat[k + 1] = 0;
                    cen[k] = nHat[k] - d[k];
                }
            }
            if (d[k] != 0) {
                last = k;
            }
        }
    }

    /**
     * Spreads c censorings evenly over (t_from, t_to) at t_from + j (t_to − t_from)/(c + 1), j = 1..c, and
     * counts them per step [t_k, t_{k+1}] for k = from..to−1 as R's {@code hist(breaks = t[from:to])$counts}
     * (right-closed bins; zero-width steps get none).
     */
    private static void spread(double[] cen, double[] tS, int from, int to, double c) {
        Arrays.fill(cen, from, to, 0.0);
        int nc = (int) c;
        for (int j = 1; j <= nc; j++) {
            double ct = tS[from] + j * (tS[to] - tS[from]) / (nc + 1);
            for (int k = from; k < to; k++) {
                if ((ct > tS[k] || (k == from && ct == tS[k])) && ct <= tS[k + 1]) {
                    cen[k] += 1;
                    break;
                }
            }
        }
    }
}
