package org.trialmeta.stats.proportion;

/** Ratio measures of two proportions and how their confidence intervals are computed. */
public enum RatioMethod {
    /**
     * Risk ratio (p1/p2) with the log (Katz) interval exp(log RR ± z·sqrt(1/a − 1/n1 + 1/c − 1/n2)).
     * Katz D et al. Biometrics 1978;34:469–474. When any of the four cells is 0, 1/2 is added to
     * every cell (n1, n2 grow by 1), as metafor {@code escalc(measure = "RR")} (add = 1/2, to = "only0").
     * Not estimable when x1 = x2 = 0 (0/0).
     */
    RISK_RATIO_LOG("log"),
    /**
     * Odds ratio ad/bc with the Woolf logit interval exp(log OR ± z·sqrt(1/a + 1/b + 1/c + 1/d)).
     * Woolf B. Ann Hum Genet 1955;19:251–253. When any cell is 0, 1/2 is added to every cell (Haldane-
     * Anscombe), as metafor {@code escalc(measure = "OR")}. Not estimable when x1 = x2 = 0 or
     * x1 = n1 and x2 = n2 (0/0).
     */
    ODDS_RATIO_WOOLF("woolf"),
    /**
     * Conditional maximum-likelihood odds ratio (noncentral hypergeometric) and its exact conditional
     * interval, as R {@code fisher.test(table, conf.level = level)$estimate} and {@code $conf.int}
     * (Cornfield 1956; Fisher's test inverted). The estimate is 0 or +∞ (and an interval end 0 or +∞)
     * at the edges of the support, as R. Not estimable in the same 0/0 cases as the Woolf odds ratio.
     * R solves the CI's ends with {@code uniroot}'s default tolerance (about 1e-4 absolute, on the odds ratio
     * itself); we solve to machine precision. So fisher.test's ends can be off by several percent where they are
     * large (27/28 vs 3/3 at 99 %: 1774.96 where the exact end, 4060·199/435, is 1857.33) and can read 0 where
     * they are small (1/20 vs 19/20 at 99 %: 0 for 1.25e-5); the estimate agrees closely.
     */
    ODDS_RATIO_CONDITIONAL("conditional-mle");

    private final String cliName;

    RatioMethod(String cliName) {
        this.cliName = cliName;
    }

    /** Name of the interval method used in CLI output and JSON: log, woolf, conditional-mle. */
    public String cliName() {
        return cliName;
    }
}
