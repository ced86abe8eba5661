package org.trialmeta.stats.survival;

/**
 * How far a digitised point may be off before it can no longer be read as digitising error.
 *
 * <p>Default {@link #DEFAULT}: survival 0.02 (2 percentage points) and time 1% of the last digitised time. A
 * published Kaplan-Meier y-axis from 0 to 1 spans about 250–500 pixels in a PDF rendered at 150–300 dpi, so one
 * pixel is 0.002–0.004 of survival; a click (by hand or with WebPlotDigitizer's auto-extraction, which follows the
 * line's width of 2–4 pixels) is typically within 1–3 pixels of the line: 0.002–0.012. 0.02 is above that with
 * margin and well below the smallest error that changes a reconstruction materially (a point 0.05 off moves a
 * median by a whole step). Jitter of points read at 0.005 SD (benchmark, docs/benchmarks.md) rises above the
 * running minimum by up to about 0.015. Agreement of digitisers: Drevon D, Fursa SR, Malcolm AL. Intercoder
 * reliability and validity of WebPlotDigitizer in extracting graphed data. Behav Modif 2017;41:323–339.
 *
 * @param survival     largest digitising error in survival (a fraction): values up to 1 + survival are read as 1,
 *                     down to −survival as 0, rises up to it are smoothed; larger ones are refused
 * @param timeFraction largest digitising error in time, as a fraction of the last digitised time: times down to
 *                     −timeFraction × last time are read as 0
 */
public record DigitisingTolerance(double survival, double timeFraction) {

    /** 0.02 in survival, 1% of the time axis. */
    public static final DigitisingTolerance DEFAULT = new DigitisingTolerance(0.02, 0.01);

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
