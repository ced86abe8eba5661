package org.trialmeta.analysis;

import java.util.List;
import org.trialmeta.model.InputException;
import org.trialmeta.stats.meta.Cumulative;
import org.trialmeta.stats.meta.EffectSizes;
import org.trialmeta.stats.meta.FitResult;
import org.trialmeta.stats.meta.Influence;
import org.trialmeta.stats.meta.LeaveOneOut;
import org.trialmeta.stats.meta.MetaAnalysis;
import org.trialmeta.stats.meta.NotConvergedException;

/**
 * A sensitivity analysis of a study table, as {@code sensitivity} runs it on {@code res <- rma(yi, vi, method =,
 * test =, level =)}: metafor's {@code leave1out(res)}, {@code influence(res)} or {@code cumul(res)} (input order).
 *
 * @param input      the studies
 * @param mode       which analysis
 * @param options    the model's settings
 * @param fits       leave-one-out or cumulative fits, one per study (empty for influence), each made when it is read
 *                   (each read fits again; see {@link LeaveOneOut#run}); a fit that did not converge is a
 *                   {@link org.trialmeta.stats.meta.NotConverged}, reported as not estimable
 * @param influence  influence diagnostics, one per study (empty otherwise)
 */
public record SensitivityAnalysis(PoolInput input, Mode mode, MetaAnalysis.Options options, List<FitResult> fits,
        List<Influence.Row> influence) {

    /** The three analyses. */
    public enum Mode { LEAVE_ONE_OUT, INFLUENCE, CUMULATIVE }

    /**
     * Runs {@code mode}.
     *
     * @param options method, test and level (measure and transformation come from the studies)
     * @param file    the input's name, for messages
     * @throws InputException (one line naming the file) for a single study (leave-one-out, influence) or a model
     *     that does not converge (influence)
     */
    public static SensitivityAnalysis of(PoolInput input, Mode mode, MetaAnalysis.Options options, String file) {
        EffectSizes es = input.effectSizes();
        MetaAnalysis.Options o = MetaAnalysis.Options.defaults(es).withMethod(options.method()).withTest(options.test())
                .withLevel(options.level()).withTau2Ci(false);
        int k = es.yi().length;
        if (k < 2 && mode != Mode.CUMULATIVE) {
            throw new InputException(file + ": 1 study (" + (mode == Mode.INFLUENCE ? "influence diagnostics" : "leave-one-out")
                    + " needs at least 2)");
        }
        try {
            return switch (mode) {
                case LEAVE_ONE_OUT -> new SensitivityAnalysis(input, mode, o, LeaveOneOut.run(es.yi(), es.vi(), o), List.of());
                case CUMULATIVE -> new SensitivityAnalysis(input, mode, o, Cumulative.run(es.yi(), es.vi(), o), List.of());
                case INFLUENCE -> new SensitivityAnalysis(input, mode, o, List.of(), Influence.run(es.yi(), es.vi(), o));
            };
        } catch (NotConvergedException e) {
            throw new InputException(file + ": " + e.getMessage() + "; no estimate is given (try --method DL or PM)");
        }
    }
}
