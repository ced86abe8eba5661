package org.trialmeta.present;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trialmeta.analysis.CoxFit;
import org.trialmeta.stats.survival.Concordance;
import org.trialmeta.stats.survival.CoxCoefficient;
import org.trialmeta.stats.survival.CoxConvergence;
import org.trialmeta.stats.survival.CoxModel;
import org.trialmeta.stats.survival.CoxRegression;
import org.trialmeta.stats.survival.CoxTest;
import org.trialmeta.stats.survival.ProportionalHazardsTest;

/**
 * What {@code cox} reports: the one summary from which its text and its JSON (the published {@code cox} contract;
 * keys in snake_case, {@code null} where not estimable) are made. R's names refer to {@code fit <- coxph(Surv(time,
 * status) ~ covariates + strata(s), ties = )}, {@code s <- summary(fit, conf.int = level)} and {@code cox.zph(fit)}.
 *
 * @param n                number of patients ({@code fit$n})
 * @param events           number of events ({@code fit$nevent})
 * @param loglikNull       partial log-likelihood at beta = 0 ({@code fit$loglik[1]})
 * @param loglik           partial log-likelihood at the estimate ({@code fit$loglik[2]})
 * @param concordance      Harrell's C ({@code s$concordance[1]}); null without a comparable pair
 * @param concordanceSe    its standard error ({@code s$concordance[2]}); null without a comparable pair
 * @param lrTest           likelihood-ratio test ({@code s$logtest})
 * @param waldTest         Wald test ({@code s$waldtest})
 * @param scoreTest        score (log-rank) test ({@code s$sctest})
 * @param coefficients     one per covariate, in input order ({@code s$coefficients}, {@code s$conf.int})
 * @param converged        whether the estimate can be reported as is
 * @param convergence      how the iteration ended: converged, infinite_coefficient, not_converged
 * @param possiblyInfinite covariates whose coefficient may be infinite (coxph's "Loglik converged before variable")
 * @param warning          the warning coxph would give, in words; null when converged
 * @param iterations       Newton-Raphson iterations ({@code fit$iter})
 * @param ties             tie handling ({@code fit$method}: efron, breslow)
 * @param level            confidence level of the HR intervals as a fraction ({@code conf.int})
 * @param strata           number of strata (1 without {@code --strata})
 * @param zph              the proportional-hazards tests ({@code cox.zph(fit)$table})
 */
public record CoxSummary(int n, int events, double loglikNull, double loglik, Double concordance, Double concordanceSe,
        Test lrTest, Test waldTest, Test scoreTest, List<Coefficient> coefficients, boolean converged,
        String convergence, List<String> possiblyInfinite, String warning, int iterations, String ties, double level,
        int strata, Zph zph) {

    /**
     * A chi-square test.
     *
     * @param statistic the statistic ({@code test})
     * @param df        its degrees of freedom ({@code df})
     * @param pval      its upper-tail p-value ({@code pvalue})
     */
    public record Test(double statistic, int df, double pval) {
    }

    /**
     * One covariate; all values null when it is aliased (a linear combination of the others; R prints NA).
     *
     * @param name    the covariate
     * @param coef    log hazard ratio ({@code coef})
     * @param se      its standard error ({@code se(coef)})
     * @param hr      hazard ratio ({@code exp(coef)})
     * @param hrLower HR CI lower end at the summary's level ({@code lower .95})
     * @param hrUpper HR CI upper end ({@code upper .95}); infinite for a diverging coefficient (JSON: null)
     * @param z       Wald statistic ({@code z})
     * @param pval    its two-sided p-value ({@code Pr(>|z|)})
     */
    public record Coefficient(String name, Double coef, Double se, Double hr, Double hrLower, Double hrUpper, Double z,
            Double pval) {
    }

    /**
     * The proportional-hazards tests.
     *
     * @param transform the time transform ({@code transform = "km"})
     * @param terms     one row per covariate
     * @param global    the global test ({@code GLOBAL})
     */
    public record Zph(String transform, List<ZphRow> terms, ZphRow global) {
    }

    /**
     * One row of {@code cox.zph(fit)$table}; nulls when the extended model's information matrix is singular.
     *
     * @param term  the covariate or GLOBAL
     * @param chisq the score statistic ({@code chisq})
     * @param df    its degrees of freedom ({@code df})
     * @param pval  its p-value ({@code p})
     */
    public record ZphRow(String term, Double chisq, Integer df, Double pval) {
    }

    /** The summary of a {@code cox} fit. */
    public static CoxSummary of(CoxFit f) {
        CoxModel fit = f.model();
        Optional<Concordance> c = fit.concordance();
        List<Coefficient> coefs = new ArrayList<>();
        for (CoxCoefficient cf : fit.coefficients()) {
            coefs.add(cf.estimate().map(e -> new Coefficient(cf.name(), e.coef(), e.se(), e.hazardRatio(),
                    e.hazardRatioCi().lower(), e.hazardRatioCi().upper(), e.z(), e.pValue()))
                    .orElse(new Coefficient(cf.name(), null, null, null, null, null, null, null)));
        }
        List<String> infinite = fit.coefficients().stream().filter(CoxCoefficient::possiblyInfinite)
                .map(CoxCoefficient::name).toList();
        ProportionalHazardsTest.Result zph = f.zph();
        Zph z = new Zph(lower(zph.transform()), zph.terms().stream().map(CoxSummary::zphRow).toList(),
                zphRow(zph.global()));
        return new CoxSummary(fit.n(), fit.events(), fit.logLikNull(), fit.logLik(),
                c.map(Concordance::value).orElse(null), c.map(Concordance::standardError).orElse(null),
                test(fit.likelihoodRatioTest()), test(fit.waldTest()), test(fit.scoreTest()), coefs, fit.converged(),
                lower(fit.convergence()), infinite, warning(fit.convergence(), infinite), fit.iterations(),
                lower(fit.ties()), fit.level(), fit.strata(), z);
    }

    /** The warning for a fit that did not end as {@code converged}, in words; null when it did. */
    static String warning(CoxConvergence convergence, List<String> possiblyInfinite) {
        return switch (convergence) {
            case CONVERGED -> null;
            case NOT_CONVERGED -> "the Cox fit did not converge in " + CoxRegression.ITER_MAX + " iterations (a"
                    + " coefficient is probably infinite: monotone likelihood); coefficients are not estimates";
            case INFINITE_COEFFICIENT -> "log-likelihood converged before the coefficient of "
                    + String.join(", ", possiblyInfinite)
                    + "; it may be infinite (monotone likelihood) and its estimate and SE are not meaningful";
        };
    }

    private static Test test(CoxTest t) {
        return new Test(t.statistic(), t.df(), t.pValue());
    }

    private static ZphRow zphRow(ProportionalHazardsTest.Row r) {
        return new ZphRow(r.term(), r.test().map(CoxTest::statistic).orElse(null), r.test().map(CoxTest::df).orElse(null),
                r.test().map(CoxTest::pValue).orElse(null));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
