package org.trialmeta.stats.survival;

/**
 * The numbers-at-risk table printed under a published Kaplan-Meier curve.
 *
 * @param time strictly increasing times, the first 0 (its count is the number of patients)
 * @param nRisk numbers at risk at those times, the first at least 1, never rising
 */
public record AtRiskTable(double[] time, int[] nRisk) {
    public AtRiskTable {
        if (time.length != nRisk.length) {
            throw new IllegalArgumentException("at-risk table: " + time.length + " times but " + nRisk.length
                    + " counts (must be equal)");
        }
        if (time.length == 0) {
            throw new IllegalArgumentException("at-risk table: no rows (need at least the count at time 0)");
        }
        if (time[0] != 0) {
            throw new IllegalArgumentException("at-risk table: first time is " + time[0]
                    + " (must be 0: the number of patients at the start)");
        }
        if (nRisk[0] < 1) {
            throw new IllegalArgumentException("at-risk table: number at risk at time 0 is " + nRisk[0]
                    + " (must be >= 1)");
        }
        for (int i = 0; i < time.length; i++) {
            if (!Double.isFinite(time[i]) || (i > 0 && !(time[i] > time[i - 1]))) {
                throw new IllegalArgumentException("at-risk table: time[" + i + "] = " + time[i]
                        + " (times must be finite and strictly increasing)");
            }
            if (nRisk[i] < 0 || nRisk[i] > nRisk[0]) {
                throw new IllegalArgumentException("at-risk table: nRisk[" + i + "] = " + nRisk[i]
                        + " (must be between 0 and the count at time 0, " + nRisk[0] + ")");
            }
            if (i > 0 && nRisk[i] > nRisk[i - 1]) {
                throw new IllegalArgumentException("at-risk table: nRisk[" + i + "] = " + nRisk[i] + " after "
                        + nRisk[i - 1] + " (numbers at risk never rise)");
            }
        }
        time = time.clone();
        nRisk = nRisk.clone();
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public int[] nRisk() {
        return nRisk.clone();
    }

    /** Number of rows. */
    public int size() {
        return time.length;
    }
}
