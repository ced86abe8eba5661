package org.trialmeta.present;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.trialmeta.analysis.AnalysisResults;

/**
 * The report's {@code analysis.json}: every key of {@link AnalysisResults} as before, at the top level and in the
 * same order, followed by {@code network}, the networks of randomised comparisons ({@link TrialNetworkSummary}, the
 * summary the report's "Network of randomised comparisons" section is made from).
 *
 * @param results the analyses of the trials
 * @param network the networks of randomised comparisons
 */
public record ReportAnalysisJson(@JsonUnwrapped AnalysisResults results, TrialNetworkSummary network) {
}
