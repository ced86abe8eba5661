package org.trialmeta.analysis;

/**
 * A pharmacodynamic biomarker change as curated.
 *
 * @param data        the datum
 * @param marker      what was measured
 * @param compartment tumour, blood, not_reported
 * @param direction   increased, decreased, unchanged
 * @param magnitude   size of the change as text (e.g. "70%"), or null
 */
public record BiomarkerRow(DataUse data, String marker, String compartment, String direction, String magnitude) {
}
