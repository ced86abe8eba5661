package org.trialmeta.check;

import java.util.Optional;

/**
 * {@link Rule#RESPONSE_SUM}, shared by {@code check} and {@code scan}: complete plus partial responses are the
 * objective responses (CR + PR = ORR, RECIST 1.1), and disease control (CR + PR + SD) is at least objective
 * response. Counts are compared exactly; percentages (when a count is missing) at the printed rounding: the sum
 * of printed percentages may differ from the printed total by up to the sum of their half units.
 */
final class ResponseVerdicts {

    private ResponseVerdicts() {}

    /**
     * One response category as reported: a count and/or a printed percentage of the same denominator.
     *
     * @param count   responders, or null
     * @param percent printed percentage, or null
     */
    record Part(Integer count, Printed percent) {
        String text() {
            return count != null && percent != null ? count + " (" + percent.text() + "%)"
                    : count != null ? Integer.toString(count) : percent.text() + "%";
        }
    }

    /** CR + PR = ORR; empty when neither all counts nor all percentages are known. */
    static Optional<Verdict> crPrOrr(Part cr, Part pr, Part orr) {
        String reported = "CR " + cr.text() + ", PR " + pr.text() + ", ORR " + orr.text();
        if (cr.count() != null && pr.count() != null && orr.count() != null) {
            int sum = cr.count() + pr.count();
            String recomputed = "CR + PR = " + cr.count() + " + " + pr.count() + " = " + sum;
            if (sum == orr.count()) {
                return Optional.of(Verdict.info(Rule.RESPONSE_SUM, reported, recomputed,
                        "CR + PR = " + sum + " = ORR: consistent"));
            }
            return Optional.of(Verdict.of(Severity.ERROR, Rule.RESPONSE_SUM, reported, recomputed,
                    "CR + PR = " + sum + " but ORR is " + orr.count() + ": objective response is complete plus partial"
                            + " response"));
        }
        if (cr.percent() != null && pr.percent() != null && orr.percent() != null) {
            double sum = cr.percent().value() + pr.percent().value();
            double slack = cr.percent().halfUnit() + pr.percent().halfUnit() + orr.percent().halfUnit() + Precision.SLACK;
            int d = Math.max(cr.percent().decimals(), pr.percent().decimals());
            String recomputed = "CR + PR = " + cr.percent().text() + "% + " + pr.percent().text() + "% = "
                    + Precision.fixed(sum, d) + "% (+/- " + Precision.fixed(slack, d + 1) + " from rounding)";
            if (Math.abs(sum - orr.percent().value()) <= slack) {
                return Optional.of(Verdict.info(Rule.RESPONSE_SUM, reported, recomputed,
                        "CR + PR matches the ORR of " + orr.percent().text() + "% at the printed rounding: consistent"));
            }
            return Optional.of(Verdict.of(Severity.ERROR, Rule.RESPONSE_SUM, reported, recomputed,
                    "CR + PR = " + Precision.fixed(sum, d) + "% but ORR is " + orr.percent().text()
                            + "%, more than rounding allows: objective response is complete plus partial response"));
        }
        return Optional.empty();
    }

    /** DCR ≥ ORR; empty when neither both counts nor both percentages are known. */
    static Optional<Verdict> dcrAtLeastOrr(Part dcr, Part orr) {
        String reported = "DCR " + dcr.text() + ", ORR " + orr.text();
        if (dcr.count() != null && orr.count() != null) {
            if (dcr.count() >= orr.count()) {
                return Optional.of(Verdict.info(Rule.RESPONSE_SUM, reported, "DCR - ORR = " + (dcr.count() - orr.count()),
                        "disease control " + dcr.count() + " >= objective response " + orr.count() + ": consistent"));
            }
            return Optional.of(Verdict.of(Severity.ERROR, Rule.RESPONSE_SUM, reported,
                    "DCR - ORR = " + (dcr.count() - orr.count()),
                    "disease control " + dcr.count() + " is below objective response " + orr.count()
                            + ": DCR (CR + PR + SD) includes every objective response"));
        }
        if (dcr.percent() != null && orr.percent() != null) {
            double slack = dcr.percent().halfUnit() + orr.percent().halfUnit() + Precision.SLACK;
            if (dcr.percent().value() >= orr.percent().value() - slack) {
                return Optional.of(Verdict.info(Rule.RESPONSE_SUM, reported, "",
                        "disease control " + dcr.percent().text() + "% >= objective response " + orr.percent().text()
                                + "%: consistent"));
            }
            return Optional.of(Verdict.of(Severity.ERROR, Rule.RESPONSE_SUM, reported, "",
                    "disease control " + dcr.percent().text() + "% is below objective response " + orr.percent().text()
                            + "%: DCR (CR + PR + SD) includes every objective response"));
        }
        return Optional.empty();
    }
}
