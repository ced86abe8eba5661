package org.trialmeta.repository;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The analyses of a RevMan 5 review ({@code .rm5}, or RevMan's CSV export of "Data and analyses") in RevMan's
 * own structure: comparisons, outcomes of four data types, optional subgroups, one row of study data per study
 * and the results RevMan stored (never used for computing, only for {@code --verify}). Plain values only: numbers
 * that the file leaves empty are {@code null}.
 *
 * @param source      file name, for messages
 * @param title       the review's title
 * @param studies     included (and other) studies by id
 * @param comparisons in file order
 * @param storedPrecision absolute precision of the stored results: 0 for {@code .rm5} (full doubles), 5e-9 for
 *                    RevMan's CSV export (8 decimals)
 * @param csv         whether it was read from RevMan's CSV export (messages then name CSV lines and columns, not XML
 *                    elements and attributes)
 */
public record RevManReview(String source, String title, Map<String, Study> studies, List<Comparison> comparisons,
                           double storedPrecision, boolean csv) {

    public RevManReview {
        studies = Map.copyOf(studies);
        comparisons = List.copyOf(comparisons);
    }

    /** RevMan's data types: DICH_OUTCOME, CONT_OUTCOME, IV_OUTCOME (generic inverse variance), IPD_OUTCOME (O − E). */
    public enum DataType { DICH, CONT, IV, IPD }

    /** A study of the review ({@code STUDY ID, NAME, YEAR}). */
    public record Study(String id, String name, String year) {
        /** "Author Year": the name, with the year appended unless the name already ends with it. */
        public String label() {
            if (year == null || year.isBlank() || name.endsWith(year.strip())) {
                return name;
            }
            return name + " " + year.strip();
        }
    }

    /** A comparison ({@code CMP-001}) and its outcomes. */
    public record Comparison(String id, String no, String name, List<Outcome> outcomes) {
        public Comparison {
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * What RevMan stored for a total, a subgroup or a study (RevMan's attribute names in brackets). Effects and CI
     * ends are on RevMan's display scale (ratios as ratios).
     */
    public record Stored(Double effect, Double ciStart, Double ciEnd, Double z, Double pZ, Double chi2, Double df,
                         Double pChi2, Double i2, Double tau2, Double q, Double pQ, Double i2Q, Double weight,
                         Double se, Boolean estimable) {

        /** Nothing stored (e.g. a CSV row without results). */
        public static final Stored NONE = new Stored(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);

        /** Whether RevMan stored a pooled effect. */
        public boolean hasEffect() {
            return effect != null;
        }
    }

    /**
     * An outcome: one analysis.
     *
     * @param type          data type
     * @param id            e.g. CMP-001.01
     * @param no            its number within the comparison
     * @param name          its name
     * @param effectMeasure RevMan's code or name, e.g. OR, RR, RD, MD, SMD, PETO_OR, "Hazard Ratio"
     * @param method        MH, IV, PETO (or RevMan's other codes as written)
     * @param random        random effects
     * @param totals        YES, SUB (subtotals only) or NO
     * @param ciStudy       confidence level of study CIs, percent
     * @param ciTotal       confidence level of totals, percent
     * @param swapEvents    events and non-events swapped (dichotomous)
     * @param logData       generic data entered on the log scale
     * @param subgroupTest  the test for subgroup differences is shown
     * @param groupLabel1   experimental group label
     * @param groupLabel2   control group label
     * @param graphLabel1   "Favours …" label left of the null line
     * @param graphLabel2   "Favours …" label right of it
     * @param stored        the stored total
     * @param subgroups     subgroups, empty when the outcome has none
     * @param data          study rows in file order (with their subgroup index)
     * @param line          line of the outcome's start tag (0 for CSV)
     */
    public record Outcome(DataType type, String id, String no, String name, String effectMeasure, String method,
                          boolean random, String totals, double ciStudy, double ciTotal, boolean swapEvents,
                          boolean logData, boolean subgroupTest, String groupLabel1, String groupLabel2,
                          String graphLabel1, String graphLabel2, Stored stored,
                          List<Subgroup> subgroups, List<DataRow> data, int line) {
        public Outcome {
            Objects.requireNonNull(type, "type");
            subgroups = List.copyOf(subgroups);
            data = List.copyOf(data);
        }
    }

    /** A subgroup ({@code CMP-001.01.01}) and what RevMan stored for it. */
    public record Subgroup(String id, String no, String name, Stored stored, int line) {}

    /**
     * One study's row of data.
     *
     * @param studyId   {@code STUDY_ID}
     * @param subgroup  index into the outcome's subgroups, or −1
     * @param events1   experimental events (DICH)
     * @param total1    experimental total (DICH, CONT, optionally IV and IPD)
     * @param mean1     experimental mean (CONT)
     * @param sd1       experimental SD (CONT)
     * @param events2   control events
     * @param total2    control total
     * @param mean2     control mean
     * @param sd2       control SD
     * @param oMinusE   O − E (IPD)
     * @param variance  variance of O − E (IPD)
     * @param estimate  entered estimate (IV; on the display scale, see {@code logData})
     * @param se        entered standard error (IV, of the log for ratio measures)
     * @param stored    stored study result (effect, CI, weight)
     * @param line      line of the element (0 for CSV)
     */
    public record DataRow(String studyId, int subgroup, Double events1, Double total1, Double mean1, Double sd1,
                          Double events2, Double total2, Double mean2, Double sd2, Double oMinusE, Double variance,
                          Double estimate, Double se, Stored stored, int line) {}
}
