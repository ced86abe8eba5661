package org.trialmeta.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trialmeta.model.LocatedOutcome;
import org.trialmeta.model.Setting;
import org.trialmeta.model.TimeEstimate;
import org.trialmeta.model.TimeInterval;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.TimeUnit;

/**
 * Rules on one time-to-event outcome: {@link Rule#MEDIAN_IN_CI}, {@link Rule#MEDIAN_AT_CI_END} and
 * {@link Rule#TIME_PLAUSIBLE}.
 *
 * <p>The model refuses a CI with lower &gt; upper and non-positive times (invalid input, exit 2) but loads a
 * median outside its CI or outside the observed range as published: {@link Rule#MEDIAN_IN_CI} reports both
 * (a Kaplan–Meier median is an observed time, so it also lies within min–max).
 */
final class TimeRules {

    private static final double DAYS_PER_YEAR = 365.25;

    private TimeRules() {}

    static void check(Collector c, LocatedOutcome<TimeToEventOutcome> lo, CheckOptions options) {
        TimeToEventOutcome t = lo.outcome();
        String f = Collector.field(lo);
        List<String> src = Collector.sourcesOf(t);
        TimeEstimate median = t.median();
        String reported = describe(t);

        t.ci().ifPresent(ci -> {
            if (!ci.contains(median)) {
                c.add(Severity.ERROR, Rule.MEDIAN_IN_CI, lo.trial(), f + ".ci", reported, "",
                        "the median " + median + " lies outside its CI " + ends(ci), src);
            }
        });
        t.range().ifPresent(range -> {
            if (!range.contains(median)) {
                c.add(Severity.ERROR, Rule.MEDIAN_IN_CI, lo.trial(), f + ".range", reported, "",
                        "the median " + median + " lies outside the observed range " + ends(range)
                                + " (a Kaplan-Meier median is an observed time)",
                        src);
            }
        });

        if (median.hasValue()) {
            double m = median.value().getAsDouble();
            List<String> notes = new ArrayList<>();
            t.ci().ifPresent(ci -> {
                if (equal(ci.upper(), m)) {
                    notes.add("the CI upper end equals the median");
                }
                if (equal(ci.lower(), m)) {
                    notes.add("the CI lower end equals the median");
                }
            });
            t.range().ifPresent(range -> {
                if (equal(range.upper(), m)) {
                    notes.add("the median equals the longest observed time");
                }
            });
            if (!notes.isEmpty()) {
                c.add(Severity.INFO, Rule.MEDIAN_AT_CI_END, lo.trial(), f, reported, "",
                        String.join(" and ", notes) + ": usually the Kaplan-Meier curve reaches 50% at the last"
                                + " event, so the limit is not estimable (NR); confirm the median and its CI in the"
                                + " primary source",
                        src);
            }
        }

        plausible(c, lo, options, f, reported, src);
    }

    private static void plausible(Collector c, LocatedOutcome<TimeToEventOutcome> lo, CheckOptions options,
            String f, String reported, List<String> src) {
        TimeToEventOutcome t = lo.outcome();
        List<TimeEstimate> times = new ArrayList<>();
        times.add(t.median());
        t.ci().ifPresent(ci -> {
            times.add(ci.lower());
            times.add(ci.upper());
        });
        t.range().ifPresent(r -> {
            times.add(r.lower());
            times.add(r.upper());
        });
        double maxDays = 0;
        for (TimeEstimate e : times) {
            if (e.hasValue()) {
                maxDays = Math.max(maxDays, e.in(TimeUnit.DAYS).getAsDouble());
            }
        }
        String species = lo.trial().species().toLowerCase(Locale.ROOT).trim();
        boolean rodent = species.equals("mouse") || species.equals("mice") || species.equals("rat");
        if (lo.trial().setting() == Setting.CLINICAL) {
            double years = maxDays / DAYS_PER_YEAR;
            if (years > options.maxClinicalMedianYears()) {
                c.add(Severity.ERROR, Rule.TIME_PLAUSIBLE, lo.trial(), f, reported,
                        String.format(Locale.ROOT, "%.1f years", years),
                        String.format(Locale.ROOT, "a clinical %s of %.1f years exceeds %s years: implausible;"
                                + " check the unit (%s)", t.endpoint(), years,
                                Precision.text(options.maxClinicalMedianYears()), unit(t.unit())),
                        src);
            } else if (t.unit() == TimeUnit.DAYS) {
                c.add(Severity.INFO, Rule.TIME_PLAUSIBLE, lo.trial(), f, reported, "",
                        "clinical " + t.endpoint() + " is usually reported in months; check that days is the"
                                + " source's unit",
                        src);
            }
        } else if (rodent) {
            if (maxDays > options.maxAnimalLifespanDays()) {
                c.add(Severity.ERROR, Rule.TIME_PLAUSIBLE, lo.trial(), f, reported,
                        String.format(Locale.ROOT, "%.0f days", maxDays),
                        String.format(Locale.ROOT, "%s survival of %.0f days exceeds the %s-day lifespan of a %s:"
                                + " implausible; check the unit (%s)", species, maxDays,
                                Precision.text(options.maxAnimalLifespanDays()), species, unit(t.unit())),
                        src);
            } else if (t.unit() != TimeUnit.DAYS) {
                c.add(Severity.INFO, Rule.TIME_PLAUSIBLE, lo.trial(), f, reported, "",
                        species + " survival is usually reported in days; check that " + unit(t.unit())
                                + " is the source's unit",
                        src);
            }
        }
    }

    private static String unit(TimeUnit u) {
        return u.name().toLowerCase(Locale.ROOT);
    }

    private static boolean equal(TimeEstimate e, double value) {
        return e.hasValue() && Math.abs(e.value().getAsDouble() - value) <= Precision.SLACK;
    }

    static String describe(TimeToEventOutcome t) {
        StringBuilder b = new StringBuilder("median ").append(t.median());
        t.ci().ifPresent(ci -> b.append(" (").append(Precision.text(ci.level())).append("% CI ").append(ends(ci))
                .append(")"));
        t.range().ifPresent(r -> b.append(", range ").append(ends(r)));
        return b.toString();
    }

    static String ends(TimeInterval i) {
        return end(i.lower()) + "-" + end(i.upper());
    }

    private static String end(TimeEstimate e) {
        return e.hasValue() ? Precision.text(e.value().getAsDouble()) : Optional.of(e.toString()).get();
    }
}
