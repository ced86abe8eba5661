package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Edge cases and robustness beyond the metafor grid. */
class MetaAnalysisBehaviourTest {

    private static final double[] Y = {-0.9, -1.6, -1.4, -1.4, -0.2, -0.5, -0.0, -0.5, 0.0, -0.5, 0.7, 0.2, -0.3};
    private static final double[] V = {0.3, 0.2, 0.4, 0.02, 0.05, 0.007, 0.2, 0.06, 0.01, 0.04, 0.02, 0.1, 0.03};

    @Test
    void kOneGivesTauSquaredZeroNoHeterogeneityAndUsesZEvenWhenKnhaIsAsked() {
        MetaAnalysis.Options o = MetaAnalysis.Options.defaults(EffectMeasure.GEN).withTest(TestType.KNHA);
        MetaAnalysisResult r = MetaAnalysis.fit(new double[] {0.4}, new double[] {0.04}, o).orElseThrow();
        assertThat(r.k()).isEqualTo(1);
        assertThat(r.tau2()).isZero();
        assertThat(r.tau2Se()).isEmpty();
        assertThat(r.heterogeneity()).isEmpty();
        assertThat(r.tau2Ci()).isEmpty();
        assertThat(r.test()).isEqualTo(TestType.Z);
        assertThat(r.se()).isEqualTo(0.2);
        assertThat(r.weights()).containsExactly(100.0);
    }

    @Test
    void nonConvergenceIsAnExplicitStateNotANumber() {
        MetaAnalysis.Options o = MetaAnalysis.Options.defaults(EffectMeasure.GEN)
                .withControl(new IterationControl(1e-12, 1));
        FitResult f = MetaAnalysis.fit(Y, V, o);
        assertThat(f).isInstanceOf(NotConverged.class);
        assertThat(f.converged()).isFalse();
        assertThat(((NotConverged) f).reason()).contains("REML Fisher scoring did not converge in 1 iterations");
        assertThatThrownBy(f::orElseThrow).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyEstimatorHandlesKTwoAndIdenticalEstimates() {
        for (Tau2Estimator m : Tau2Estimator.values()) {
            for (TestType t : TestType.values()) {
                MetaAnalysis.Options o = MetaAnalysis.Options.defaults(EffectMeasure.GEN).withMethod(m).withTest(t);
                MetaAnalysisResult two = MetaAnalysis.fit(new double[] {0.1, 0.9}, new double[] {0.05, 0.08}, o).orElseThrow();
                assertThat(two.heterogeneity().orElseThrow().df()).isEqualTo(1);
                MetaAnalysisResult same = MetaAnalysis.fit(new double[] {0.3, 0.3, 0.3}, new double[] {0.1, 0.2, 0.3}, o).orElseThrow();
                assertThat(same.tau2()).as(m + " " + t).isZero();
                assertThat(same.estimate()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-15));
            }
        }
    }

