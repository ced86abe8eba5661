package org.trialmeta.stats.proportion;

/**
 * Confidence-interval methods for a risk difference p1 − p2 of two independent proportions
 * (ends within [−1, 1]). References are in {@code src/test/r/proportions.R}.
 */
public enum DifferenceCi {
    /**
     * Wald: d ± z·sqrt(p1(1−p1)/n1 + p2(1−p2)/n2), truncated to [−1, 1] (degenerate when both
     * proportions are 0 or 1). R: that formula (as DescTools::BinomDiffCI(method = "wald")).
     */
    WALD("wald"),
    /**
     * Newcombe's hybrid score interval (method 10 of Newcombe 1998), from the Wilson limits
     * (l1, u1), (l2, u2) of each proportion: [d − sqrt((p1−l1)² + (u2−p2)²), d + sqrt((u1−p1)² + (p2−l2)²)].
     * Newcombe RG. Interval estimation for the difference between independent proportions: comparison
     * of eleven methods. Stat Med 1998;17:873–890. doi:10.1002/(SICI)1097-0258(19980430)17:8&lt;873::AID-SIM779&gt;3.0.CO;2-I.
     * R: the formula with Wilson limits from {@code prop.test(x, n, correct = FALSE)$conf.int}
     * (as DescTools::BinomDiffCI(method = "score")).
     */
    NEWCOMBE("newcombe"),
    /**
     * Miettinen-Nurminen score interval: all δ with (d − δ)² / V(δ) ≤ z², where
     * V(δ) = [p̃1(1−p̃1)/n1 + p̃2(1−p̃2)/n2]·N/(N−1), N = n1 + n2, and (p̃1, p̃2 = p̃1 − δ) the maximum
     * likelihood estimates restricted to p1 − p2 = δ (closed-form cubic root of Farrington CP, Manning G.
     * Stat Med 1990;9:1447–1454); limits found by bisection to machine precision, −1 / 1 where the
     * statistic never reaches z². Miettinen O, Nurminen M. Comparative analysis of two rates. Stat Med
     * 1985;4:213–226. doi:10.1002/sim.4780040211. R: the same formulas with {@code uniroot(tol = 1e-15)}
     * (as DescTools::BinomDiffCI(method = "mn")).
     */
    MIETTINEN_NURMINEN("mn");

    private final String cliName;

    DifferenceCi(String cliName) {
        this.cliName = cliName;
    }

    /** Name used in CLI output and JSON. */
    public String cliName() {
        return cliName;
    }
}
