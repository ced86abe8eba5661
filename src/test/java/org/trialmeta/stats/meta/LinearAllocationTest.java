package org.trialmeta.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Scaling check without timings: the random-effects fit must allocate O(k) memory (issue 4: "no k×k matrices").
 * metafor's {@code rma.uni} forms dense k×k matrices (8k² bytes each); at k = 50,000 one such matrix is
 * 400,000 bytes per study. The fit here allocates a few arrays of k doubles per likelihood evaluation, so
 * bytes per study stay bounded whatever k. Allocation is counted with HotSpot's per-thread counter
 * ({@code com.sun.management.ThreadMXBean}); the test is skipped on JVMs without it.
 */
class LinearAllocationTest {

    /** Generous bound on bytes allocated per study by REML + Q-profile CI (a k×k matrix would be 8k per study). */
    private static final double MAX_BYTES_PER_STUDY = 16_000;
    /** Doubling k may at most triple the allocation (linear: about 2; quadratic: 4). */
    private static final double MAX_RATIO_ON_DOUBLING = 3.0;

    @Test
    void remlWithQProfileCiAllocatesLinearlyInK() {
        com.sun.management.ThreadMXBean mx = threadBean();
        MetaAnalysis.Options o = MetaAnalysis.Options.defaults(EffectMeasure.OR); // REML, Q-profile CI on
        fitAllocated(mx, 1000, o); // load classes and distributions before counting
        long a = fitAllocated(mx, 50_000, o);
        long b = fitAllocated(mx, 100_000, o);
        assertThat((double) a / 50_000).as("bytes per study at k = 50,000").isLessThan(MAX_BYTES_PER_STUDY);
        assertThat((double) b / 100_000).as("bytes per study at k = 100,000").isLessThan(MAX_BYTES_PER_STUDY);
        assertThat((double) b / a).as("allocation ratio k = 100,000 vs 50,000").isLessThan(MAX_RATIO_ON_DOUBLING);
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        assumeTrue(tb instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter not available");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) tb;
        assumeTrue(mx.isThreadAllocatedMemorySupported(), "per-thread allocation counter not supported");
        mx.setThreadAllocatedMemoryEnabled(true);
        return mx;
    }

    /** Bytes allocated by one fit of k seeded studies (data generation excluded). */
    private static long fitAllocated(com.sun.management.ThreadMXBean mx, int k, MetaAnalysis.Options o) {
        SplittableRandom rnd = new SplittableRandom(7 + k);
        double[] yi = new double[k];
        double[] vi = new double[k];
        for (int i = 0; i < k; i++) {
            vi[i] = 0.02 + 0.5 * rnd.nextDouble();
            yi[i] = -0.3 + Math.sqrt(0.04 + vi[i]) * (rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble() - 1.5) * 2;
        }
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        FitResult r = MetaAnalysis.fit(yi, vi, o);
        long after = mx.getThreadAllocatedBytes(tid);
        assertThat(r).isInstanceOf(MetaAnalysisResult.class);
        assertThat(((MetaAnalysisResult) r).tau2Ci()).isPresent();
        return after - before;
    }
}
