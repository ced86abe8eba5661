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
            "The arithmetic of a derived datum is recomputed and holds at the precision written."),
    ESTIMATE_IN_CI("estimate-in-ci",
            "A reported percentage or ratio lies inside its own confidence interval."),
    CI_METHOD("ci-method",
            "A binomial CI that the source says is exact (Clopper-Pearson), Wilson, Wilson with continuity"
                    + " correction, Agresti-Coull, Jeffreys or Wald is reproduced by that method; one reproduced only"
                    + " by another method is an error."),
    RATIO_CI_SYMMETRY("ratio-ci-symmetry",
            "A hazard, odds or risk ratio lies at the centre of its CI on the log scale (a Wald CI: R"
                    + " squared = lower x upper) at the printed rounding."),
    P_FROM_CI("p-from-ci",
            "A p-value printed with a ratio agrees with the p-value its CI implies (Altman and Bland, BMJ"
                    + " 2011;343:d2304) at the printed rounding."),
    RELATIVE_CHANGE("relative-change",
            "A relative reduction or increase printed with a ratio (\"reduced the risk of death by 48%\") equals"
                    + " 100 x (1 - ratio) or 100 x (ratio - 1) at the printed rounding of both."),
    RESPONSE_SUM("response-sum",
            "Complete plus partial responses make the objective responses (CR + PR = ORR) and disease control"
                    + " is at least objective response (DCR >= ORR), in counts or at the printed rounding."),
    MEDIAN_VS_HR("median-vs-hr",
            "Two arms' medians point the same way as their hazard ratio, and the HR the medians imply under"
                    + " exponential survival is not far outside the reported CI."),
    TIME_ORDER("time-order",
            "In one arm, median PFS (or EFS, TTP) does not exceed median OS, and no reached median exceeds"
                    + " twice the median follow-up."),
    REGISTRY_VS_PUBLICATION("registry-vs-publication",
            "A figure posted on a trial registry and the same figure in a publication (same trial, arm,"
                    + " population and endpoint) agree at the printed rounding; a difference is listed with both"
                    + " sources."),
    RECONSTRUCTED_VS_REPORTED("reconstructed-vs-reported",
            "The medians and hazard ratio reconstructed from a trial file's digitised curves agree with the"
                    + " published ones of the same arms, endpoint, population and cut (medians within 10%, HR within"
                    + " 0.1 on the log scale).");

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
