package org.trialmeta.model;

/** The status that defines a biomarker subgroup. */
public enum BiomarkerStatus {
    MUTANT, WILD_TYPE, POSITIVE, NEGATIVE, HIGH, LOW
}
