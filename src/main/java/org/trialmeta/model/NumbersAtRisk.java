package org.trialmeta.model;

import java.util.Arrays;

/**
 * A published numbers-at-risk table under a Kaplan-Meier figure: the times of its columns and the counts, as printed.
 *
 * @param time  column times, strictly increasing from 0, in the curve's unit
 * @param count numbers at risk, non-negative, never rising, the first at least 1
 */
public record NumbersAtRisk(double[] time, int[] count) {
    public NumbersAtRisk {
        if (time.length == 0 || time.length != count.length) {
            throw new IllegalArgumentException("atRisk: " + time.length + " times and " + count.length
                    + " counts (must be equal and at least 1)");
        }
        if (time[0] != 0) {
            throw new IllegalArgumentException("atRisk.time[0]: " + Checks.num(time[0]) + " (the first column is time 0)");
        }
        if (count[0] < 1) {
            throw new IllegalArgumentException("atRisk.n[0]: " + count[0] + " (at least 1 at risk at time 0)");
        }
        for (int i = 1; i < time.length; i++) {
            if (!(time[i] > time[i - 1]) || !Double.isFinite(time[i])) {
                throw new IllegalArgumentException("atRisk.time[" + i + "]: " + Checks.num(time[i])
                        + " (times must be finite and strictly increasing)");
            }
            if (count[i] < 0 || count[i] > count[i - 1]) {
                throw new IllegalArgumentException("atRisk.n[" + i + "]: " + count[i] + " (numbers at risk are"
                        + " non-negative and never rise; " + count[i - 1] + " before)");
            }
        }
        time = time.clone();
        count = count.clone();
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public int[] count() {
        return count.clone();
    }

    /** Number of columns. */
    public int size() {
        return time.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumbersAtRisk r && Arrays.equals(time, r.time) && Arrays.equals(count, r.count);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(time) + Arrays.hashCode(count);
    }

    @Override
    public String toString() {
        return "NumbersAtRisk" + Arrays.toString(time) + Arrays.toString(count);
    }
}
