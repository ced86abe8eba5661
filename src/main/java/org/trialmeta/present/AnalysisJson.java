package org.trialmeta.present;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.trialmeta.analysis.AnalysisResults;
import org.trialmeta.analysis.BiomarkerRow;
import org.trialmeta.analysis.Exclusion;
import org.trialmeta.analysis.MedianContrastRow;
import org.trialmeta.analysis.MedianRow;
import org.trialmeta.analysis.PooledEffect;
import org.trialmeta.analysis.PooledProportion;
import org.trialmeta.analysis.ProportionRow;
import org.trialmeta.analysis.SubgroupComparison;
import org.trialmeta.analysis.SubgroupTest;

/**
 * The report's {@code analysis.json}: {@link AnalysisResults} component for component, in the same order and with
 * the same (snake_case) keys, except that the comparisons are written in their published flat form
 * ({@link SubgroupComparisonJson}). {@code AnalysisJsonTest} keeps the components in step with
 * {@link AnalysisResults}; the parameters are documented there.
 */
public record AnalysisJson(List<String> statuses, String biomarker, String endpoint, String cutRule,
        List<ProportionRow> proportions,
        @JsonSerialize(contentUsing = SubgroupComparisonJson.class) List<SubgroupComparison> comparisons,
        List<PooledEffect> pooledEffects, List<PooledProportion> pooledProportions, SubgroupTest subgroupTest,
        List<MedianRow> medians, List<MedianContrastRow> medianContrasts, List<MedianContrastRow> lifespans,
        List<BiomarkerRow> biomarkerChanges, List<Exclusion> exclusions, String dataDate) {

    /** The JSON form of every analysis of the repository. */
    public static AnalysisJson of(AnalysisResults r) {
        return new AnalysisJson(r.statuses(), r.biomarker(), r.endpoint(), r.cutRule(), r.proportions(),
                r.comparisons(), r.pooledEffects(), r.pooledProportions(), r.subgroupTest(), r.medians(),
                r.medianContrasts(), r.lifespans(), r.biomarkerChanges(), r.exclusions(), r.dataDate());
    }
}
