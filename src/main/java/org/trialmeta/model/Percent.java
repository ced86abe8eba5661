package org.trialmeta.model;

/** A percentage in [0, 100], e.g. a reported response rate of 44%. */
public record Percent(double value) {
    public Percent {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException("percent: " + Checks.num(value) + " (must be in [0, 100])");
        }
    }

    /** The proportion in [0, 1]. */
    public double proportion() {
        return value / 100.0;
    }

    @Override
    public String toString() {
        return Checks.num(value) + "%";
    }
}
