package org.trialmeta.model;

/** Where a biomarker was measured. */
public enum Compartment {
    TUMOUR, BLOOD,
    /** The source does not say. */
    NOT_REPORTED
}
