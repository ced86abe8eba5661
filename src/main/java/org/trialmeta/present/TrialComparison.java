package org.trialmeta.present;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.trialmeta.analysis.AnalysisResults;
import org.trialmeta.analysis.Exclusion;
import org.trialmeta.analysis.ProportionRow;
import org.trialmeta.analysis.SubgroupComparison;

/**
 * What {@code compare} reports: biomarker-mutant vs wild-type response in one trial, per analysis cut, with the
 * data used and left out. Its JSON is {@code compare --format json} (snake_case keys); {@link TrialComparisonText}
 * writes its text.
 *
 * @param trial       trial id
 * @param endpoint    binary endpoint, e.g. ORR
 * @param biomarker   biomarker of the comparison, e.g. KRAS
 * @param statuses    admitted evidence statuses
 * @param proportions every admitted rate of the trial (per arm, subgroup and cut)
 * @param comparisons mutant vs wild-type per arm and cut with both subgroups' counts (flat JSON:
 *                    {@link SubgroupComparisonJson})
 * @param exclusions  the data of this endpoint left out, and why
 */
public record TrialComparison(String trial, String endpoint, String biomarker, List<String> statuses,
        List<ProportionRow> proportions,
        @JsonSerialize(contentUsing = SubgroupComparisonJson.class) List<SubgroupComparison> comparisons,
        List<Exclusion> exclusions) {

    /** The comparison of one trial from its analysis, keeping the exclusions that concern {@code endpoint}. */
    public static TrialComparison of(String trial, String endpoint, AnalysisResults r) {
        return new TrialComparison(trial, endpoint, r.biomarker(), r.statuses(), r.proportions(), r.comparisons(),
                r.exclusions().stream().filter(e -> e.data().endpoint().equals(endpoint)).toList());
    }
}
