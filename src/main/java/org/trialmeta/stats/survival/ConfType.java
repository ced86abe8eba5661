package org.trialmeta.stats.survival;

/**
 * Transformation used for the pointwise confidence interval of a Kaplan-Meier curve, as the
 * {@code conf.type} argument of R's {@code survival::survfit} (survival 3.5). With z = Φ⁻¹(1 − (1 − level)/2),
 * S the estimate and σ the Greenwood standard error of the cumulative hazard (survfit's {@code std.err}):
 * <ul>
 *   <li>{@link #LOG} (R's default): exp(log S ± zσ), upper end capped at 1; undefined where S = 0.</li>
 *   <li>{@link #LOG_LOG}: exp(−exp(log(−log S) ∓ zσ/log S)); undefined where S = 0 or S = 1.</li>
 *   <li>{@link #PLAIN}: S ± zσS, clipped to [0, 1]; undefined where σS is not a number (S = 0 after
 *       the curve drops to zero: 0 × ∞).</li>
 *   <li>{@link #NONE}: no interval.</li>
 * </ul>
 */
public enum ConfType {
    LOG("log"),
    LOG_LOG("log-log"),
    PLAIN("plain"),
    NONE("none");

    private final String rName;

    ConfType(String rName) {
        this.rName = rName;
    }

    /** The name R's {@code survfit(conf.type = )} uses, e.g. {@code "log-log"}. */
    public String rName() {
        return rName;
    }

    /** The type whose R name is {@code name} (e.g. "log-log"), case-insensitive. */
    public static ConfType fromRName(String name) {
        for (ConfType t : values()) {
            if (t.rName.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("conf.type '" + name + "' is not one of log, log-log, plain, none");
    }

    /**
     * The lower end of the interval as R's {@code survival:::survfit_confint(p, se, logse = TRUE)}, NaN where R gives
     * NA.
     *
     * @param surv     the estimate S
     * @param seCumHaz σ, the standard error of the cumulative hazard
     * @param z        the normal quantile of the level
     */
    double lower(double surv, double seCumHaz, double z) {
        switch (this) {
            case PLAIN: {
                double lo = surv - seCumHaz * surv * z;
                return Double.isNaN(lo) ? Double.NaN : Math.max(lo, 0.0);
            }
            case LOG:
                return surv == 0.0 ? Double.NaN : Math.exp(Math.log(surv) - z * seCumHaz);
            case LOG_LOG:
                return surv == 0.0 || surv == 1.0 ? Double.NaN
                        : Math.exp(-Math.exp(Math.log(-Math.log(surv)) - z * seCumHaz / Math.log(surv)));
            default:
                return Double.NaN;
        }
    }

    /** The upper end of the interval, as {@link #lower}. */
    double upper(double surv, double seCumHaz, double z) {
        switch (this) {
            case PLAIN: {
                double hi = surv + seCumHaz * surv * z;
                return Double.isNaN(hi) ? Double.NaN : Math.min(hi, 1.0);
            }
            case LOG: {
                if (surv == 0.0) {
                    return Double.NaN;
                }
                double hi = Math.exp(Math.log(surv) + z * seCumHaz);
                return Double.isNaN(hi) ? hi : Math.min(hi, 1.0);
            }
            case LOG_LOG:
                return surv == 0.0 || surv == 1.0 ? Double.NaN
                        : Math.exp(-Math.exp(Math.log(-Math.log(surv)) + z * seCumHaz / Math.log(surv)));
            default:
                return Double.NaN;
        }
    }
}
