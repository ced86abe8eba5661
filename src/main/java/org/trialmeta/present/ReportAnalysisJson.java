package org.trialmeta.present;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The report's {@code analysis.json}: every key of {@link AnalysisJson} (the analyses of the trials in their published form) as before, at the top level and in the
 * same order, followed by {@code network}, the networks of randomised comparisons ({@link TrialNetworkSummary}, the
 * summary the report's "Network of randomised comparisons" section is made from).
 *
 * @param results the analyses of the trials
 * @param network the networks of randomised comparisons
 */
public record ReportAnalysisJson(@JsonUnwrapped AnalysisJson results, TrialNetworkSummary network) {
}
