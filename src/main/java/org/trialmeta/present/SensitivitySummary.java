package org.trialmeta.present;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.trialmeta.analysis.SensitivityAnalysis;
import org.trialmeta.stats.meta.FitResult;
import org.trialmeta.stats.meta.Heterogeneity;
import org.trialmeta.stats.meta.Influence;
import org.trialmeta.stats.meta.MetaAnalysisResult;

/**
 * What {@code sensitivity} reports (its JSON contract; snake_case keys, {@code null} where not estimable): one of
 * {@code leave_one_out}, {@code influence} or {@code cumulative}, one row per study in input order, as metafor's
 * {@code leave1out}, {@code influence} ({@code cook.d → cook_d}, {@code QE.del → q_del}, {@code inf} as a boolean)
 * and {@code cumul}. A fit that did not converge gives a row of nulls. Where metafor reports a number that is not
 * defined, null is given: tau² of FE fits in leave-one-out and cumulative (metafor leaves the column out), I² and Q of
 * a fit of one study (metafor: 0).
 *
 * @param measure      effect measure
 * @param method       tau² estimator of the model
 * @param test         z or knha
 * @param level        confidence level in percent
 * @param k            number of studies
 * @param leaveOneOut  with {@code --leave-one-out}
 * @param influence    with {@code --influence}
 * @param cumulative   with {@code --cumulative}
 */
public record SensitivitySummary(String measure, String method, String test, double level, int k,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<LeaveOneOutRow> leaveOneOut,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<InfluenceRow> influence,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CumulativeRow> cumulative) {

    /** The fit without {@code study}. */
    public record LeaveOneOutRow(String study, Double estimate, Double se, Double ciLower, Double ciUpper, Double tau2,
            Double i2, Double q) {
    }

    /** The diagnostics of {@code study}; {@code inf} is metafor's "*" flag. */
    public record InfluenceRow(String study, Double rstudent, Double dffits, Double cookD, Double covR, Double tau2Del,
            Double qDel, Double hat, Double weight, boolean inf) {
    }

    /** The fit of the studies up to and including {@code study}. */
    public record CumulativeRow(String study, Double estimate, Double ciLower, Double ciUpper, Double tau2, Double i2) {
    }

    /** The summary of a {@code sensitivity} analysis. */
    public static SensitivitySummary of(SensitivityAnalysis a) {
        List<String> names = a.input().names();
        boolean fe = a.options().method().isFixedEffect();
        List<LeaveOneOutRow> loo = null;
        List<InfluenceRow> inf = null;
        List<CumulativeRow> cum = null;
        switch (a.mode()) {
            case LEAVE_ONE_OUT -> loo = rows(a.fits(), (i, r) -> r == null
                    ? new LeaveOneOutRow(names.get(i), null, null, null, null, null, null, null)
                    : new LeaveOneOutRow(names.get(i), r.estimate(), r.se(), r.ci().lower(), r.ci().upper(),
                            fe ? null : r.tau2(), i2(r), r.heterogeneity().map(Heterogeneity::q).orElse(null)));
            case CUMULATIVE -> cum = rows(a.fits(), (i, r) -> r == null
                    ? new CumulativeRow(names.get(i), null, null, null, null, null)
                    : new CumulativeRow(names.get(i), r.estimate(), r.ci().lower(), r.ci().upper(),
                            fe ? null : r.tau2(), i2(r)));
            case INFLUENCE -> {
                inf = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    Influence.Row r = a.influence().get(i);
                    inf.add(new InfluenceRow(names.get(i), d(r.rstudent()), d(r.dffits()), d(r.cookD()), d(r.covR()),
                            d(r.tau2Deleted()), d(r.qDeleted()), r.hat(), r.weight(), r.influential()));
                }
            }
        }
        return new SensitivitySummary(a.options().measure().name(), a.options().method().label(),
                a.options().test().label(), PoolSummary.percent(a.options().level()), names.size(), loo, inf, cum);
    }

    /**
     * One row per fit, in order: {@code row} is given the fit's index and its result (null when it did not converge).
     * The fits are made when read ({@code LeaveOneOut}, {@code Cumulative}): each once, on every core, and only the
     * rows are kept.
     */
    private static <T> List<T> rows(List<FitResult> fits, BiFunction<Integer, MetaAnalysisResult, T> row) {
        return IntStream.range(0, fits.size()).parallel()
                .mapToObj(i -> row.apply(i, fits.get(i) instanceof MetaAnalysisResult m ? m : null)).toList();
    }

    private static Double i2(MetaAnalysisResult r) {
        return r.heterogeneity().map(Heterogeneity::i2).orElse(null);
    }

    private static Double d(OptionalDouble o) {
        return o.isPresent() ? o.getAsDouble() : null;
    }
}
