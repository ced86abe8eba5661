package org.trialmeta.stats.meta;

/**
 * Validated 2×2 tables (package-private working copy): group 1 has {@code ai} events among {@code n1i},
 * group 2 has {@code ci} events among {@code n2i}; {@code bi = n1i - ai}, {@code di = n2i - ci}.
 */
final class TwoByTwoTables {
    final int k;
    final double[] ai;
    final double[] bi;
    final double[] ci;
    final double[] di;

    private TwoByTwoTables(int k) {
        this.k = k;
        ai = new double[k];
        bi = new double[k];
        ci = new double[k];
        di = new double[k];
    }

    /** Checks the counts and names the offending argument, study (0-based), value and rule. */
    static TwoByTwoTables of(int[] ai, int[] n1i, int[] ci, int[] n2i) {
        if (ai == null || n1i == null || ci == null || n2i == null) {
            throw new IllegalArgumentException("ai, n1i, ci and n2i must not be null");
        }
        int k = ai.length;
        if (k == 0) {
            throw new IllegalArgumentException("ai has length 0: at least one study is needed");
        }
        if (n1i.length != k || ci.length != k || n2i.length != k) {
            throw new IllegalArgumentException("ai, n1i, ci, n2i must have the same length, got " + k + ", "
                    + n1i.length + ", " + ci.length + ", " + n2i.length);
        }
        TwoByTwoTables t = new TwoByTwoTables(k);
        for (int i = 0; i < k; i++) {
            check("n1i", i, n1i[i], n1i[i] >= 1, "must be >= 1");
            check("n2i", i, n2i[i], n2i[i] >= 1, "must be >= 1");
            check("ai", i, ai[i], ai[i] >= 0 && ai[i] <= n1i[i], "must be in [0, n1i = " + n1i[i] + "]");
            check("ci", i, ci[i], ci[i] >= 0 && ci[i] <= n2i[i], "must be in [0, n2i = " + n2i[i] + "]");
            t.ai[i] = ai[i];
            t.bi[i] = (double) n1i[i] - ai[i];
            t.ci[i] = ci[i];
            t.di[i] = (double) n2i[i] - ci[i];
        }
        return t;
    }

    private static void check(String name, int study, int value, boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(name + "[" + study + "] = " + value + " " + rule);
        }
    }

    /** No events in either group, or only events in both groups (metafor's {@code drop00} rule). */
    boolean doubleZero(int i) {
        return (ai[i] == 0 && ci[i] == 0) || (bi[i] == 0 && di[i] == 0);
    }
}
