package org.trialmeta.model;

/**
 * The size of a biomarker change.
 *
 * @param value non-negative size; a percentage decrease is at most 100
 * @param unit  percent of baseline or fold change
 */
public record Magnitude(double value, MagnitudeUnit unit) {
    public Magnitude {
        Checks.finite("magnitude.value", value);
        Checks.required("magnitude.unit", unit);
        if (value < 0) {
            throw new IllegalArgumentException("magnitude.value: " + Checks.num(value) + " (must not be negative; the direction gives the sign)");
        }
    }
}
