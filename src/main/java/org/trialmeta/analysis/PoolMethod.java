package org.trialmeta.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.trialmeta.model.InputException;
import org.trialmeta.stats.meta.Tau2Estimator;
import org.trialmeta.stats.meta.TwoByTwoPoolResult;

/**
 * The pooling methods of {@code pool}: inverse variance with a tau² estimator (metafor {@code rma(method = )}),
 * Mantel-Haenszel ({@code rma.mh}) and Peto ({@code rma.peto}) for 2×2 tables, or the binomial-normal GLMM for
 * single proportions ({@code rma.glmm(measure = "PLO")}) and for odds ratios ({@code rma.glmm(measure = "OR",
 * model = "UM.FS")}).
 */
public enum PoolMethod {
    FE("FE"), DL("DL"), HE("HE"), HS("HS"), HSK("HSk"), SJ("SJ"), ML("ML"), REML("REML"), EB("EB"), PM("PM"),
    MH("MH"), PETO("PETO"), GLMM("GLMM");

    private final String label;

    PoolMethod(String label) {
        this.label = label;
    }

    /** The name users type and see (metafor's spelling, e.g. "HSk"). */
    public String label() {
        return label;
    }

    /** The tau² estimator of an inverse-variance method; empty for MH, PETO and GLMM. */
    public Optional<Tau2Estimator> tau2Estimator() {
        return this == MH || this == PETO || this == GLMM ? Optional.empty() : Optional.of(Tau2Estimator.parse(label));
    }

    /** The 2×2 pooling method of MH and PETO; empty for the inverse-variance methods. */
    public Optional<TwoByTwoPoolResult.Method> twoByTwo() {
        return switch (this) {
            case MH -> Optional.of(TwoByTwoPoolResult.Method.MH);
            case PETO -> Optional.of(TwoByTwoPoolResult.Method.PETO);
            default -> Optional.empty();
        };
    }

    /**
     * The tau² estimator named {@code text} (an inverse-variance method: FE or a random-effects estimator), for the
     * commands that refit the model (bias, regress, sensitivity); an {@link InputException} naming the allowed ones
     * for MH, PETO or an unknown name.
     */
    public static Tau2Estimator inverseVariance(String option, String text) {
        List<String> allowed = Arrays.stream(values()).filter(v -> v.tau2Estimator().isPresent())
                .map(PoolMethod::label).toList();
        for (PoolMethod m : values()) {
            if (m.label.equalsIgnoreCase(text.strip())) {
                return m.tau2Estimator().orElseThrow(() -> new InputException(option + ": '" + text.strip()
                        + "' applies to pool only (allowed here: " + String.join(", ", allowed) + ")"));
            }
        }
        throw new InputException(option + ": unknown method '" + text + "' (allowed: " + String.join(", ", allowed) + ")");
    }

    /** The method named {@code text}, in any case; an {@link InputException} naming the allowed ones otherwise. */
    public static PoolMethod parse(String option, String text) {
        for (PoolMethod m : values()) {
            if (m.label.equalsIgnoreCase(text.strip())) {
                return m;
            }
        }
        throw new InputException(option + ": unknown method '" + text + "' (allowed: "
                + String.join(", ", Arrays.stream(values()).map(PoolMethod::label).toList()) + ")");
    }
}
