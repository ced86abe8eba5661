package org.trialmeta.analysis;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.trialmeta.model.EvidenceStatus;
import org.trialmeta.model.LocatedOutcome;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.Provenance;

/**
 * Which datum an analysis used (or excluded): where it sits in the repository and its provenance.
 *
 * @param trial     trial id
 * @param trialName trial display name
 * @param arm       arm id
 * @param subgroup  subgroup id
 * @param cut       analysis cut id
 * @param cutLabel  analysis cut label
 * @param cutoff    data cut-off (ISO date) of the datum, or of its cut; null when not recorded
 * @param endpoint  endpoint or marker label, e.g. ORR, PFS, pFAK
 * @param status    evidence status of the datum's main provenance, lower case
 * @param source    source id
 * @param locator   where in the source; null for a derived datum without one
 */
public record DataUse(String trial, String trialName, String arm, String subgroup, String cut, String cutLabel,
        String cutoff, String endpoint, String status, String source, String locator) {

    /** The datum of a located outcome (main provenance). */
    public static DataUse of(LocatedOutcome<? extends Outcome> o) {
        Provenance p = o.provenance();
        LocalDate date = p.cutoff().or(() -> o.cut().cutoff()).orElse(null);
        return new DataUse(o.trial().id(), o.trial().name(), o.arm().id(), o.subgroup().id(), o.cut().id(),
                o.cut().label(), date == null ? null : dateText(date), o.outcome().label(),
                STATUS[p.status().ordinal()], p.source(), p.locator().orElse(null));
    }

    // A report on thousands of trials holds a DataUse for every datum of every analysis (10^5 on 8,000 files):
    // their status and cut-off texts are one string each, not one per datum (issue 22).
    private static final String[] STATUS = java.util.Arrays.stream(EvidenceStatus.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    private static final int MAX_DATES = 1 << 12;
    private static final Map<LocalDate, String> DATES = new ConcurrentHashMap<>();

    /** {@code date} as an ISO date; the same string for the same date (up to {@value #MAX_DATES} dates). */
    private static String dateText(LocalDate date) {
        String text = DATES.get(date);
        if (text == null) {
            text = date.toString();
            if (DATES.size() < MAX_DATES) {
                String before = DATES.putIfAbsent(date, text);
                text = before == null ? text : before;
            }
        }
        return text;
    }

    /** One line: "ramp-201 / avutometinib-defactinib / kras_mutant / primary (2024-06-30), secondary, ramp201-jco-2025". */
    public String describe() {
        return trial + " / " + arm + " / " + subgroup + " / " + cut + (cutoff == null ? "" : " (" + cutoff + ")")
                + ", " + endpoint + ", " + status + ", " + source;
    }
}
