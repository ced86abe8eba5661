package org.trialmeta.stats.survival;

import java.util.List;
import java.util.Objects;

/**
 * A digitised curve and its at-risk table ready for {@link GuyotReconstruction}: points sorted by time (at one time
 * from the top of a drop to its bottom), survival fractions non-increasing in [0, 1], the first point (0, 1), every
 * at-risk interval holding a point and no at-risk row after the last point. Made by {@link DigitisationRepair},
 * which lists in {@link #repairs} everything it changed.
 *
 * @param time           times, non-decreasing from 0
 * @param survival       survival fractions, non-increasing from 1
 * @param atRisk         the numbers at risk used (rows after the curve or trailing zeros removed)
 * @param remainingAtEnd patients known to be still at risk after the last point (the count of the first at-risk row
 *                       after it), 0 when none is known; the reconstruction keeps at least these to the end
 * @param remainingUntil the time of that at-risk row (those patients are followed at least to it); the last point's
 *                       time when none is known
 * @param scale          the scale the survival values were read on ({@link SurvivalScale#PROPORTION} or
 *                       {@link SurvivalScale#PERCENT})
 * @param scaleDetected  whether that scale was detected ({@link SurvivalScale#AUTO}) rather than given
 * @param clicks         the clicking style used ({@link ClickStyle#CORNERS} or {@link ClickStyle#FEET}), whether it
 *                       was detected, and the counts it was detected from
 * @param repairs        every change made to the input, in the order made
 */
public record PreparedCurve(double[] time, double[] survival, AtRiskTable atRisk, int remainingAtEnd,
        double remainingUntil, SurvivalScale scale, boolean scaleDetected, ClickStyle.Used clicks,
        List<Repair> repairs) {

    public PreparedCurve {
        Objects.requireNonNull(atRisk, "atRisk");
        Objects.requireNonNull(clicks, "clicks");
        Objects.requireNonNull(scale, "scale");
        if (time.length != survival.length || time.length == 0) {
            throw new IllegalArgumentException("prepared curve: " + time.length + " times, " + survival.length
                    + " survival values (need the same number, at least 1)");
        }
        if (time[0] != 0 || survival[0] != 1) {
            throw new IllegalArgumentException("prepared curve: must start at (0, 1), starts at (" + time[0] + ", "
                    + survival[0] + ")");
        }
        for (int k = 1; k < time.length; k++) {
            if (!(time[k] >= time[k - 1]) || Double.isInfinite(time[k])) {
                throw new IllegalArgumentException("prepared curve: time[" + k + "] = " + time[k] + " after "
                        + time[k - 1] + " (must be finite and non-decreasing)");
            }
            if (!(survival[k] <= survival[k - 1]) || !(survival[k] >= 0)) {
                throw new IllegalArgumentException("prepared curve: survival[" + k + "] = " + survival[k] + " after "
                        + survival[k - 1] + " (must be non-increasing in [0, 1])");
            }
        }
        double[] rt = atRisk.time();
        if (rt[rt.length - 1] > time[time.length - 1]) {
            throw new IllegalArgumentException("prepared curve: at-risk time " + rt[rt.length - 1]
                    + " after the last point " + time[time.length - 1]);
        }
        for (int i = 0; i + 1 < rt.length; i++) {
            if (!hasPoint(time, rt[i], rt[i + 1])) {
                throw new IllegalArgumentException("prepared curve: no point in the at-risk interval [" + rt[i] + ", "
                        + rt[i + 1] + ")");
            }
        }
        if (remainingAtEnd < 0 || remainingAtEnd > atRisk.nRisk()[rt.length - 1]) {
            throw new IllegalArgumentException("prepared curve: remaining at end " + remainingAtEnd
                    + " not in [0, last number at risk]");
        }
        if (!(remainingUntil >= time[time.length - 1]) || Double.isInfinite(remainingUntil)) {
            throw new IllegalArgumentException("prepared curve: remaining until " + remainingUntil
                    + " (must be finite and not before the last point)");
        }
        time = time.clone();
        survival = survival.clone();
        repairs = List.copyOf(repairs);
    }

    private static boolean hasPoint(double[] time, double from, double to) {
        for (double t : time) {
            if (t >= from && t < to) {
                return true;
            }
        }
        return false;
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public double[] survival() {
        return survival.clone();
    }

    /** Number of points. */
    public int size() {
        return time.length;
    }
}
