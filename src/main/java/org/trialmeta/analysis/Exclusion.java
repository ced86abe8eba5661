package org.trialmeta.analysis;

/**
 * A datum an analysis did not use, and why (e.g. its status is not admitted, it has no counts, or a
 * later cut of the same trial was used instead).
 *
 * @param analysis which analysis left it out, e.g. "ORR per study"
 * @param data     the datum
 * @param reason   why
 */
public record Exclusion(String analysis, DataUse data, String reason) {
    public Exclusion {
        if (analysis == null || data == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("exclusion: analysis, data and reason are required");
        }
    }
}
