package org.trialmeta.stats.survival;

import java.util.Locale;

/**
 * How a Kaplan-Meier figure was clicked when it was digitised, which decides where a drop whose bottom corner has no
 * click belongs ({@link DigitisationRepair}).
 *
 * <ul>
 *   <li>{@link #CORNERS}: both corners of every drop were clicked (the usual way with WebPlotDigitizer, and what
 *       {@code trialmeta digitise} writes). A click at the end of a flat stretch is then the top of a drop; when the
 *       next click is later and lower, the drop's foot was missed and the drop belongs at the top's time
 *       ({@link RepairKind#MISSING_FOOT}).</li>
 *   <li>{@link #FEET}: one click per drop, at its foot (a curve read off a table of event times, or a digitiser who
 *       clicks only the steps' bottoms). Each click is where survival has just dropped to; Guyot et al.'s reading
 *       (the drop at the next click) is right and nothing is added.</li>
 *   <li>{@link #AUTO}: decided from the curve ({@link #decide}; the counts are in {@link Used}).</li>
 * </ul>
 *
 * <p><b>Detection.</b> A <em>drop</em> is a fall between consecutive points (after sorting and the repairs of rises)
 * within the time tolerance and steeper than long in the figure's proportions (fall &gt; advance ÷ time axis): one
 * vertical line of the figure. Drops that continue a drop (the pair before is a drop too: several events in one pixel
 * column, or dense feet) say nothing about the style and are not counted. A counted drop is a <em>corner pair</em>
 * when the click before its top lies at the top's level: closer to it than half the drop (|S<sub>before</sub> −
 * S<sub>top</sub>| ≤ fall ÷ 2). Clicked at both corners, that click is the foot of the previous drop, on the same
 * level up to a pixel or two; clicked at the feet, it is the previous foot, a whole drop higher. The style is
 * {@link #CORNERS} when at least {@link #CORNER_SHARE} of at least {@link #MIN_DROPS} counted drops are corner pairs,
 * else {@link #FEET} (Guyot's reading, the behaviour without this distinction).
 *
 * <p>Guyot P, Ades AE, Ouwens MJNM, Welton NJ. BMC Med Res Methodol 2012;12:9 read each drop at the click where the
 * curve is first seen lower; so do the R ports (IPDfromKM's {@code preprocess()}/{@code getIPD()}, reconstructKM),
 * which have no clicking-style setting and nothing equivalent to compare against. The detection and the repair are
 * checked on hand-made curves ({@code ClickStyleTest}) and measured on the kmdata benchmark (docs/benchmarks.md).
 */
public enum ClickStyle {
    /** Decided from the curve. */
    AUTO,
    /** Both corners of every drop clicked. */
    CORNERS,
    /** One click per drop, at its foot. */
    FEET;

    /**
     * Share of counted drops that must be corner pairs for {@link #CORNERS}: a majority. A feet-only curve has a corner
     * pair only where a drop is at least twice the one before it: the NCCTG lung curves read at every event time
     * ({@code examples/km-curve-*.csv}) have 0 of 18 and 0 of 13; even drop sizes as variable as exponential draws
     * would give 1/3 on average. A curve clicked at both corners has every drop a corner pair but for a missed click
     * or a drop not much larger than the click error: the curves {@code trialmeta digitise} read off the lung figure,
     * 151 of 151 and 98 of 98; the benchmark's noisy hand digitisations (docs/benchmarks.md), median 0.89–0.90 and
     * 5th percentile 0.62–0.74 over three seeds. One half lies between the two with margin on both sides.
     */
    public static final double CORNER_SHARE = 0.5;

    /** Fewest counted drops to decide on; with fewer, {@link #AUTO} reads the curve as {@link #FEET}. */
    public static final int MIN_DROPS = 5;

    /** The name used in options, trial files and output, e.g. {@code corners}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The clicking style used for a curve and the evidence for it.
     *
     * @param style       {@link #CORNERS} or {@link #FEET}
     * @param detected    whether it was detected ({@link #AUTO}) rather than given
     * @param drops       drops counted (steep falls within the time tolerance that do not continue a drop)
     * @param cornerPairs of those, the ones whose preceding click lies at the top's level
     */
    public record Used(ClickStyle style, boolean detected, int drops, int cornerPairs) {
        public Used {
            if (style == null || style == AUTO) {
                throw new IllegalArgumentException("click style used: " + style + " (must be corners or feet)");
            }
            if (drops < 0 || cornerPairs < 0 || cornerPairs > drops) {
                throw new IllegalArgumentException("click style evidence: " + cornerPairs + " corner pairs of "
                        + drops + " drops (need 0 <= corner pairs <= drops)");
            }
        }
    }

    /** The style {@link #AUTO} chooses for {@code cornerPairs} corner pairs among {@code drops} counted drops. */
    public static ClickStyle decide(int drops, int cornerPairs) {
        return drops >= MIN_DROPS && cornerPairs >= CORNER_SHARE * drops ? CORNERS : FEET;
    }
}
