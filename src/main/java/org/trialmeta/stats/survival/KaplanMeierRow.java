package org.trialmeta.stats.survival;

import java.util.OptionalDouble;

/**
 * One row of a Kaplan-Meier table, at a distinct time with at least one event or censoring (as a row
 * of {@code summary(survfit(...), censored = TRUE)}).
 *
 * @param time the time
 * @param nRisk number at risk just before {@code time} (those censored at {@code time} are at risk)
 * @param nEvent events at {@code time}
 * @param nCensor censorings at {@code time}
 * @param surv the Kaplan-Meier estimate S(t) just after {@code time}
 * @param stdErrCumHaz Greenwood standard error of the cumulative hazard, sqrt(Σ d/(n(n − d))) —
 *     survfit's stored {@code std.err}; +∞ once the curve has dropped to 0
 * @param stdErr standard error of S(t) = S × stdErrCumHaz, as {@code summary(survfit)} prints it;
 *     empty where R gives NaN (S = 0)
 * @param lower lower confidence limit; empty where R gives NA
 * @param upper upper confidence limit; empty where R gives NA
 */
public record KaplanMeierRow(double time, int nRisk, int nEvent, int nCensor, double surv,
        double stdErrCumHaz, OptionalDouble stdErr, OptionalDouble lower, OptionalDouble upper) {
    public KaplanMeierRow {
        check(time, nRisk, nEvent, nCensor, surv);
    }

    /** The rules every row keeps (at least one event or censoring, no more than at risk, survival in [0, 1]). */
    static void check(double time, int nRisk, int nEvent, int nCensor, double surv) {
        if (nRisk < 1 || nEvent < 0 || nCensor < 0 || nEvent + nCensor < 1 || nEvent + nCensor > nRisk) {
            throw new IllegalArgumentException("KM row at time " + time + ": n.risk " + nRisk + ", n.event "
                    + nEvent + ", n.censor " + nCensor + " (need 1 <= n.event + n.censor <= n.risk)");
        }
        if (!(surv >= 0 && surv <= 1)) {
            throw new IllegalArgumentException("KM row at time " + time + ": surv " + surv + " not in [0, 1]");
        }
    }
}
