package org.trialmeta.model;

import java.util.List;
import java.util.Optional;

/**
 * A time-to-event endpoint (PFS, OS, DOR, ...) summarised by its median.
 *
 * <p>The median of animals per arm in a preclinical survival study (e.g. median survival in days of
 * each arm of a syngeneic mouse model) is an {@link TimeToEventEndpoint#OS} outcome in
 * {@link TimeUnit#DAYS} of a {@link Setting#PRECLINICAL} trial; no separate type is needed.
 *
 * @param endpoint    PFS, OS, DOR, ...
 * @param subgroup    subgroup id
 * @param cut         analysis cut id
 * @param median      the median: a value, not reached, or not reported
 * @param ci          confidence interval of the median, when reported (kept as published even when it does not
 *                    contain the median: the reviewer check reports that)
 * @param range       observed range (min–max, {@code level == 0}), when reported
 * @param events      number of events, when reported
 * @param n           number at risk, when reported
 * @param hazardRatio hazard ratio versus a comparator arm, when reported
 * @param provenance  where the figures come from
 * @param note        curator's note
 */
public record TimeToEventOutcome(TimeToEventEndpoint endpoint, String subgroup, String cut, TimeEstimate median,
        Optional<TimeInterval> ci, Optional<TimeInterval> range, Optional<Integer> events, Optional<Integer> n,
        Optional<HazardRatio> hazardRatio, Provenance provenance, Optional<String> note) implements Outcome {
    public TimeToEventOutcome {
        Checks.required("endpoint", endpoint);
        Checks.text("subgroup", subgroup);
        Checks.text("cut", cut);
        Checks.required("median", median);
        Checks.optional("ci", ci);
        Checks.optional("range", range);
        Checks.optional("events", events);
        Checks.optional("n", n);
        Checks.optional("hazardRatio", hazardRatio);
        Checks.required("provenance", provenance);
        Checks.optional("note", note);
        events.ifPresent(v -> Checks.count("events", v));
        n.ifPresent(v -> Checks.count("n", v));
        if (events.isPresent() && n.isPresent() && events.get() > n.get()) {
            throw new IllegalArgumentException("events: " + events.get() + " > n " + n.get() + " (events must not exceed n)");
        }
        ci.ifPresent(c -> {
            if (c.lower().unit() != median.unit()) {
                throw new IllegalArgumentException("ci.unit: " + c.lower().unit() + " (must equal the median's unit " + median.unit() + ")");
            }
        });
    }

    /** The unit of the median and its intervals. */
    public TimeUnit unit() {
        return median.unit();
    }

    @Override
    public List<Provenance> provenances() {
        return List.of(provenance);
    }

    @Override
    public String label() {
        return endpoint.name();
    }
}
