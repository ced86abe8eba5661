package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded property tests: the iterative estimators reach the optimum / root they are defined by. */
class Tau2EstimatorPropertyTest {

    private static final int DATASETS = 300;

    private static double[][] dataset(SplittableRandom r) {
        int k = 2 + r.nextInt(40);
        double tau2 = r.nextDouble() < 0.3 ? 0 : Math.pow(10, -3 + 4 * r.nextDouble());
        double[] y = new double[k];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = Math.pow(10, -3 + 3 * r.nextDouble());
            y[i] = Math.sqrt(tau2 + v[i]) * gauss(r);
        }
        return new double[][] {y, v};
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Golden-section maximum of the (RE)ML log-likelihood on [0, hi]. */
    private static double argmax(GroupedModel m, boolean reml, double hi) {
        double a = 0;
        double b = hi;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 200; i++) {
            double c = b - g * (b - a);
            double d = a + g * (b - a);
            if (m.logLik(c, reml) >= m.logLik(d, reml)) {
                b = d;
            } else {
                a = c;
            }
        }
        return (a + b) / 2;
    }

    @Test
    void mlAndRemlReachALikelihoodMaximumAndPmAndEbSolveTheirEstimatingEquation() {
        SplittableRandom rnd = new SplittableRandom(4_2026L);
        for (int s = 0; s < DATASETS; s++) {
            double[][] d = dataset(rnd);
            GroupedModel m = GroupedModel.interceptOnly(d[0], d[1]);
            int k = d[0].length;
            for (Tau2Estimator e : new Tau2Estimator[] {Tau2Estimator.ML, Tau2Estimator.REML}) {
                boolean reml = e == Tau2Estimator.REML;
                MetaAnalysisResult r = MetaAnalysis.fit(d[0], d[1], MetaAnalysis.Options.defaults(EffectMeasure.GEN)
                        .withMethod(e)).orElseThrow();
                // a local maximum: score 0 inside, score <= 0 at the boundary (as metafor, Fisher scoring
                // from the HE start can stop at the boundary maximum of a bimodal ML likelihood)
                GroupedModel.Sums st = m.sums(r.tau2(), false);
                double score = reml ? st.yppy() - st.trP() : st.yppy() - st.sumW();
                double info = reml ? st.sumPP() : st.sumW2();
                if (r.tau2() > 1e-10) {
                    assertThat(Math.abs(score / info)).as("dataset %d %s step at %s", s, e, r.tau2())
                            .isLessThanOrEqualTo(1e-9 * Math.max(r.tau2(), 1e-6));
                } else {
                    assertThat(score).as("dataset %d %s score at 0", s, e).isLessThanOrEqualTo(1e-9 * info);
                }
                if (r.tau2() > 1e-10) {
                    double best = argmax(m, reml, 100 + 10 * r.tau2());
                    assertThat(m.logLik(r.tau2(), reml)).as("dataset %d %s interior maximum", s, e)
                            .isGreaterThanOrEqualTo(m.logLik(best, reml) - 1e-9 * Math.abs(m.logLik(best, reml)));
                }
            }
            for (Tau2Estimator e : new Tau2Estimator[] {Tau2Estimator.PM, Tau2Estimator.EB}) {
                MetaAnalysisResult r = MetaAnalysis.fit(d[0], d[1], MetaAnalysis.Options.defaults(EffectMeasure.GEN)
                        .withMethod(e)).orElseThrow();
                double q = m.sums(r.tau2(), false).rss();
                if (r.tau2() > 1e-10) { // Fisher scoring approaches a boundary 0 geometrically, as metafor
                    assertThat(q).as("dataset %d %s Q(tau2) = k - 1", s, e).isCloseTo(k - 1.0,
                            org.assertj.core.data.Offset.offset(1e-6 * k));
                } else {
                    assertThat(q).as("dataset %d %s Q(0) <= k - 1", s, e).isLessThanOrEqualTo(k - 1 + 1e-6 * k);
                }
            }
            for (Tau2Estimator e : Tau2Estimator.values()) {
                for (TestType t : TestType.values()) {
                    MetaAnalysisResult r = MetaAnalysis.fit(d[0], d[1], MetaAnalysis.Options.defaults(EffectMeasure.GEN)
                            .withMethod(e).withTest(t)).orElseThrow();
                    assertThat(r.tau2()).isGreaterThanOrEqualTo(0);
                    assertThat(r.ci().contains(r.estimate())).isTrue();
                    r.tau2Ci().ifPresent(ci -> assertThat(ci.tau2().lower()).isGreaterThanOrEqualTo(0));
                }
            }
        }
    }
}
