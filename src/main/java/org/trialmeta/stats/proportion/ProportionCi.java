package org.trialmeta.stats.proportion;

import java.util.Locale;

/**
 * Confidence-interval methods for a single binomial proportion {@code x/n}. All ends lie in [0, 1];
 * with {@code z} the {@code 1 − α/2} standard normal quantile and {@code p = x/n}. The R call that
 * gives the same numbers is named per method (references: {@code src/test/r/proportions.R}).
 *
 * <p>Brown LD, Cai TT, DasGupta A. Interval estimation for a binomial proportion. Stat Sci
 * 2001;16:101–133. doi:10.1214/ss/1009213286. Newcombe RG. Two-sided confidence intervals for the
 * single proportion: comparison of seven methods. Stat Med 1998;17:857–872.
 */
public enum ProportionCi {
    /**
     * Clopper-Pearson "exact": lower = B(α/2; x, n−x+1), upper = B(1−α/2; x+1, n−x) (beta quantiles),
     * lower 0 at x = 0 and upper 1 at x = n. Clopper CJ, Pearson ES. Biometrika 1934;26:404–413.
     * R: {@code binom.test(x, n, conf.level = level)$conf.int}. The default, as trial reports use.
     */
    CLOPPER_PEARSON("clopper-pearson"),
    /**
     * Wilson score: (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n); lower exactly 0 at x = 0,
     * upper exactly 1 at x = n. Wilson EB. JASA 1927;22:209–212.
     * R: {@code prop.test(x, n, conf.level = level, correct = FALSE)$conf.int}.
     */
    WILSON("wilson"),
    /**
     * Wilson score with continuity correction exactly as R
     * {@code prop.test(x, n, conf.level = level, correct = TRUE)$conf.int}: p is shifted by c/n with
     * c = min(1/2, |x − n/2|) (R's rule, tied to prop.test's default null p = 1/2, so at x = n/2 the
     * interval equals Wilson's; Newcombe 1998 method 4 always uses c = 1/2); the lower end is 0 when
     * p − c/n ≤ 0 and the upper end 1 when p + c/n ≥ 1.
     */
    WILSON_CC("wilson-cc"),
    /**
     * Agresti-Coull: ñ = n + z², p̃ = (x + z²/2)/ñ, p̃ ± z·sqrt(p̃(1−p̃)/ñ), truncated to [0, 1].
     * Agresti A, Coull BA. Am Stat 1998;52:119–126. R: the same formula with {@code pmax(0, )}/{@code pmin(1, )}
     * (binom::binom.confint(method = "ac") gives the untruncated ends).
     */
    AGRESTI_COULL("agresti-coull"),
    /**
     * Jeffreys: equal-tailed Beta(x + 1/2, n − x + 1/2) quantiles, with lower 0 at x = 0 and upper 1
     * at x = n (Brown, Cai, DasGupta 2001, section 4.1.2; as binom::binom.confint(method = "bayes")
     * with the Jeffreys prior). R: {@code qbeta(c(α/2, 1−α/2), x + .5, n − x + .5)} with those ends.
     */
    JEFFREYS("jeffreys"),
    /**
     * Wald: p ± z·sqrt(p(1−p)/n), truncated to [0, 1] (so [0, 0] at x = 0 and [1, 1] at x = n: the
     * known failure of this method). R: that formula with {@code pmax(0, )}/{@code pmin(1, )}, as
     * DescTools::BinomCI(method = "wald").
     */
    WALD("wald");

    private final String cliName;

    ProportionCi(String cliName) {
        this.cliName = cliName;
    }

    /** The lower-case hyphenated name used on the command line and in JSON, e.g. {@code wilson-cc}. */
    public String cliName() {
        return cliName;
    }

    /** The method named {@code name} (its {@link #cliName()} or constant name, any case). */
    public static ProportionCi parse(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ProportionCi m : values()) {
            if (m.cliName.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown proportion CI method '" + name + "'");
    }

    /** Shorthand for {@link Proportions#confidenceInterval(int, int, ProportionCi, double)}. */
    public ProportionEstimate estimate(int responders, int n, double level) {
        return Proportions.confidenceInterval(responders, n, this, level);
    }
}
