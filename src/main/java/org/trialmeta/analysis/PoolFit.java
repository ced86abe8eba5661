package org.trialmeta.analysis;

import java.util.Optional;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.Messages;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.EffectSizes;
import org.trialmeta.stats.meta.BinomialNormalGlmm;
import org.trialmeta.stats.meta.FitResult;
import org.trialmeta.stats.meta.GlmmFit;
import org.trialmeta.stats.meta.GlmmNotEstimable;
import org.trialmeta.stats.meta.GlmmResult;
import org.trialmeta.stats.meta.GlmmSubgroupAnalysis;
import org.trialmeta.stats.meta.MetaAnalysis;
import org.trialmeta.stats.meta.MetaAnalysisResult;
import org.trialmeta.stats.meta.NotConverged;
import org.trialmeta.stats.meta.OddsRatioGlmm;
import org.trialmeta.stats.meta.SubgroupAnalysis;
import org.trialmeta.stats.meta.TestType;
import org.trialmeta.stats.meta.TwoByTwoPoolOptions;
import org.trialmeta.stats.meta.TwoByTwoPoolResult;
import org.trialmeta.stats.meta.TwoByTwoSubgroupAnalysis;
import org.trialmeta.stats.meta.ZeroCellCorrection;

/**
 * A meta-analysis of a study table, as {@code pool} runs it: inverse variance ({@code rma}), Mantel-Haenszel / Peto
 * ({@code rma.mh}, {@code rma.peto}), or a GLMM ({@code rma.glmm}: the binomial-normal model for proportions, the
 * unconditional model with fixed study effects for odds ratios), each with optional subgroups.
 */
public sealed interface PoolFit {

    /** The input the fit was made from. */
    PoolInput input();

    /**
     * An inverse-variance fit.
     *
     * @param input     the studies
     * @param es        their effect sizes
     * @param fit       the overall fit
     * @param subgroups per-subgroup fits and the test for subgroup differences, when asked for
     * @param used      the input rows that entered the fit (all but double-zero studies dropped by drop00), in order;
     *                  {@code es} holds their effect sizes
     */
    record InverseVariance(PoolInput input, EffectSizes es, MetaAnalysisResult fit,
            Optional<SubgroupAnalysis> subgroups, int[] used) implements PoolFit {
    }

    /**
     * A Mantel-Haenszel or Peto fit.
     *
     * @param input     the studies
     * @param fit       the overall result
     * @param subgroups per-subgroup results and the test for subgroup differences, when asked for
     */
    record TwoByTwo(PoolInput input, TwoByTwoPoolResult fit, Optional<TwoByTwoSubgroupAnalysis> subgroups)
            implements PoolFit {
    }

    /**
     * A GLMM fit: single proportions ({@code rma.glmm(measure = "PLO")}, {@link BinomialNormalGlmm}) or odds ratios
     * ({@code rma.glmm(measure = "OR", model = "UM.FS")}, {@link OddsRatioGlmm}).
     *
     * @param input     the studies
     * @param es        the escalc effect sizes of the {@code used} rows (study rows of the output; the fit uses the
     *                  counts)
     * @param fit       the overall fit
     * @param subgroups when asked for: a GLMM per subgroup (each with its own tau²) and the test for subgroup
     *                  differences from their estimates and SEs, as for the other methods ({@link GlmmSubgroupAnalysis})
     * @param used      the input rows that entered the fit, in order: all for PLO; for OR all but the studies with no
     *                  events or only events in both groups (rma.glmm's {@code drop00 = TRUE})
     */
    record Glmm(PoolInput input, EffectSizes es, GlmmResult fit, Optional<GlmmSubgroupAnalysis> subgroups, int[] used)
            implements PoolFit {
    }

