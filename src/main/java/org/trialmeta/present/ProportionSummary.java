package org.trialmeta.present;

import java.util.ArrayList;
import java.util.List;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.proportion.ProportionEstimate;

/**
 * What {@code orr} reports: one proportion x/n with its confidence interval by one or several methods, as
 * R's {@code binom.test} / {@code prop.test} give them. Its JSON is the {@code orr --format json} contract
 * (snake_case keys, {@code null} where not estimable); {@link ProportionText} writes its text.
 *
 * @param responders x
 * @param n          evaluable patients
 * @param level      confidence level in percent (95), as typed
 * @param estimate   x/n; null when n = 0
 * @param intervals  one interval per method, in the order asked for
 */
public record ProportionSummary(int responders, int n, double level, Double estimate, List<MethodInterval> intervals) {

    /**
     * One method's interval.
     *
     * @param method the method's command-line name, e.g. clopper-pearson
     * @param lower  lower end (proportion); null when not estimable
     * @param upper  upper end
     */
    public record MethodInterval(String method, Double lower, Double upper) {
    }

    public ProportionSummary {
        intervals = List.copyOf(intervals);
    }

    /** The summary of one proportion's estimates (all of the same x, n and level), one per method. */
    public static ProportionSummary of(List<ProportionEstimate> estimates) {
        ProportionEstimate first = estimates.get(0);
        List<MethodInterval> out = new ArrayList<>(estimates.size());
        for (ProportionEstimate e : estimates) {
            out.add(new MethodInterval(e.method().cliName(), e.interval().map(Interval::lower).orElse(null),
                    e.interval().map(Interval::upper).orElse(null)));
        }
        return new ProportionSummary(first.x(), first.n(), PoolSummary.percent(first.level()),
                PoolSummary.d(first.estimate()), out);
    }
}
