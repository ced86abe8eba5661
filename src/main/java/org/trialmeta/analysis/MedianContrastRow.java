package org.trialmeta.analysis;

/**
 * Mutant vs wild-type (or treated vs control) contrast of two reported medians, by
 * {@code stats.survival.summary.MedianComparison}; CI only when both medians have CIs.
 *
 * @param kind       "mutant vs wild-type" or "vs control"
 * @param treated    datum of the first median (mutant / treated arm)
 * @param reference  datum of the second median (wild-type / control arm)
 * @param endpoint   PFS, OS, ...
 * @param unit       unit of the medians
 * @param median1    first median (null when not a value)
 * @param median2    second median
 * @param difference median1 − median2, null when not estimable
 * @param diffLower  CI lower of the difference, null without CI
 * @param diffUpper  CI upper
 * @param ratio      median1 / median2
 * @param ratioLower CI lower of the ratio
 * @param ratioUpper CI upper
 * @param percentIncrease (ratio − 1) × 100 (increase in lifespan for a control comparison)
 * @param method     how it was computed, or why it is not estimable
 */
public record MedianContrastRow(String kind, DataUse treated, DataUse reference, String endpoint, String unit,
        Double median1, Double median2, Double difference, Double diffLower, Double diffUpper, Double ratio,
        Double ratioLower, Double ratioUpper, Double percentIncrease, String method) {
}