    /**
     * Fits {@code input} as {@code settings} say.
     *
     * @param groups subgroup label per study, or null
     * @param file   the input's name, for messages
     * @throws InputException when the method does not apply to the measure or test, or the estimator cannot fit
     *     the data (one line naming the file and the reason)
     */
    static PoolFit of(PoolInput input, PoolSettings settings, String[] groups, String file) {
        PoolMethod method = settings.method();
        TestType test = settings.test();
        double level = settings.level();
        EffectMeasure measure = input.measure();
        if (method == PoolMethod.GLMM) {
            if (settings.correction().isPresent() || settings.drop00().isPresent()) {
                throw new InputException("--add, --to and --drop00 apply to escalc's study estimates, not to the GLMM, "
                        + "which models the counts");
            }
            return glmm(input, test, level, groups, file);
        }
        if (settings.correction().isPresent() || settings.drop00().isPresent()) {
            if (measure.kind() != EffectMeasure.Kind.TWO_GROUP && measure.kind() != EffectMeasure.Kind.SINGLE_PROPORTION) {
                throw new InputException("--add, --to and --drop00 apply to measures computed from counts, not " + measure);
            }
            if (settings.drop00().orElse(false) && measure.kind() != EffectMeasure.Kind.TWO_GROUP) {
                throw new InputException("--drop00 applies to two-group measures (OR, RR, RD), not " + measure);
            }
        }
        Optional<TwoByTwoPoolResult.Method> twoByTwo = method.twoByTwo();
        if (twoByTwo.isPresent()) {
            if (measure.kind() != EffectMeasure.Kind.TWO_GROUP || (method == PoolMethod.PETO && measure != EffectMeasure.OR)) {
                throw new InputException("--method " + method.label() + " applies to "
                        + (method == PoolMethod.PETO ? "--measure OR" : "--measure OR, RR or RD") + ", not " + measure);
            }
            if (test != TestType.Z) {
                throw new InputException("--test knha: applies to inverse-variance fits only (MH and PETO use the z-test)");
            }
            TwoByTwoPoolOptions options = TwoByTwoPoolOptions.DEFAULTS.withLevel(level);
            if (settings.correction().isPresent()) {
                ZeroCellCorrection c = settings.correction().get();
                options = options.withCorrection(c.add(), TwoByTwoPoolOptions.AddTo.valueOf(c.to().name()));
            }
            options = options.withDrop00(settings.drop00().orElse(options.drop00()));
            TwoByTwoPoolResult r = TwoByTwoSubgroupAnalysis.pool(twoByTwo.get(), measure, input.ai(), input.n1i(),
                    input.ci(), input.n2i(), options);
            TwoByTwoPoolOptions o = options;
            Optional<TwoByTwoSubgroupAnalysis> sub = Optional.ofNullable(groups).map(g -> TwoByTwoSubgroupAnalysis.of(
                    twoByTwo.get(), measure, input.ai(), input.n1i(), input.ci(), input.n2i(), g, o));
            return new TwoByTwo(input, r, sub);
        }
        int[] used = used(input, settings.drop00().orElse(false));
        if (used.length == 0) {
            throw new InputException(file + ": every study has no events (or only events) in both groups; "
                    + "nothing is left to pool after --drop00");
        }
        PoolInput fitted = used.length == input.names().size() ? input : input.rows(used);
        EffectSizes es;
        try {
            es = fitted.effectSizes(settings.correction().orElse(ZeroCellCorrection.metaforDefault(measure)));
        } catch (EffectSizes.NotEstimable e) {
            int i = used[e.study()];
            throw new InputException(file + ": line " + input.line(i) + " (study "
                    + Messages.quoted(input.names().get(i)) + "): " + e.reason());
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
        MetaAnalysis.Options options = MetaAnalysis.Options.defaults(es).withMethod(method.tau2Estimator().orElseThrow())
                .withTest(test).withLevel(level);
        FitResult fit = MetaAnalysis.fit(es, options);
        if (fit instanceof NotConverged nc) {
            throw new InputException(file + ": " + nc.reason() + "; no estimate is given (try --method DL or PM)");
        }
        String[] fittedGroups = groups == null ? null : pick(groups, used);
        Optional<SubgroupAnalysis> sub = Optional.ofNullable(fittedGroups).map(g -> SubgroupAnalysis.of(es, g, options));
        return new InverseVariance(input, es, (MetaAnalysisResult) fit, sub, used);
    }

    /** The rows that are not double-zero studies (all rows unless {@code drop00}). */
    private static int[] used(PoolInput input, boolean drop00) {
        int k = input.names().size();
        if (!drop00) {
            return java.util.stream.IntStream.range(0, k).toArray();
        }
        int[] ai = input.ai();
        int[] n1i = input.n1i();
        int[] ci = input.ci();
        int[] n2i = input.n2i();
        return java.util.stream.IntStream.range(0, k)
                .filter(i -> !((ai[i] == 0 && ci[i] == 0) || (ai[i] == n1i[i] && ci[i] == n2i[i]))).toArray();
    }

    private static String[] pick(String[] v, int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static PoolFit glmm(PoolInput input, TestType test, double level, String[] groups, String file) {
        EffectMeasure measure = input.measure();
        if (measure != EffectMeasure.PLO && measure != EffectMeasure.OR) {
            throw new InputException("--method GLMM applies to --measure PLO or OR, not " + measure);
        }
        if (test != TestType.Z) {
            throw new InputException("--test knha: applies to inverse-variance fits only (GLMM uses the z-test)");
        }
        BinomialNormalGlmm.Options options = BinomialNormalGlmm.Options.DEFAULTS.withLevel(level);
        if (measure == EffectMeasure.OR) {
            GlmmFit fit = OddsRatioGlmm.fit(input.ai(), input.n1i(), input.ci(), input.n2i(), options);
            if (fit instanceof GlmmNotEstimable ne) {
                throw new InputException(file + ": GLMM not estimable: " + ne.reason());
            }
            int[] used = OddsRatioGlmm.kept(input.ai(), input.n1i(), input.ci(), input.n2i());
            PoolInput fitted = used.length == input.names().size() ? input : input.rows(used);
            Optional<GlmmSubgroupAnalysis> sub = Optional.ofNullable(groups).map(g -> GlmmSubgroupAnalysis.ofOddsRatio(
                    input.ai(), input.n1i(), input.ci(), input.n2i(), g, options));
            return new Glmm(input, fitted.effectSizes(), (GlmmResult) fit, sub, used);
        }
        GlmmFit fit = BinomialNormalGlmm.fit(input.ai(), input.n1i(), options);
        if (fit instanceof GlmmNotEstimable ne) {
            throw new InputException(file + ": GLMM not estimable: " + ne.reason());
        }
        Optional<GlmmSubgroupAnalysis> sub = Optional.ofNullable(groups)
                .map(g -> GlmmSubgroupAnalysis.of(input.ai(), input.n1i(), g, options));
        return new Glmm(input, input.effectSizes(), (GlmmResult) fit, sub,
                java.util.stream.IntStream.range(0, input.names().size()).toArray());
    }
}
