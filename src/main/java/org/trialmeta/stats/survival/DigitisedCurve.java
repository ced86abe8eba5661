package org.trialmeta.stats.survival;

/**
 * Points read off a published Kaplan-Meier curve (e.g. with a plot digitiser): times and survival
 * probabilities (as fractions in [0, 1], not percent), in any order.
 *
 * @param time finite times ≥ 0
 * @param survival survival probabilities in [0, 1], same length
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
            if (!(time[i] >= 0) || Double.isInfinite(time[i])) {
                throw new IllegalArgumentException("digitised curve: time[" + i + "] = " + time[i]
                        + " (must be finite and >= 0)");
            }
            if (!(survival[i] >= 0 && survival[i] <= 1)) {
                throw new IllegalArgumentException("digitised curve: survival[" + i + "] = " + survival[i]
                        + " (must be in [0, 1]; give fractions, not percent)");
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
}
