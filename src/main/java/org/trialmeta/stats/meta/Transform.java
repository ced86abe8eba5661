package org.trialmeta.stats.meta;

/**
 * Back-transformation of pooled values to the natural scale, as metafor's {@code transf.*} functions:
 * exp for OR, RR and PLN ({@code exp}); the logistic function for PLO ({@code transf.ilogit});
 * sin(x)² for PAS ({@code transf.iarcsin}, clamped to [0, 1] outside [0, π/2]); the inverse
 * Freeman-Tukey transformation with the harmonic mean of the sample sizes for PFT
 * ({@code transf.ipft.hm}, Miller 1978, doi:10.1080/00031305.1978.10479283); identity for PR, RD, GEN.
 *
 * @param kind           the function
 * @param harmonicMeanN  harmonic mean of ni for {@link Kind#IPFT_HM}; 0 (unused) for the other kinds
 */
public record Transform(Kind kind, double harmonicMeanN) {

    /** The back-transformation functions. */
    public enum Kind { IDENTITY, EXP, ILOGIT, IARCSIN, IPFT_HM }

    public Transform {
        if (kind == null) {
            throw new IllegalArgumentException("transform kind must not be null");
        }
        if (kind == Kind.IPFT_HM && !(harmonicMeanN > 0 && Double.isFinite(harmonicMeanN))) {
            throw new IllegalArgumentException("harmonicMeanN " + harmonicMeanN + " must be finite and > 0 for PFT");
        }
    }

    public static Transform identity() {
        return new Transform(Kind.IDENTITY, 0);
    }

    /** The back-transformation metafor users apply for {@code measure}; {@code ni} is needed for PFT. */
    public static Transform forMeasure(EffectMeasure measure, int[] ni) {
        return switch (measure) {
            case OR, RR, PLN, ROM, HR -> new Transform(Kind.EXP, 0);
            case PLO -> new Transform(Kind.ILOGIT, 0);
            case PAS -> new Transform(Kind.IARCSIN, 0);
            case PFT -> {
                if (ni.length == 0) {
                    throw new IllegalArgumentException("PFT back-transformation needs the sample sizes ni");
                }
                double s = 0;
                for (int n : ni) {
                    s += 1.0 / n;
                }
                yield new Transform(Kind.IPFT_HM, ni.length / s);
            }
            case PR, RD, MD, SMD, GEN -> identity();
        };
    }

    /** Applies the back-transformation (increasing in x). */
    public double apply(double x) {
        return switch (kind) {
            case IDENTITY -> x;
            case EXP -> Math.exp(x);
            case ILOGIT -> x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
            case IARCSIN -> x < 0 ? 0 : x > Math.asin(1) ? 1 : Math.pow(Math.sin(x), 2);
            case IPFT_HM -> ipft(x, harmonicMeanN);
        };
    }

    /** Freeman-Tukey transformation of a proportion p for sample size n, as {@code transf.pft}. */
    static double pft(double p, double n) {
        double x = p * n;
        return 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
    }

    private static double ipft(double x, double n) {
        if (x > pft(1, n)) {
            return 1;
        }
        if (x < pft(0, n)) {
            return 0;
        }
        double s = Math.sin(2 * x);
        double inner = s + (s - 1 / s) / n;
        return 0.5 * (1 - Math.signum(Math.cos(2 * x)) * Math.sqrt(1 - inner * inner));
    }
}
