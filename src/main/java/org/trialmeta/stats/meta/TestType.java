package org.trialmeta.stats.meta;

/** How the pooled estimate is tested, as metafor's {@code rma(test=)}. */
public enum TestType {
    /** Wald z-test with the standard normal distribution ({@code test = "z"}). */
    Z("z"),
    /**
     * Knapp-Hartung: the variance of the estimate multiplied by RSS/(k−p) with weights 1/(vi+tau²), and a
     * t-distribution with k−p degrees of freedom ({@code test = "knha"}; not truncated at 1).
     * Knapp G, Hartung J. Stat Med 2003;22:2693–2710 (doi:10.1002/sim.1482).
     */
    KNHA("knha");

    private final String label;

    TestType(String label) {
        this.label = label;
    }

    /** The name metafor uses. */
    public String label() {
        return label;
    }

    /** The test named {@code text} (metafor's name, any case, surrounding blanks ignored). */
    public static java.util.Optional<TestType> fromLabel(String text) {
        for (TestType t : values()) {
            if (t.label.equalsIgnoreCase(text.strip())) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
