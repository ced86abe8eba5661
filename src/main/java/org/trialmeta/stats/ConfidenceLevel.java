package org.trialmeta.stats;

/**
 * The one convention for confidence levels in the statistics API: a <b>fraction</b> strictly between 0 and 1
 * (0.95 for a 95% interval), as Commons Statistics and R's {@code binom.test(conf.level = 0.95)} and
 * {@code survfit(conf.int = 0.95)}. Command-line options and output take percentages; the conversion happens
 * there, never here.
 */
public final class ConfidenceLevel {

    private ConfidenceLevel() {}

    /**
     * Refuses a level outside (0, 1).
     *
     * @throws IllegalArgumentException naming the value and the rule
     */
    public static double check(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " must be a fraction in (0, 1), e.g. 0.95");
        }
        return level;
    }

    /**
     * α = 1 − level, computed as metafor's {@code .level()} does from a percentage: (100 − 100·level)/100.
     * For the usual levels (0.95, 0.9, 0.99) this is the double nearest to α (0.05, not 1 − 0.95 =
     * 0.050000000000000044), so results are bit-identical to fits made with {@code level = 95} in R.
     */
    public static double alpha(double level) {
        return (100 - 100 * level) / 100;
    }
}
