package org.trialmeta.check;

/**
 * The rules of the reviewer check, each with a stable kebab-case id (for pipelines that filter on it)
 * and the rule in one sentence (printed with every finding). Declaration order is report order.
 */
public enum Rule {
    PERCENT_FROM_COUNTS("percent-from-counts",
            "A reported percentage equals 100 x responders / evaluable rounded to the decimals the source printed."),
    DENOMINATOR("denominator",
            "The n a source prints equals the evaluable count, and no outcome's evaluable count exceeds its arm's n."),
    BINOMIAL_CI("binomial-ci",
            "A reported binomial CI is reproduced at its printed rounding by a standard method (Clopper-Pearson,"
                    + " Wilson, Wilson-CC, Agresti-Coull, Jeffreys, Wald); ends outside all six are an error."),
    GRIM("grim",
            "A percentage of n subjects must equal 100 x k / n for some integer k at the printed rounding (GRIM)."),
    SUBGROUP_SUM("subgroup-sum",
            "Responders and evaluable of subgroups that partition a population on one biomarker add up to the"
                    + " population's counts and reproduce its reported percentage."),
    MEDIAN_IN_CI("median-in-ci",
            "A reported median lies inside its confidence interval and inside the observed range."),
    MEDIAN_AT_CI_END("median-at-ci-end",
            "A CI end equal to the median (or to the longest observed time) usually stands for a limit that"
                    + " could not be estimated and should be confirmed."),
    TIME_PLAUSIBLE("time-plausible",
            "Durations are positive and plausible for the setting: clinical medians in months and at most 20"
                    + " years, animal survival in days and within the species' lifespan."),
    INTERIM_VS_FINAL("interim-vs-final",
            "The same endpoint and subgroup at successive cuts is listed with the direction and size of the"
                    + " change; a fall in responders or a change of 10 percentage points or more is a warning."),
    SAME_FIGURE("same-figure",
            "The same figure (trial, endpoint or marker, subgroup) given by two sources or cuts must agree;"
                    + " a difference is listed with both citations."),
    CUTOFF_DATE("cutoff-date",
            "A data cut-off is known, precedes the publication of its source and is not later than the latest"
                    + " publication date in the data."),
    UNCONFIRMED("unconfirmed",
            "A datum marked unverified or secondary is listed with what would confirm it."),
    DERIVED_ARITHMETIC("derived-arithmetic",
            "The arithmetic of a derived datum is recomputed and holds at the precision written.");

    private final String id;
    private final String sentence;

    Rule(String id, String sentence) {
        this.id = id;
        this.sentence = sentence;
    }

    /** Stable kebab-case id, e.g. {@code percent-from-counts}. */
    public String id() {
        return id;
    }

    /** The rule in one sentence. */
    public String sentence() {
        return sentence;
    }
}