    @Test
    void remlScalesLinearlyToAMillionStudies() {
        SplittableRandom rnd = new SplittableRandom(20261125L);
        int k = 1_000_000;
        double[] y = new double[k];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = 0.01 + rnd.nextDouble() * 0.2;
            y[i] = 0.3 + Math.sqrt(0.05) * gauss(rnd) + Math.sqrt(v[i]) * gauss(rnd);
        }
        MetaAnalysis.Options o = MetaAnalysis.Options.defaults(EffectMeasure.GEN);
        long start = System.nanoTime();
        MetaAnalysisResult r = MetaAnalysis.fit(y, v, o).orElseThrow();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.tau2()).isBetween(0.045, 0.055);
        assertThat(r.estimate()).isBetween(0.29, 0.31);
        assertThat(ms).as("REML + Q-profile at k = 1e6 in ms").isLessThan(20_000);
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void leaveOneOutAndMetaRegressionRefuseTooFewStudies() {
        MetaAnalysis.Options o = MetaAnalysis.Options.defaults(EffectMeasure.GEN);
        assertThatThrownBy(() -> LeaveOneOut.run(new double[] {1}, new double[] {1}, o))
                .hasMessage("leave-one-out needs k >= 2 studies, got 1");
        assertThatThrownBy(() -> MetaRegression.categorical(new double[] {1, 2}, new double[] {1, 1}, new String[] {"a", "b"}, o))
                .hasMessage("k 2 studies for 2 levels plus tau2: at least 3 needed");
        assertThatThrownBy(() -> MetaAnalysis.fit(new double[] {1, Double.NaN}, new double[] {1, 1}, o))
                .hasMessage("study 1: yi NaN must be finite");
    }

    @Test
    void subgroupWithOneStudyStillGivesTheTestForSubgroupDifferences() {
        MetaAnalysis.Options o = MetaAnalysis.Options.defaults(EffectMeasure.GEN).withMethod(Tau2Estimator.DL);
        SubgroupAnalysis sa = SubgroupAnalysis.of(new double[] {0.1, 0.2, 0.9}, new double[] {0.01, 0.02, 0.03},
                new String[] {"b", "b", "a"}, o);
        assertThat(sa.subgroups()).extracting(SubgroupAnalysis.Subgroup::name).containsExactly("a", "b");
        assertThat(sa.subgroups().get(1).studies()).isEqualTo(List.of(0, 1));
        assertThat(sa.test().orElseThrow().df()).isEqualTo(1);
    }

    @Test
    void testForSubgroupDifferencesIsTheFixedEffectQOfTheSubgroupEstimates() {
        double[] est = {0.2, -0.1, 0.5};
        double[] se = {0.1, 0.2, 0.25};
        SubgroupAnalysis.SubgroupTest t = SubgroupAnalysis.differenceTest(est, se).orElseThrow();
        double sw = 0;
        double swy = 0;
        for (int g = 0; g < 3; g++) {
            sw += 1 / (se[g] * se[g]);
            swy += est[g] / (se[g] * se[g]);
        }
        double q = 0;
        for (int g = 0; g < 3; g++) {
            q += Math.pow(est[g] - swy / sw, 2) / (se[g] * se[g]);
        }
        assertThat(t.q()).isCloseTo(q, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(t.df()).isEqualTo(2);
        assertThat(t.pval()).isCloseTo(Math.exp(-q / 2), org.assertj.core.data.Offset.offset(1e-12)); // chi2(2)
        assertThat(SubgroupAnalysis.differenceTest(new double[] {0.2}, new double[] {0.1})).isEmpty();
        assertThat(SubgroupAnalysis.differenceTest(new double[] {0.2, 0.3}, new double[] {0.1, 0})).isEmpty();
    }

    @Test
    void subgroupWithAKnappHartungStandardErrorOfZeroHasNoTestForSubgroupDifferences() {
        // subgroup b: identical estimates, RSS = 0, Knapp-Hartung SE 0 (as metafor): Q_between is not estimable
        MetaAnalysis.Options o = MetaAnalysis.Options.defaults(EffectMeasure.GEN).withMethod(Tau2Estimator.DL)
                .withTest(TestType.KNHA);
        SubgroupAnalysis sa = SubgroupAnalysis.of(new double[] {0.1, 0.4, 0.3, 0.3}, new double[] {0.01, 0.02, 0.03, 0.01},
                new String[] {"a", "a", "b", "b"}, o);
        assertThat(((MetaAnalysisResult) sa.subgroups().get(1).fit()).se()).isZero();
        assertThat(sa.test()).isEmpty();
    }

    @Test
    void tau2EstimatorNamesParseAsMetafor() {
        assertThat(Tau2Estimator.parse("hsk")).isEqualTo(Tau2Estimator.HSK);
        assertThat(Tau2Estimator.parse("EE")).isEqualTo(Tau2Estimator.FE);
        assertThatThrownBy(() -> Tau2Estimator.parse("XYZ")).hasMessage("unknown tau2 estimator 'XYZ'");
    }
}
