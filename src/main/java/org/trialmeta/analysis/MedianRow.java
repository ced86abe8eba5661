package org.trialmeta.analysis;

/**
 * A reported median (PFS, OS, DOR, ...) of one trial × arm × subgroup × cut.
 *
 * @param data              the datum
 * @param stratum           mutant / wild-type / overall, or null for another subgroup
 * @param endpoint          PFS, OS, ...
 * @param unit              days, weeks or months (lower case)
 * @param state             value, not_reached or not_reported
 * @param median            the median when state is value
 * @param ciLower           CI lower, when reported
 * @param ciUpper           CI upper, when reported with a value
 * @param ciUpperNotReached whether the CI's upper end was not reached
 * @param ciLevel           CI level in percent, when a CI is reported
 */
public record MedianRow(DataUse data, Stratum stratum, String endpoint, String unit, String state, Double median,
        Double ciLower, Double ciUpper, boolean ciUpperNotReached, Double ciLevel) {
}
