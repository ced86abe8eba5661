package org.trialmeta.model;

import java.util.Optional;

/**
 * A Kaplan-Meier curve of one arm read off a published figure (a {@code curves:} entry of a trial file): the digitised
 * points, the figure's numbers at risk, the totals the publication prints, where the figure is and who read it how.
 * What is computed from it (the reconstructed patients, medians, hazard ratios) is derived data, never published.
 *
 * @param arm          the arm's id in the trial
 * @param endpoint     OS, PFS, ...
 * @param subgroup     subgroup id of the population the figure shows
 * @param cut          analysis cut id of the figure
 * @param unit         the time axis's unit
 * @param file         the digitised points
 * @param scale        the survival axis of the points
 * @param clicks       how the figure was clicked (both corners of each drop, feet only, or detected)
 * @param atRisk       the numbers at risk printed under the figure, when there are any
 * @param n            patients in the arm as printed with the figure; equals {@code atRisk}'s count at time 0 when
 *                     both are given; required without a table
 * @param events       total of events printed, when given
 * @param provenance   the figure: source, locator (e.g. "Figure 2A"), status
 * @param digitisation who read the points, with what, when
 * @param note         curator's note
 */
public record SurvivalCurve(String arm, TimeToEventEndpoint endpoint, String subgroup, String cut, TimeUnit unit,
        CurveFile file, SurvivalAxis scale, CurveClicks clicks, Optional<NumbersAtRisk> atRisk, Optional<Integer> n,
        Optional<Integer> events, Provenance provenance, Digitisation digitisation, Optional<String> note) {
    public SurvivalCurve {
        Checks.text("curve.arm", arm);
        String f = "curve " + arm + " " + endpoint + ": ";
        Checks.required(f + "endpoint", endpoint);
        Checks.text(f + "subgroup", subgroup);
        Checks.text(f + "cut", cut);
        Checks.required(f + "unit", unit);
        Checks.required(f + "file", file);
        Checks.required(f + "scale", scale);
        Checks.required(f + "clicks", clicks);
        Checks.optional(f + "atRisk", atRisk);
        Checks.optional(f + "n", n);
        Checks.optional(f + "events", events);
        Checks.required(f + "provenance", provenance);
        Checks.required(f + "digitisation", digitisation);
        Checks.optional(f + "note", note);
        n.ifPresent(v -> Checks.count(f + "n", v));
        events.ifPresent(v -> Checks.count(f + "events", v));
        if (atRisk.isEmpty() && n.isEmpty()) {
            throw new IllegalArgumentException(f + "n: missing (without an atRisk table the number of patients is"
                    + " required)");
        }
        if (atRisk.isPresent() && n.isPresent() && atRisk.get().count()[0] != n.get()) {
            throw new IllegalArgumentException(f + "n: " + n.get() + " (differs from the " + atRisk.get().count()[0]
                    + " at risk at time 0)");
        }
        if (events.isPresent() && events.get() > patients(atRisk, n)) {
            throw new IllegalArgumentException(f + "events: " + events.get() + " (more than the " + patients(atRisk, n)
                    + " patients)");
        }
        if (provenance.locator().isEmpty()) {
            throw new IllegalArgumentException(f + "provenance.locator: missing (name the figure, e.g. Figure 2A)");
        }
    }

    private static int patients(Optional<NumbersAtRisk> atRisk, Optional<Integer> n) {
        return atRisk.map(r -> r.count()[0]).orElseGet(n::orElseThrow);
    }

    /** Patients at time 0: the at-risk table's first count, else {@code n}. */
    public int patients() {
        return patients(atRisk, n);
    }

    /** The at-risk table the reconstruction uses: the printed one, else the single column (0, n). */
    public NumbersAtRisk atRiskTable() {
        return atRisk.orElseGet(() -> new NumbersAtRisk(new double[] {0}, new int[] {n.orElseThrow()}));
    }
}
