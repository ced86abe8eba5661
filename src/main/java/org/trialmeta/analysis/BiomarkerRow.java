package org.trialmeta.analysis;

import org.trialmeta.model.Magnitude;

/**
 * A pharmacodynamic biomarker change as curated.
 *
 * @param data        the datum
 * @param marker      what was measured
 * @param compartment tumour, blood, not_reported
 * @param direction   increased, decreased, unchanged
 * @param magnitude   size of the change (value and unit: percent of baseline or fold), or null when not given
 */
public record BiomarkerRow(DataUse data, String marker, String compartment, String direction, Magnitude magnitude) {
}
