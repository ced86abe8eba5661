package org.trialmeta.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reconstruction of individual patient data from a published Kaplan-Meier curve: Guyot P, Ades AE,
 * Ouwens MJNM, Welton NJ. Enhanced secondary analysis of survival data: reconstructing the data from
 * published Kaplan-Meier survival curves. BMC Med Res Methodol 2012;12:9. doi:10.1186/1471-2288-12-9.
 * This is a reimplementation of the published iterative algorithm (the paper's appendix).
 *
 * <p>Input: a {@link PreparedCurve} (points (t_k, S_k) from (0, 1), the numbers at risk nᵢ at times τᵢ, τ₁ = 0),
 * optionally the total number of events. For each at-risk interval [τᵢ, τᵢ₊₁), with points lowerᵢ..upperᵢ:
 * <ol>
 *   <li>first guess of the censorings: c = round(nᵢ S(lowerᵢ₊₁)/S(lowerᵢ) − nᵢ₊₁);</li>
 *   <li>spread the c censorings evenly over (t_lowerᵢ, t_lowerᵢ₊₁) and count them per digitised step;</li>
 *   <li>events at each point: d_k = round(n̂_k (1 − S_k / K̂M_last)) where K̂M_last is the reconstructed
 *       KM at the last point with an event, K̂M_k = K̂M_last (1 − d_k/n̂_k), n̂_{k+1} = n̂_k − d_k − c_k;</li>
 *   <li>adjust c by n̂(lowerᵢ₊₁) − nᵢ₊₁ and repeat 2–3 until the reconstructed number at risk at τᵢ₊₁
 *       matches the published one (or no censoring is left to remove).</li>
 * </ol>
 * In the last interval (no next count) the censoring rate is the average of the earlier intervals
 * (c = round(Σc · length of last interval / length of the earlier ones)); if the total number of events is given,
 * the last interval's censorings are adjusted until the reconstructed total matches it (as far as censoring can:
 * a total below the events the curve's drops need is not reached). With the count at time 0 only, there is one
 * interval: no censoring before the end, or, with the total number of events, as many as make that total (Guyot et
 * al.'s cases "number at risk at start only" with and without the total). Events are placed at the digitised time,
 * censorings at the midpoint of their step, and patients still at risk at the end are censored at the last time
 * (those known to be at risk at a later at-risk time, {@link PreparedCurve#remainingAtEnd}, at that time).
 *
 * <p>Where this differs from the published code, and why (each keeps every patient accounted for: events +
 * censorings + still at risk = n at every step, checked):
 * <ul>
 *   <li>d_k is kept in [0, n̂_k]. The published code lets it go negative when the curve read at a point is above
 *       the reconstructed K̂M (rounding of an earlier step took too many): a negative number of events adds a
 *       patient, and the reconstruction returned n + 1 patients (e.g. points (1, 0.7), (2, 0.7), (4, 0.3), (5, 0)
 *       with 5 at risk: 0.7/0.6 gives d = round(−0.5000000000000002) = −1);</li>
 *   <li>censorings at a step never exceed the patients left there (n̂ never below 0; the published loop could leave
 *       an interval at −1 at risk and carry −1 into the next);</li>
 *   <li>the adjustment loop always ends on a pass computed with the censoring count it reports: the published loop
 *       stops when the update makes c ≤ 0 without recomputing, keeping the censorings of the pass before (one
 *       more patient than the flow allows). When the update cycles (rounding can make c alternate), the count
 *       of the cycle closest to the published number is used;</li>
 *   <li>the next interval starts from the reconstructed n̂ (equal to the published count whenever the loop matched
 *       it), never from a published count the previous interval could not reach, so no patient appears or
 *       vanishes between intervals;</li>
 *   <li>censorings c are at most nᵢ − nᵢ₊₁ in an interval and, in the last one, leave the patients known to be at
 *       risk after the curve ({@link PreparedCurve#remainingAtEnd}).</li>
 * </ul>
 * R's {@code round} (half to even) is used.
 */
public final class GuyotReconstruction {

    /** Safety bound on the number of passes of each adjustment loop (the loops also stop on a cycle). */
    public static final int MAX_ITERATIONS = 10_000;

    private GuyotReconstruction() {}

    /**
     * Reconstruction of a digitised curve without a reported total number of events, after
     * {@link DigitisationRepair#prepare} with the scale detected and the default tolerance; the result lists the
     * repairs made ({@link ReconstructedIpd#repairs}).
     *
     * @throws DigitisationException when the input cannot be interpreted
     */
    public static ReconstructedIpd reconstruct(DigitisedCurve curve, AtRiskTable atRisk) {
        return reconstruct(curve, atRisk, OptionalInt.empty());
    }

    /**
     * As {@link #reconstruct(DigitisedCurve, AtRiskTable)}, with the reported total number of events if any.
     *
     * @throws DigitisationException when the input cannot be interpreted
     */
    public static ReconstructedIpd reconstruct(DigitisedCurve curve, AtRiskTable atRisk, OptionalInt totalEvents) {
        return reconstruct(DigitisationRepair.prepare(curve, atRisk, SurvivalScale.AUTO, DigitisingTolerance.DEFAULT),
                totalEvents);
    }

    /**
     * Reconstructs the individual data of a prepared curve.
     *
     * @param curve       sorted, monotone points from (0, 1) with their at-risk table
     * @param totalEvents the reported total number of events, if any (at most the number at time 0)
     */
    public static ReconstructedIpd reconstruct(PreparedCurve curve, OptionalInt totalEvents) {
        int n0 = curve.atRisk().nRisk()[0];
        if (totalEvents.isPresent() && (totalEvents.getAsInt() < 0 || totalEvents.getAsInt() > n0)) {
            throw new IllegalArgumentException("total events " + totalEvents.getAsInt() + " not in [0, " + n0 + "]");
        }
        Pass pass = new Pass(curve);
        pass.run(totalEvents);
        return pass.ipd(curve.repairs());
    }

    /** The state of one reconstruction: per point events, censorings, numbers at risk and reconstructed KM. */
    private static final class Pass {
        final double[] t;
        final double[] s;
        final int m;
        final int[] published;
        final int nInt;
        final int[] lower;
        final int[] upper;
        final int remainingAtEnd;
        final double remainingUntil;
        final int[] d;
        final int[] cen;
        final int[] nHat;
        final double[] km;
        /** Number at risk at the start of each interval (the reconstructed flow). */
        final int[] start;
        /** Index of the last point with an event before each interval (the K̂M reference). */
        final int[] lastBefore;

        Pass(PreparedCurve curve) {
            t = curve.time();
            s = curve.survival();
            m = t.length;
            double[] rt = curve.atRisk().time();
            published = curve.atRisk().nRisk();
            nInt = rt.length;
            lower = new int[nInt];
            upper = new int[nInt];
            int k = 0;
            for (int i = 0; i < nInt; i++) {
                while (k < m && t[k] < rt[i]) {
                    k++;
                }
                lower[i] = k;
            }
            for (int i = 0; i < nInt; i++) {
                upper[i] = i + 1 < nInt ? lower[i + 1] - 1 : m - 1;
            }
            remainingAtEnd = curve.remainingAtEnd();
            remainingUntil = curve.remainingUntil();
            d = new int[m];
            cen = new int[m];
            nHat = new int[m + 1];
            km = new double[m];
            Arrays.fill(km, 1.0);
            start = new int[nInt];
            lastBefore = new int[nInt];
        }

        void run(OptionalInt totalEvents) {
            start[0] = published[0];
            for (int i = 0; i + 1 < nInt; i++) {
                interval(i);
            }
            last(totalEvents);
        }

        /** Interval i < last: Guyot's adjustment of its censorings to the next published count. */
        void interval(int i) {
            int target = published[i + 1];
            int maxC = Math.max(0, start[i] - target);
            int c = s[lower[i]] > 0 ? (int) Math.rint(start[i] * s[lower[i + 1]] / s[lower[i]] - target) : 0;
            c = clamp(c, 0, maxC);
            Map<Integer, Integer> tried = new HashMap<>();
            for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
                int diff = compute(i, c, lower[i + 1]) - target;
                tried.put(c, diff);
                int next = clamp(c + diff, 0, maxC);
                if (diff == 0 || next == c) {
                    break;
                }
                if (tried.containsKey(next)) {
                    int best = closest(tried);
                    compute(i, best, lower[i + 1]);
                    break;
                }
                c = next;
            }
            start[i + 1] = nHat[lower[i + 1]];
        }

        /** The last interval: average censoring rate, kept below the known remaining; then the total of events. */
        void last(OptionalInt totalEvents) {
            int li = nInt - 1;
            int guess = 0;
            if (nInt > 1) {
                int sum = 0;
                for (int k = 0; k < lower[li]; k++) {
                    sum += cen[k];
                }
                double earlier = t[upper[li - 1]] - t[lower[0]];
                guess = earlier > 0 ? (int) Math.rint(sum * (t[upper[li]] - t[lower[li]]) / earlier) : 0;
            }
            int maxC = Math.max(0, start[li] - remainingAtEnd);
            int c = clamp(guess, 0, maxC);
            compute(li, c, m);
            // too few left for the patients known to be at risk after the curve: fewer censorings
            for (int iter = 0; iter < MAX_ITERATIONS && nHat[m] < remainingAtEnd && c > 0; iter++) {
                c = Math.max(0, c - (remainingAtEnd - nHat[m]));
                compute(li, c, m);
            }
            if (totalEvents.isEmpty()) {
                return;
            }
            int total = totalEvents.getAsInt();
            Map<Integer, Integer> tried = new HashMap<>();
            for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
                int diff = events() - total;
                tried.put(c, diff);
                int next = clamp(c + diff, 0, maxC);
                if (diff == 0 || next == c) {
                    break;
                }
                if (tried.containsKey(next)) {
                    compute(li, closest(tried), m);
                    break;
                }
                c = next;
                compute(li, c, m);
            }
        }

        /**
         * One pass over interval i with c censorings spread over (t_lower, t_end): events and numbers at risk.
         * {@code end} is lower[i + 1] (or m for the last interval, where the censorings stop at its last point).
         *
         * @return n̂ at {@code end}
         */
        int compute(int i, int c, int end) {
            int lo = lower[i];
            int up = upper[i];
            int to = end < m ? end : up;
            Arrays.fill(cen, lo, up + 1, 0);
            spread(c, lo, to);
            nHat[lo] = start[i];
            int last = lastBefore[i];
            for (int k = lo; k <= up; k++) {
                if (k == 0 || km[last] <= 0 || nHat[k] <= 0) {
                    d[k] = 0;
                    km[k] = k == 0 ? 1 : km[last];
                } else {
                    d[k] = clamp((int) Math.rint(nHat[k] * (1 - s[k] / km[last])), 0, nHat[k]);
                    km[k] = km[last] * (1 - (double) d[k] / nHat[k]);
                }
                cen[k] = Math.min(cen[k], nHat[k] - d[k]);
                nHat[k + 1] = nHat[k] - d[k] - cen[k];
                if (d[k] > 0) {
                    last = k;
                }
            }
            if (i + 1 < nInt) {
                lastBefore[i + 1] = last;
            }
            return nHat[end];
        }

        /**
         * Spreads c censorings evenly over (t_from, t_to) at t_from + j (t_to − t_from)/(c + 1), j = 1..c, and counts
         * them per step [t_k, t_{k+1}] for k = from..to−1 as R's {@code hist(breaks = t[from:to])$counts}
         * (right-closed bins, the first also left-closed; zero-width steps get none, unless all are).
         */
        void spread(int c, int from, int to) {
            if (c <= 0) {
                return;
            }
            if (to <= from) {
                cen[from] += c;
                return;
            }
            int k = from;
            for (int j = 1; j <= c; j++) {
                double ct = t[from] + j * (t[to] - t[from]) / (c + 1);
                // censoring times increase with j: walk the steps once (O(c + steps))
                while (k < to && !(ct <= t[k + 1])) {
                    k++;
                }
                if (k < to) {
                    cen[k] += 1;
                }
            }
        }

        int events() {
            int e = 0;
            for (int v : d) {
                e += v;
            }
            return e;
        }

        ReconstructedIpd ipd(List<Repair> repairs) {
            List<double[]> out = new ArrayList<>();
            int censored = 0;
            for (int k = 0; k < m; k++) {
                for (int r = 0; r < d[k]; r++) {
                    out.add(new double[] {t[k], 1});
                }
                for (int r = 0; r < cen[k]; r++) {
                    out.add(new double[] {k + 1 < m ? (t[k] + t[k + 1]) / 2 : t[k], 0});
                }
                censored += cen[k];
            }
            for (int r = 0; r < nHat[m]; r++) {
                // those known at risk at a later at-risk time are followed at least to it
                out.add(new double[] {r < remainingAtEnd ? remainingUntil : t[m - 1], 0});
            }
            if (out.size() != published[0] || events() + censored + nHat[m] != published[0]) {
                throw new IllegalStateException("reconstruction lost track of patients: " + out.size() + " for "
                        + published[0] + " at risk at time 0");
            }
            out.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(b[1], a[1]));
            double[] time = new double[out.size()];
            int[] event = new int[out.size()];
            for (int i = 0; i < time.length; i++) {
                time[i] = out.get(i)[0];
                event[i] = (int) out.get(i)[1];
            }
            return new ReconstructedIpd(time, event, repairs);
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** The censoring count whose pass came closest to its target (smallest |difference|, then fewest censorings). */
    private static int closest(Map<Integer, Integer> tried) {
        int best = -1;
        for (Map.Entry<Integer, Integer> e : tried.entrySet()) {
            int c = e.getKey();
            int a = Math.abs(e.getValue());
            if (best < 0 || a < Math.abs(tried.get(best)) || (a == Math.abs(tried.get(best)) && c < best)) {
                best = c;
            }
        }
        return best;
    }
}
