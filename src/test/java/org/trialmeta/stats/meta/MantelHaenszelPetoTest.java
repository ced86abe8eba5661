package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Input validation, "not estimable" states and invariants of Mantel-Haenszel and Peto pooling. */
class MantelHaenszelPetoTest {

    private static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    @Test
    void defaultsAreMetaforDefaults() {
        TwoByTwoPoolOptions d = TwoByTwoPoolOptions.DEFAULTS;
        assertThat(d.level()).isEqualTo(0.95);
        assertThat(d.add()).isEqualTo(0.5);
        assertThat(d.to()).isEqualTo(TwoByTwoPoolOptions.AddTo.ONLY0);
        assertThat(d.drop00()).isTrue();
        assertThat(d.correct()).isTrue();
        var r = MantelHaenszel.pool(EffectMeasure.OR, new int[] {4, 6}, new int[] {123, 306}, new int[] {11, 29},
                new int[] {139, 303});
        assertThat(r.options()).isEqualTo(d);
        assertThat(r.method()).isEqualTo(TwoByTwoPoolResult.Method.MH);
        assertThat(Peto.pool(new int[] {4}, new int[] {123}, new int[] {11}, new int[] {139}).method())
                .isEqualTo(TwoByTwoPoolResult.Method.PETO);
    }

    @Test
    void invalidCountsNameArrayStudyValueAndRule() {
        assertThatThrownBy(() -> MantelHaenszel.pool(EffectMeasure.OR, new int[] {1, 5}, new int[] {10, 4},
                new int[] {1, 1}, new int[] {10, 10}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ai[1] = 5 must be in [0, n1i = 4]");
        assertThatThrownBy(() -> Peto.pool(new int[] {0}, new int[] {0}, new int[] {1}, new int[] {10}))
                .hasMessage("n1i[0] = 0 must be >= 1");
        assertThatThrownBy(() -> Peto.pool(new int[] {0}, new int[] {3}, new int[] {-1}, new int[] {10}))
                .hasMessage("ci[0] = -1 must be in [0, n2i = 10]");
        assertThatThrownBy(() -> Peto.pool(new int[] {}, new int[] {}, new int[] {}, new int[] {}))
                .hasMessage("ai has length 0: at least one study is needed");
        assertThatThrownBy(() -> MantelHaenszel.pool(EffectMeasure.RR, new int[] {1}, new int[] {10, 10},
                new int[] {1}, new int[] {10}))
                .hasMessage("ai, n1i, ci, n2i must have the same length, got 1, 2, 1, 1");
        assertThatThrownBy(() -> MantelHaenszel.pool(EffectMeasure.PLO, new int[] {1}, new int[] {10},
                new int[] {1}, new int[] {10}))
                .hasMessage("measure PLO is not supported by Mantel-Haenszel pooling: use OR, RR or RD");
    }

    @Test
    void invalidOptionsAreRefusedWithTheValue() {
        assertThatThrownBy(() -> TwoByTwoPoolOptions.DEFAULTS.withLevel(95))
                .hasMessage("level 95.0 must be a fraction in (0, 1), e.g. 0.95");
        assertThatThrownBy(() -> TwoByTwoPoolOptions.DEFAULTS.withCorrection(-0.5, TwoByTwoPoolOptions.AddTo.ALL))
                .hasMessage("add -0.5 must be finite and >= 0");
    }

    @Test
    void allDoubleZeroStudiesGiveNotEstimableOddsRatioAndRiskRatioWithoutNaN() {
        int[] zeros = {0, 0, 0};
        int[] n1 = {10, 20, 30};
        int[] n2 = {12, 18, 25};
        for (EffectMeasure m : new EffectMeasure[] {EffectMeasure.OR, EffectMeasure.RR}) {
            var r = MantelHaenszel.pool(m, zeros, n1, zeros, n2);
            assertThat(r.estimate()).isEmpty();
            assertThat(r.se()).isEmpty();
            assertThat(r.ci()).isEmpty();
            assertThat(r.transformed().estimate()).isEmpty();
            assertThat(r.kYi()).isZero();
            assertThat(r.studies()).allSatisfy(s -> assertThat(s.yi()).isEmpty());
        }
        var peto = Peto.pool(zeros, n1, zeros, n2);
        assertThat(peto.estimate()).isEmpty();
        assertThat(peto.q()).isEmpty();
        assertThat(peto.kPos()).isZero();
        assertThat(peto.studies()).allSatisfy(s -> assertThat(s.weight()).isEmpty());
    }

    /** Seeded random tables with many zero and full cells: nothing that is present may be NaN or out of range. */
    @Test
    void noNaNLeaksOnRandomSparseTables() {
        SplittableRandom rnd = new SplittableRandom(20261125L);
        for (int rep = 0; rep < 3000; rep++) {
            int k = 1 + rnd.nextInt(6);
            int[] ai = new int[k];
            int[] n1 = new int[k];
            int[] ci = new int[k];
            int[] n2 = new int[k];
            for (int i = 0; i < k; i++) {
                n1[i] = 1 + rnd.nextInt(15);
                n2[i] = 1 + rnd.nextInt(15);
                ai[i] = pick(rnd, n1[i]);
                ci[i] = pick(rnd, n2[i]);
            }
            var options = new TwoByTwoPoolOptions((50 + rnd.nextInt(49)) / 100.0, rnd.nextBoolean() ? 0.5 : 0.0,
                    TwoByTwoPoolOptions.AddTo.values()[rnd.nextInt(4)], rnd.nextBoolean(), rnd.nextBoolean());
            List<TwoByTwoPoolResult> results = new ArrayList<>();
            for (EffectMeasure m : new EffectMeasure[] {EffectMeasure.OR, EffectMeasure.RR, EffectMeasure.RD}) {
                results.add(MantelHaenszel.pool(m, ai, n1, ci, n2, options));
            }
            results.add(Peto.pool(ai, n1, ci, n2, options));
            for (TwoByTwoPoolResult r : results) {
                String where = r.method() + " " + r.measure() + " rep " + rep;
                for (OptionalDouble x : List.of(r.estimate(), r.se(), r.zval(), r.pval(), r.q(), r.qPval(), r.i2(),
                        r.h2(), r.transformed().estimate())) {
                    x.ifPresent(v -> assertThat(Double.isNaN(v)).as(where).isFalse());
                }
                r.pval().ifPresent(p -> assertThat(p).as(where).isBetween(0.0, 1.0));
                r.qPval().ifPresent(p -> assertThat(p).as(where).isBetween(0.0, 1.0));
                r.i2().ifPresent(v -> assertThat(v).as(where).isBetween(0.0, 100.0));
                assertThat(r.qDf()).isEqualTo(Math.max(0, r.kYi() - 1));
                double sum = 0;
                boolean any = false;
                for (var s : r.studies()) {
                    s.yi().ifPresent(v -> assertThat(Double.isFinite(v)).as(where).isTrue());
                    s.vi().ifPresent(v -> assertThat(v).as(where).isNotNegative());
                    if (s.weight().isPresent()) {
                        any = true;
                        sum += s.weight().getAsDouble();
                    }
                }
                if (any) {
                    assertThat(sum).as(where).isCloseTo(100.0, org.assertj.core.data.Offset.offset(WEIGHT_SUM_TOLERANCE));
                }
            }
        }
    }

    private static int pick(SplittableRandom rnd, int n) {
        int u = rnd.nextInt(4);
        return u == 0 ? 0 : u == 1 ? n : rnd.nextInt(n + 1);
    }
}
