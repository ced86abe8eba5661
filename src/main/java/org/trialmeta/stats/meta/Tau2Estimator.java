package org.trialmeta.stats.meta;

import java.util.Locale;

/**
 * The between-study variance (tau²) estimators of metafor's {@code rma.uni(method=)}, plus {@link #FE}
 * for the fixed/equal-effects model (tau² = 0). Algorithms follow metafor 3.8 {@code R/rma.uni.r}.
 * References: Viechtbauer W. J Educ Behav Stat 2005;30:261–293 (doi:10.3102/10769986030003261);
 * Veroniki AA et al. Res Synth Methods 2016;7:55–79 (doi:10.1002/jrsm.1164).
 */
public enum Tau2Estimator {
    /** Fixed (equal) effects: tau² = 0; metafor {@code method = "FE"} / {@code "EE"}. */
    FE("FE", false),
    /** DerSimonian-Laird: (Q − (k−p)) / tr(P), weights 1/vi. */
    DL("DL", false),
    /** Hedges (HE): (RSS_unweighted − tr(P·V)) / (k−p). */
    HE("HE", false),
    /** Hunter-Schmidt: (Q − k) / Σ(1/vi). */
    HS("HS", false),
    /** Hunter-Schmidt, small-sample version: (k/(k−p)·Q − k) / Σ(1/vi) (metafor {@code "HSk"}). */
    HSK("HSk", false),
    /** Sidik-Jonkman: tau0²·Q(tau0²)/(k−p) with tau0² = Σ(yi − ȳ)²/k. */
    SJ("SJ", false),
    /** Maximum likelihood (Fisher scoring). */
    ML("ML", true),
    /** Restricted maximum likelihood (Fisher scoring); metafor's default. */
    REML("REML", true),
    /** Empirical Bayes (Morris), Fisher scoring on Q(tau²)·k/(k−p) = k. */
    EB("EB", true),
    /** Paule-Mandel: root of the generalised Q(tau²) = k − p. */
    PM("PM", true);

    private final String label;
    private final boolean iterative;

    Tau2Estimator(String label, boolean iterative) {
        this.label = label;
        this.iterative = iterative;
    }

    /** The name metafor uses ({@code "HSk"} for {@link #HSK}). */
    public String label() {
        return label;
    }

    /** Whether the estimate comes from an iterative algorithm (Fisher scoring or root finding). */
    public boolean iterative() {
        return iterative;
    }

    /** Whether this is the fixed/equal-effects model. */
    public boolean isFixedEffect() {
        return this == FE;
    }

    /** Parses metafor's name, case-insensitively (EE is accepted for FE). */
    public static Tau2Estimator parse(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        if (n.equals("EE")) {
            return FE;
        }
        for (Tau2Estimator e : values()) {
            if (e.label.toUpperCase(Locale.ROOT).equals(n)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown tau2 estimator '" + name + "'");
    }
}
