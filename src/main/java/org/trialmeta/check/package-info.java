/**
 * Reviewer consistency checks: {@link org.trialmeta.check.ReviewerCheck#run} recomputes every reported
 * figure of a {@link org.trialmeta.model.TrialRepository} that can be recomputed (percentages, binomial
 * CIs, GRIM consistency, subgroup sums, medians against their CIs, interim versus final cuts, the same
 * figure from two sources, cut-off dates, derived arithmetic) and lists unconfirmed data, as
 * {@link org.trialmeta.check.Finding}s in a {@link org.trialmeta.check.CheckReport}. Depends on model
 * and stats only; the findings are written as text, Markdown, HTML and JSON by
 * {@code org.trialmeta.present.CheckText} and {@code CheckSummary}.
 */
package org.trialmeta.check;
