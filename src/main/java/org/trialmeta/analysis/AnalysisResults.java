package org.trialmeta.analysis;

import java.util.List;

/**
 * Every analysis of the repository, with the settings and the data each used or excluded.
 *
 * @param statuses          admitted evidence statuses
 * @param biomarker         the biomarker of the mutant / wild-type comparison, e.g. KRAS
 * @param endpoint          the binary endpoint, e.g. ORR
 * @param cutRule           how one cut per trial is chosen for pooling
 * @param proportions       per-study response rates (every admitted trial × arm × subgroup × cut with counts)
 * @param comparisons       mutant vs wild-type per trial and cut
 * @param pooledEffects     pooled OR, RR, RD across trials (one cut per trial)
 * @param pooledProportions pooled response rate per stratum (mutant, wild-type, overall), one cut per trial
 * @param subgroupTest      mutant vs wild-type test on the pooled rates, null when not estimable
 * @param medians           reported medians
 * @param medianContrasts   mutant vs wild-type median contrasts
 * @param lifespans         treated vs control arm median contrasts (percent increase in lifespan)
 * @param biomarkerChanges  pharmacodynamic changes
 * @param exclusions        data left out, and why
 * @param dataDate          the latest date found in the data (cut-off dates), ISO, or null
 */
public record AnalysisResults(List<String> statuses, String biomarker, String endpoint, String cutRule,
        List<ProportionRow> proportions, List<SubgroupComparison> comparisons, List<PooledEffect> pooledEffects,
        List<PooledProportion> pooledProportions, SubgroupTest subgroupTest, List<MedianRow> medians,
        List<MedianContrastRow> medianContrasts, List<MedianContrastRow> lifespans, List<BiomarkerRow> biomarkerChanges,
        List<Exclusion> exclusions, String dataDate) {
}
