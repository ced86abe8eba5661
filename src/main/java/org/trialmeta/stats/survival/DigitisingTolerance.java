package org.trialmeta.stats.survival;

/**
 * How far a digitised point may be off before it can no longer be read as digitising error.
 *
 * <p>Default {@link #DEFAULT}: 0.02 in survival (2 percentage points) and 2% of the time axis (the larger of the
 * last digitised time and the last at-risk time). A journal Kaplan-Meier figure's axes span a few hundred pixels
 * (the benchmark assumes 500 × 350): one pixel is about 0.003 of survival and 0.2% of time, and a click by hand is
 * typically within 1–2 pixels of the line. A point is refused only when it is above an earlier one by more than the
 * survival tolerance <em>and</em> later by more than the time tolerance (on a steep stretch a click one pixel to
 * the left reads a survival several pixels higher), i.e. when moving the two points by about 3–7 pixels each does
 * not make them agree. With clicks off by N(0, 1 pixel) in each direction, no arm of the benchmark's 192
 * digitisations per seed was refused at this default or at (0.02, 0.01), over 4 seeds; at (0.01, 0.01) 7–13 of
 * the 64 noisy arms were (docs/benchmarks.md, "Reconstruction from published curves"). The 2% in time leaves a
 * margin for axes longer than the benchmark's. Agreement between digitisers: Drevon D, Fursa SR,
 * Malcolm AL. Intercoder reliability and validity of WebPlotDigitizer in extracting graphed data. Behav Modif
 * 2017;41:323–339.
 *
 * @param survival     largest digitising error in survival (a fraction): values up to 1 + survival are read as 1,
 *                     down to −survival as 0; a rise above it (and above the time tolerance) is refused
 * @param timeFraction largest digitising error in time, as a fraction of the time axis: times down to
 *                     −timeFraction × axis are read as 0
 */
public record DigitisingTolerance(double survival, double timeFraction) {

    /** 0.02 in survival, 2% of the time axis. */
    public static final DigitisingTolerance DEFAULT = new DigitisingTolerance(0.02, 0.02);

    /**
     * No refusal: every departure is repaired. For points this program perturbed itself (the bootstrap of
     * {@link ReconstructionBootstrap}), never for a user's input.
     */
    public static final DigitisingTolerance UNLIMITED =
            new DigitisingTolerance(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

    public DigitisingTolerance {
        if (!(survival >= 0) || !(timeFraction >= 0)) {
            throw new IllegalArgumentException("digitising tolerance: survival " + survival + ", time fraction "
                    + timeFraction + " (must be >= 0)");
        }
    }
}
