package org.trialmeta.check;

import java.util.Optional;
import org.trialmeta.model.PValue;
import org.trialmeta.stats.ratio.LogRatioCi;

/**
 * Whether a p-value printed with a ratio and its CI agrees with the p-value the CI implies: rule
 * {@link Rule#P_FROM_CI} for callers outside the check (e.g. {@code hr-from-summary} given both a CI and a p).
 * The printed decimals are read from the values, as for a trial file.
 *
 * @param severity info when they agree, warning or error as the rule says (see {@link RatioVerdicts})
 * @param pFromCi  the two-sided p-value the CI implies (Wald, Altman and Bland, BMJ 2011;343:d2304)
 * @param message  the rule's finding in one sentence
 */
public record PValueAgreement(Severity severity, double pFromCi, String message) {

    /** Whether the printed p agrees with the CI (an info finding). */
    public boolean agrees() {
        return severity == Severity.INFO;
    }

    /** A p-value as the check prints it: "0.03"; "1e-16" when it has more than 15 decimals. */
    public static String printed(double p) {
        return Printed.of(p).text();
    }

    /**
     * The agreement of {@code p} with {@code ratio} and its CI at {@code levelPercent}; empty when the CI has no
     * width or does not contain the ratio (then no p-value follows from it).
     */
    public static Optional<PValueAgreement> of(double ratio, double lower, double upper, double levelPercent, PValue p) {
        Printed r = Printed.of(ratio);
        Printed l = Printed.of(lower);
        Printed u = Printed.of(upper);
        return RatioVerdicts.pFromCi("HR", r, l, u, levelPercent, ReportedP.of(p))
                .map(v -> new PValueAgreement(v.severity(), LogRatioCi.pValue(ratio, lower, upper, levelPercent / 100),
                        v.message()));
    }
}
