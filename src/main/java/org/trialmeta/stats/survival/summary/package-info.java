/**
 * Survival effect measures from published summaries: contrasts of reported medians
 * ({@link org.trialmeta.stats.survival.summary.MedianComparison}), the log hazard ratio and its
 * variance from reported statistics after Tierney et al. 2007 or an exponential model
 * ({@link org.trialmeta.stats.survival.summary.HazardRatioFromSummary}), with "not reached" and
 * "not reported" medians as states ({@link org.trialmeta.stats.survival.summary.ReportedMedian}) that
 * propagate as {@link org.trialmeta.stats.survival.summary.SummaryResult.NotEstimable} with a reason.
 */
package org.trialmeta.stats.survival.summary;
