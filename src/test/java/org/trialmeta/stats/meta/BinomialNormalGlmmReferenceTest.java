package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The binomial-normal GLMM against R: metafor 3.8.1 {@code rma.glmm(measure = "PLO")} with lme4 1.1.31
 * ({@code glmer}, nAGQ = 7), reference values from src/test/r/glmm.R in src/test/resources/r/glmm/.
 *
 * <p>Tolerances, per quantity:
 * <ul>
 * <li>μ̂, tau², SE, z, CI, PI, I², H², proportions: {@link #RELATIVE} (1e-6) against the <em>converged</em>
 *     maximum of lme4's own nAGQ = 7 objective (R Newton-polished, see the script). metafor's default output
 *     cannot be held to 1e-6: lme4 stops Nelder-Mead at {@code FtolAbs = 1e-5} on the deviance, which leaves
 *     μ̂ and tau² 1e-6 to 1e-4 (relative) from the maximum, and takes the SE from a central-difference Hessian
 *     with step 1e-4; against that output these are held to {@link #METAFOR_DEFAULT} only, and the
 *     log-likelihood decides instead: ours must be ≥ the log-likelihood at metafor's estimates − 1e-8. (There
 *     the CI ends are compared relative to max(|end|, se): lgsoc's upper end is −0.015 with se 0.35.)</li>
 * <li>The log-likelihood function itself at fixed (μ, τ) probe points: against
 *     ℓ_sat − deviance/2 from lme4's {@code devFunOnly} objective — the same quadrature, not merely the same
 *     model — was 1e-9 and is {@link #LOGLIK_ABSOLUTE} (1e-8) because of lme4 itself (see there).</li>
 * <li>QE (Wald and LRT) and their p-values, vt: {@link #RELATIVE} against metafor's output directly (they do
 *     not depend on the ML fit).</li>
 * <li>SE against lme4's own finite-difference-Hessian SE at the same converged point: {@link #LME4_HESSIAN}
 *     (the one quantity where R's method of computing it, not its optimiser, limits the agreement).</li>
 * </ul>
 * The largest relative error per quantity over all datasets is printed after the run.
 */
class BinomialNormalGlmmReferenceTest {

    /** Against the converged R maximum and metafor's heterogeneity tests. */
    private static final double RELATIVE = 1e-6;
    /** Against metafor's default output (lme4's Nelder-Mead tolerance and step-1e-4 Hessian). */
    private static final double METAFOR_DEFAULT = 2e-4;
    /**
     * Our SE against lme4's at the same (converged) point: lme4 inverts a central-difference Hessian of its deviance
     * with step 1e-4 (lme4:::deriv12), whose rounding and truncation error reaches 1.6e-6 (hannum2020, where one
     * study has 7178 participants); ours uses Richardson-extrapolated differences of the analytic gradient.
     */
    private static final double LME4_HESSIAN = 5e-6;
    /** Our maximum must not be below the log-likelihood at metafor's estimates by more than this. */
    private static final double LOGLIK_NOT_WORSE = 1e-8;
    /**
     * The likelihood at fixed parameters: same quadrature as lme4. lme4's value is itself only defined to a few
     * 1e-9 at large tau: at (tau, mu) = (2.5, 0.2) on all_events its deviance moves by 7e-9 between PIRLS
     * tolerances 1e-12 and 1e-13 (the nodes are scaled from the weights of its penultimate PIRLS step).
     */
    private static final double LOGLIK_ABSOLUTE = 1e-8;

    static final List<String> DATASETS = List.of("pritz1997", "debruin2009", "hannum2020", "lgsoc", "zero_events",
            "all_events", "tau2_zero", "two_studies", "pagliaro1992");

    private static final Map<String, Double> MAX_RELATIVE = new TreeMap<>();

    static JsonNode load(String name) {
        try (InputStream in = BinomialNormalGlmmReferenceTest.class.getResourceAsStream("/r/glmm/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing reference file /r/glmm/" + name + ".json");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> datasets() {
        return DATASETS;
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void matchesTheConvergedLme4Maximum(String name) {
        JsonNode ref = load(name);
        int[] xi = MetaforReference.ints(ref.get("data").get("xi"));
        int[] ni = MetaforReference.ints(ref.get("data").get("ni"));
        compare(name, BinomialNormalGlmm.fit(xi, ni, BinomialNormalGlmm.Options.DEFAULTS).orElseThrow(), ref.get("converged"),
                ref.get("metafor"), "");
        compare(name, BinomialNormalGlmm.fit(xi, ni, BinomialNormalGlmm.Options.DEFAULTS.withLevel(0.90)).orElseThrow(),
                ref.get("level90").get("converged"), ref.get("level90").get("metafor"), " (90%)");
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void logLikelihoodIsLme4sAdaptiveQuadrature(String name) {
        JsonNode ref = load(name);
        int[] xi = MetaforReference.ints(ref.get("data").get("xi"));
        int[] ni = MetaforReference.ints(ref.get("data").get("ni"));
        for (JsonNode p : ref.get("probes")) {
            double ours = BinomialNormalGlmm.logLikelihood(xi, ni, p.get("mu").asDouble(), p.get("tau").asDouble(),
                    BinomialNormalGlmm.DEFAULT_QUADRATURE_POINTS);
            assertThat(Math.abs(ours - p.get("loglik").asDouble())).as(name + " probe " + p).isLessThanOrEqualTo(
                    LOGLIK_ABSOLUTE);
        }
        GlmmResult r = BinomialNormalGlmm.fit(xi, ni, BinomialNormalGlmm.Options.DEFAULTS).orElseThrow();
        double atMetafor = ref.get("metafor").get("loglik").asDouble();
        double atConverged = ref.get("converged").get("loglik").asDouble();
        assertThat(r.logLik()).as(name + ": ours vs at metafor's estimates").isGreaterThanOrEqualTo(atMetafor - LOGLIK_NOT_WORSE);
        assertThat(r.logLik()).as(name + ": ours vs at the converged R maximum").isGreaterThanOrEqualTo(
                atConverged - LOGLIK_NOT_WORSE);
        record("loglik (absolute, vs converged R)", Math.abs(r.logLik() - atConverged));
        record("loglik at metafor's estimates - ours (must be <= 1e-8)", atMetafor - r.logLik());
    }

    /** pagliaro1992 by treatment: a fit per subgroup (one with a 0-event study) and the test for differences. */
    @org.junit.jupiter.api.Test
    void subgroupsAndTheirDifferenceTestMatchR() {
        JsonNode ref = load("pagliaro1992");
        int[] xi = MetaforReference.ints(ref.get("data").get("xi"));
        int[] ni = MetaforReference.ints(ref.get("data").get("ni"));
        String[] groups = MetaforReference.strings(ref.get("groups"));
        GlmmSubgroupAnalysis sa = GlmmSubgroupAnalysis.of(xi, ni, groups, BinomialNormalGlmm.Options.DEFAULTS);
        assertThat(sa.subgroups()).hasSize(ref.get("subgroups").size());
        for (int g = 0; g < sa.subgroups().size(); g++) {
            JsonNode rg = ref.get("subgroups").get(g);
            GlmmSubgroupAnalysis.Subgroup s = sa.subgroups().get(g);
            assertThat(s.name()).isEqualTo(rg.get("name").asText());
            assertThat(s.studies()).hasSize(rg.get("k").asInt());
            compare("pagliaro1992 " + s.name(), s.fit().orElseThrow(), rg.get("converged"), rg.get("metafor"), "");
        }
        SubgroupAnalysis.SubgroupTest t = sa.test().orElseThrow();
        JsonNode rt = ref.get("subgroup_test");
        rel("pagliaro1992: ", "subgroup q", t.q(), rt.get("q").asDouble(), RELATIVE);
        rel("pagliaro1992: ", "subgroup q pval", t.pval(), rt.get("pval").asDouble(), RELATIVE);
        assertThat(t.df()).isEqualTo(rt.get("df").asInt());
    }

    private static void compare(String name, GlmmResult r, JsonNode c, JsonNode m, String suffix) {
        String at = name + suffix + ": ";
        rel(at, "estimate", r.estimate(), c.get("estimate").asDouble(), RELATIVE);
        if (c.get("tau2").asDouble() == 0) {
            assertThat(r.tau2()).as(at + "tau2 on the boundary").isZero();
            assertThat(r.tau2AtZero()).isTrue();
        } else {
            rel(at, "tau2", r.tau2(), c.get("tau2").asDouble(), RELATIVE);
            assertThat(r.tau2AtZero()).isFalse();
        }
        rel(at, "se", r.se(), c.get("se").asDouble(), RELATIVE);
        // lme4's own SE at the same point: its step-1e-4 central-difference Hessian (deriv12), which vcov inverts
        rel(at, "se vs lme4 deriv12 Hessian", r.se(), c.get("se_lme4_deriv12").asDouble(), LME4_HESSIAN);
        rel(at, "zval", r.zval(), c.get("zval").asDouble(), RELATIVE);
        rel(at, "pval", r.pval(), c.get("pval").asDouble(), RELATIVE);
        double se = c.get("se").asDouble();
        rel(at, "ci_lower", r.ci().lower(), c.get("ci_lower").asDouble(), RELATIVE);
        rel(at, "ci_upper", r.ci().upper(), c.get("ci_upper").asDouble(), RELATIVE);
        rel(at, "pi_lower", r.pi().lower(), c.get("pi_lower").asDouble(), RELATIVE);
        rel(at, "pi_upper", r.pi().upper(), c.get("pi_upper").asDouble(), RELATIVE);
        rel(at, "t_estimate", r.transformed().estimate(), c.get("t_estimate").asDouble(), RELATIVE);
        rel(at, "t_ci_lower", r.transformed().ci().lower(), c.get("t_ci_lower").asDouble(), RELATIVE);
        rel(at, "t_ci_upper", r.transformed().ci().upper(), c.get("t_ci_upper").asDouble(), RELATIVE);
        rel(at, "t_pi_lower", r.transformed().pi().lower(), c.get("t_pi_lower").asDouble(), RELATIVE);
        rel(at, "t_pi_upper", r.transformed().pi().upper(), c.get("t_pi_upper").asDouble(), RELATIVE);
        GlmmResult.HeterogeneityTests h = r.heterogeneity();
        if (c.get("tau2").asDouble() == 0) {
            assertThat(h.i2()).isZero();
            assertThat(h.h2()).isEqualTo(1.0);
        } else {
            rel(at, "i2", h.i2(), c.get("i2").asDouble(), RELATIVE);
            rel(at, "h2", h.h2(), c.get("h2").asDouble(), RELATIVE);
        }
        // Heterogeneity tests: independent of the ML fit, straight from metafor.
        rel(at, "qe_wald", h.qeWald(), m.get("qe_wald").asDouble(), RELATIVE);
        rel(at, "qe_wald_pval", h.qeWaldPval(), m.get("qe_wald_pval").asDouble(), RELATIVE);
        rel(at, "qe_lrt", h.qeLrt(), m.get("qe_lrt").asDouble(), RELATIVE);
        rel(at, "qe_lrt_pval", h.qeLrtPval(), m.get("qe_lrt_pval").asDouble(), RELATIVE);
        rel(at, "vt", h.vt(), m.get("vt").asDouble(), RELATIVE);
        assertThat(h.df()).isEqualTo(m.get("qe_df").asInt());
        // metafor's default output: only as close as lme4's stopping rule allows.
        rel(at, "estimate vs metafor default", r.estimate(), m.get("estimate").asDouble(), METAFOR_DEFAULT);
        rel(at, "se vs metafor default", r.se(), m.get("se").asDouble(), METAFOR_DEFAULT);
        end(at, "ci_lower vs metafor default", r.ci().lower(), m.get("ci_lower").asDouble(), se, METAFOR_DEFAULT);
        end(at, "ci_upper vs metafor default", r.ci().upper(), m.get("ci_upper").asDouble(), se, METAFOR_DEFAULT);
        if (m.get("tau2").asDouble() > 0) {
            rel(at, "tau2 vs metafor default", r.tau2(), m.get("tau2").asDouble(), METAFOR_DEFAULT);
        }
    }

    /** An interval end on the logit scale: relative to max(|end|, se), since an end near 0 has no useful relative error. */
    private static void end(String at, String what, double actual, double expected, double se, double tolerance) {
        double e = Math.abs(actual - expected) / Math.max(Math.abs(expected), se);
        assertThat(e).as(at + what + ": " + actual + " vs R " + expected).isLessThanOrEqualTo(tolerance);
        record(what + " (rel. to max(|end|, se))", e);
    }

    private static void rel(String at, String what, double actual, double expected, double tolerance) {
        double e = Math.abs(actual - expected) / Math.abs(expected);
        if (expected == 0) {
            e = Math.abs(actual);
        }
        assertThat(e).as(at + what + ": " + actual + " vs R " + expected).isLessThanOrEqualTo(tolerance);
        record(what, e);
    }

    private static synchronized void record(String what, double e) {
        MAX_RELATIVE.merge(what, e, Math::max);
    }

    @AfterAll
    static void report() {
        StringBuilder sb = new StringBuilder("BinomialNormalGlmmReferenceTest: largest relative error per quantity\n");
        MAX_RELATIVE.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-32s %.2e%n", k, v)));
        System.out.print(sb);
    }
}
