package org.trialmeta.stats.survival;

/**
 * Points read off a published Kaplan-Meier curve (e.g. with a plot digitiser), as read: times and survival in any
 * order, survival as fractions or percentages, with the digitiser's small errors (a value of 1.01, a time of −0.1).
 * {@link DigitisationRepair#prepare} turns them into a {@link PreparedCurve} and lists what it changed.
 *
 * @param time finite times
 * @param survival finite survival values, same length
 */
public record DigitisedCurve(double[] time, double[] survival) {
    public DigitisedCurve {
        if (time.length != survival.length) {
            throw new IllegalArgumentException("digitised curve: " + time.length + " times but "
                    + survival.length + " survival values (must be equal)");
        }
        if (time.length == 0) {
            throw new IllegalArgumentException("digitised curve: no points (need at least 1)");
        }
        for (int i = 0; i < time.length; i++) {
            if (!Double.isFinite(time[i]) || !Double.isFinite(survival[i])) {
                throw new IllegalArgumentException("digitised curve: point " + i + " = (" + time[i] + ", "
                        + survival[i] + ") (must be finite)");
            }
        }
        time = time.clone();
        survival = survival.clone();
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
