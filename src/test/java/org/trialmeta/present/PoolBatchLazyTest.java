package org.trialmeta.present;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trialmeta.analysis.PoolBatch;
import org.trialmeta.analysis.PoolInput;
import org.trialmeta.analysis.PoolMethod;
import org.trialmeta.analysis.PoolSettings;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.repository.Json;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.TestType;

/**
 * {@code pool --by} with many groups writes its JSON from {@link PoolBatch#lazy} (each group fitted when the writer's
 * chunks read it, on every core): the same bytes as the summaries all fitted first ({@link PoolBatch#run}), with
 * groups that cannot be fitted among them, in order of first appearance even when a group's rows are not together.
 */
class PoolBatchLazyTest {

    /** Eight studies of the whole-process benchmark's data (analysis m10684) on which REML does not converge. */
    private static final String NOT_CONVERGING = "G,s1,-0.609527,0.102002\nG,s2,-0.022072,0.049755\n"
            + "G,s3,-0.466788,0.119661\nG,s4,-0.574883,0.174487\nG,s5,-0.637025,0.059706\nG,s6,-0.574868,0.196673\n"
            + "G,s7,-0.427187,0.150945\nG,s8,-0.618027,0.109871\n";

    @Test
    void lazyGroupsWriteTheSameJsonAsGroupsFittedFirst() {
        int groups = Json.PARALLEL_LIST_MIN + 300;   // above the threshold: written in parallel chunks
        StringBuilder sb = new StringBuilder("analysis,study,yi,vi\n");
        SplittableRandom rnd = new SplittableRandom(11);
        for (int g = 0; g < groups; g++) {
            if (g % 997 == 0) {   // a group on which REML's Fisher scoring does not converge: an error row
                sb.append(NOT_CONVERGING.replace("G,", "g" + g + ","));
                continue;
            }
            int k = 1 + rnd.nextInt(4);
            for (int i = 0; i < k; i++) {
                sb.append('g').append(g).append(",s").append(i).append(',').append(rnd.nextDouble(-1, 1)).append(',')
                        .append(rnd.nextDouble(0.01, 0.5)).append('\n');
            }
        }
        sb.append("g5,late,0.1,0.2\n");   // a group whose rows are not all together
        CsvTable t = CsvTable.parse("batch.csv", sb.toString().getBytes(StandardCharsets.UTF_8));
        PoolInput in = PoolInput.read(t, EffectMeasure.GEN);
        String[] by = t.strings("analysis");
        PoolSettings s = PoolSettings.of(PoolMethod.REML, TestType.Z, 0.95);
        List<PoolBatchSummary.Analysis> lazy = PoolBatch.lazy(in, by, s, null, "batch.csv", PoolBatchSummary::analysis);
        List<PoolBatchSummary.Analysis> fitted = PoolBatch.run(in, by, s, null, "batch.csv", PoolBatchSummary::analysis);
        assertThat(lazy).hasSize(groups);
        assertThat(fitted.stream().filter(a -> a.error() != null).count()).isEqualTo(9);
        String expected = Json.write(new PoolBatchSummary(fitted));
        assertThat(Json.write(new PoolBatchSummary(lazy))).isEqualTo(expected);
        assertThat(expected).contains("\"by\" : \"g5\"");
    }
}
