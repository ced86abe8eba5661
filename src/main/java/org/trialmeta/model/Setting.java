package org.trialmeta.model;

/** Whether a study was done in patients or in a model system. */
public enum Setting {
    CLINICAL, PRECLINICAL
}
