/**
 * Survival analysis on patient-level data, numerically as R's survival package 3.5: Cox
 * proportional-hazards regression ({@link org.trialmeta.stats.survival.CoxRegression}, as
 * {@code coxph}), its concordance ({@code concordance(fit)}) and the proportional-hazards score test
 * ({@link org.trialmeta.stats.survival.ProportionalHazardsTest}, as {@code cox.zph}). Pure
 * statistics: arrays in, immutable records out; depends only on the JDK and Apache Commons.
 * Reference values: src/test/r/cox.R.
 */
package org.trialmeta.stats.survival;
