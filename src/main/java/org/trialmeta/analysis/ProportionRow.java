package org.trialmeta.analysis;

/**
 * One study's response rate (per trial × arm × subgroup × cut) with its exact interval.
 *
 * @param data       the datum used
 * @param stratum    mutant, wild-type or overall
 * @param responders responders
 * @param evaluable  evaluable patients
 * @param estimate   responders / evaluable
 * @param ciLower    Clopper-Pearson lower end (R {@code binom.test(x, n)$conf.int[1]})
 * @param ciUpper    Clopper-Pearson upper end
 * @param ciMethod   interval method, e.g. clopper-pearson
 * @param level      confidence level in (0, 1)
 */
public record ProportionRow(DataUse data, Stratum stratum, int responders, int evaluable, Double estimate,
        Double ciLower, Double ciUpper, String ciMethod, double level) {
}
