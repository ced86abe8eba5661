package org.trialmeta.stats.survival;

import java.util.Arrays;
import java.util.Optional;

/**
 * Harrell's C of a risk score against right-censored survival, with survival 3.5's
 * {@code concordancefit(y, x, strata, reverse = TRUE)} counting and infinitesimal-jackknife variance
 * (see {@link Concordance}). O(n log n): two sweeps over time with a Fenwick tree on score ranks.
 */
final class ConcordanceIndex {

    private ConcordanceIndex() {}

    /**
     * @param time follow-up times
     * @param status 1 = event, 0 = censored
     * @param score risk score (higher = earlier expected failure), e.g. the Cox linear predictor
     * @param strata stratum codes or null; pairs are formed within a stratum only
     * @return C and its SE, or empty when there is no comparable pair
     */
    static Optional<Concordance> of(double[] time, int[] status, double[] score, int[] strata) {
        int n = time.length;
        // influence counts per subject: concordant, discordant, tied on score (as either member)
        long[] ic = new long[n];
        long[] id = new long[n];
        long[] it = new long[n];
        long concordant = 0;
        long discordant = 0;
        long tiedX = 0;
        long tiedY = 0;
        long tiedXY = 0;
        int[] idx = CoxSortOrder.byStrataThenTime(time, strata);
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && (strata == null || strata[idx[end]] == strata[idx[start]])) {
                end++;
            }
            int m = end - start;
            int[] ord = new int[m];
            for (int r = 0; r < m; r++) {
                ord[r] = idx[start + r];
            }
            // dense ranks of the score within the stratum
            double[] sorted = new double[m];
            for (int r = 0; r < m; r++) {
                sorted[r] = score[ord[r]];
            }
            Arrays.sort(sorted);
            int distinct = 0;
            for (int r = 0; r < m; r++) {
                if (r == 0 || sorted[r] != sorted[r - 1]) {
                    sorted[distinct++] = sorted[r];
                }
            }
            int[] rank = new int[m];
            for (int r = 0; r < m; r++) {
                rank[r] = Arrays.binarySearch(sorted, 0, distinct, score[ord[r]]) + 1;
            }
            // sweep 1, descending time: each event against subjects still at risk after it
            Fenwick later = new Fenwick(distinct);
            int hi = m;
            while (hi > 0) {
                int lo = hi - 1;
                double t = time[ord[lo]];
                while (lo > 0 && time[ord[lo - 1]] == t) {
                    lo--;
                }
                for (int r = lo; r < hi; r++) {
                    if (status[ord[r]] == 0) {
                        later.add(rank[r]);
                    }
                }
                long deathsHere = 0;
                for (int r = lo; r < hi; r++) {
                    int s = ord[r];
                    if (status[s] == 1) {
                        long below = later.prefix(rank[r] - 1);
                        long equal = later.prefix(rank[r]) - below;
                        long above = later.total() - below - equal;
                        ic[s] += below;
                        id[s] += above;
                        it[s] += equal;
                        concordant += below;
                        discordant += above;
                        tiedX += equal;
                        deathsHere++;
                    }
                }
                if (deathsHere > 1) {
                    tiedY += deathsHere * (deathsHere - 1) / 2;
                    // tied on time and score
                    int[] rs = new int[(int) deathsHere];
                    int q = 0;
                    for (int r = lo; r < hi; r++) {
                        if (status[ord[r]] == 1) {
                            rs[q++] = rank[r];
                        }
                    }
                    Arrays.sort(rs);
                    int run = 1;
                    for (int k = 1; k <= rs.length; k++) {
                        if (k < rs.length && rs[k] == rs[k - 1]) {
                            run++;
                        } else {
                            tiedXY += (long) run * (run - 1) / 2;
                            run = 1;
                        }
                    }
                }
                for (int r = lo; r < hi; r++) {
                    if (status[ord[r]] == 1) {
                        later.add(rank[r]);
                    }
                }
                hi = lo;
            }
            // sweep 2, ascending time: each subject against the earlier events it outlived
            Fenwick earlier = new Fenwick(distinct);
            int lo = 0;
            while (lo < m) {
                int hi2 = lo + 1;
                double t = time[ord[lo]];
                while (hi2 < m && time[ord[hi2]] == t) {
                    hi2++;
                }
                for (int pass = 0; pass < 2; pass++) {
                    // pass 0: events at t against strictly earlier events, then add them;
                    // pass 1: censored at t against events up to and including t
                    for (int r = lo; r < hi2; r++) {
                        int s = ord[r];
                        if (status[s] == (pass == 0 ? 1 : 0)) {
                            long below = earlier.prefix(rank[r] - 1);
                            long equal = earlier.prefix(rank[r]) - below;
                            long above = earlier.total() - below - equal;
                            ic[s] += above;
                            id[s] += below;
                            it[s] += equal;
                        }
                    }
                    if (pass == 0) {
                        for (int r = lo; r < hi2; r++) {
                            if (status[ord[r]] == 1) {
                                earlier.add(rank[r]);
                            }
                        }
                    }
                }
                lo = hi2;
            }
            start = end;
        }
        long npairL = concordant + discordant + tiedX;
        if (npairL == 0) {
            return Optional.empty();
        }
        double npair = npairL;
        double somer = (concordant - discordant) / npair;
        double var = 0;
        for (int i = 0; i < n; i++) {
            double dfbeta = (ic[i] - id[i]) / npair - (somer / npair) * (ic[i] + id[i] + it[i]);
            var += dfbeta * dfbeta;
        }
        var /= 4;
        return Optional.of(new Concordance((somer + 1) / 2, Math.sqrt(var), concordant, discordant, tiedX, tiedY,
                tiedXY));
    }

    /** Counts per rank 1..size with prefix sums. */
    private static final class Fenwick {
        private final long[] tree;
        private long total;

        Fenwick(int size) {
            tree = new long[size + 1];
        }

        void add(int rank) {
            total++;
            for (int i = rank; i < tree.length; i += i & -i) {
                tree[i]++;
            }
        }

        long prefix(int rank) {
            long s = 0;
            for (int i = rank; i > 0; i -= i & -i) {
                s += tree[i];
            }
            return s;
        }

        long total() {
            return total;
        }
    }
}
