package org.trialmeta.model;

/** Direction of a biomarker change on treatment. */
public enum Direction {
    INCREASED, DECREASED, UNCHANGED
}
