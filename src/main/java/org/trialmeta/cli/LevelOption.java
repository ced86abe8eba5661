package org.trialmeta.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --level PERCENT} option (a picocli mixin). Users give a percentage (95), as in metafor and every
 * paper; the statistics API takes a fraction ({@link org.trialmeta.stats.ConfidenceLevel}): {@link #fraction()}
 * converts after checking.
 */
public final class LevelOption {

    @Option(names = "--level", defaultValue = "95", paramLabel = "PERCENT",
            description = "Confidence level in percent. Default: ${DEFAULT-VALUE}.")
    double percent;

    /**
     * The level as a fraction (95 → 0.95); exit 2 unless strictly between 1 and 100, so that 0.95 typed for 95 % is
     * refused rather than giving a 0.95 % interval.
     */
    double fraction() {
        return OptionChecks.level("--level", percent);
    }
}
