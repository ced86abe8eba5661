package org.trialmeta.analysis;

import java.util.Locale;
import java.util.Optional;
import org.trialmeta.model.BiomarkerStatus;
import org.trialmeta.model.Subgroup;

/**
 * The role of a subgroup in a biomarker comparison: the biomarker-mutant subgroup, the wild-type
 * subgroup, or the whole population. Read from the data (the subgroup's biomarker name and status),
 * never from subgroup ids.
 */
public enum Stratum {
    MUTANT("mutant"), WILD_TYPE("wild-type"), OVERALL("overall");

    private final String label;

    Stratum(String label) {
        this.label = label;
    }

    /** "mutant", "wild-type", "overall". */
    public String label() {
        return label;
    }

    /** E.g. "KRAS-mutant", "KRAS wild-type", "Overall". */
    public String display(String biomarker) {
        return switch (this) {
            case MUTANT -> biomarker + "-mutant";
            case WILD_TYPE -> biomarker + " wild-type";
            case OVERALL -> "Overall";
        };
    }

    /** The stratum of {@code s} for {@code biomarker} (case-insensitive), if it is one of the three. */
    public static Optional<Stratum> of(Subgroup s, String biomarker) {
        if (s.isOverall()) {
            return Optional.of(OVERALL);
        }
        var b = s.biomarker().orElseThrow();
        if (!b.name().toLowerCase(Locale.ROOT).equals(biomarker.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (b.status() == BiomarkerStatus.MUTANT) {
            return Optional.of(MUTANT);
        }
        if (b.status() == BiomarkerStatus.WILD_TYPE) {
            return Optional.of(WILD_TYPE);
        }
        return Optional.empty();
    }
}
