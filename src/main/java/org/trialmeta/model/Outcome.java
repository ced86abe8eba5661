package org.trialmeta.model;

import java.util.List;
import java.util.Optional;

/**
 * One reported result of one arm, for one subgroup, at one analysis cut. The arm is the {@link Arm}
 * that holds the outcome; {@link #subgroup()} and {@link #cut()} are ids of the trial's
 * {@link Subgroup}s and {@link AnalysisCut}s.
 */
public sealed interface Outcome permits BinaryOutcome, TimeToEventOutcome, BiomarkerChange {

    /** Subgroup id within the trial. */
    String subgroup();

    /** Analysis cut id within the trial. */
    String cut();

    /** Provenance of the outcome's main datum (counts, median, direction). */
    Provenance provenance();

    /** Every provenance the outcome carries (main first), for status counts and source checks. */
    List<Provenance> provenances();

    /** Endpoint or marker label for tables, e.g. {@code ORR}, {@code PFS}, {@code pFAK}. */
    String label();

    Optional<String> note();
}
