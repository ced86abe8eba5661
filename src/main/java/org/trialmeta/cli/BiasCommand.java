package org.trialmeta.cli;

import java.util.concurrent.Callable;
import org.trialmeta.analysis.BiasAnalysis;
import org.trialmeta.analysis.PoolInput;
import org.trialmeta.present.BiasSummary;
import org.trialmeta.present.BiasText;
import org.trialmeta.present.PoolText;
import org.trialmeta.report.FigureWriter;
import org.trialmeta.report.FunnelPlot;
import org.trialmeta.report.FunnelPlotData;
import org.trialmeta.stats.meta.Tau2Estimator;
import org.trialmeta.stats.meta.TrimAndFill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta bias}: small-study effects of a CSV of studies, as metafor's {@code regtest(res, model = "rma",
 * predictor = "sei")}, {@code ranktest(res)}, {@code trimfill(res)} and {@code fsn(yi, vi)} on
 * {@code res <- rma(escalc(...), method = )}, with an optional funnel plot. Parse → {@link BiasAnalysis} →
 * {@link BiasSummary} → text or JSON (and {@link FunnelPlot}).
 */
@Command(
        name = "bias",
        mixinStandardHelpOptions = true,
        description = {
            "Small-study effects (publication bias): regression test with the limit estimate, rank correlation test,"
                    + " trim and fill (L0), Rosenthal's fail-safe N, as R metafor's regtest, ranktest, trimfill, fsn.",
            "CSV columns as pool: study,ai,n1i,ci,n2i (OR, RR, RD); study,xi,ni (proportions); study,yi,vi (GEN).",
            "The model uses the z-test and 95%% levels (metafor's trimfill refits with these)."
        })
public final class BiasCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    FormatOption format;

    @Mixin
    PlotOption plot;

    @Mixin
    PaletteOption palette;

    @Override
    public Integer call() {
        Tau2Estimator m = model.estimator();
        format.validate();
        FigureWriter.Format plotFormat = plot.requested() ? plot.format(model.input.file) : null;
        org.trialmeta.report.Palette colours = palette.palette();
        PoolInput studies = model.studies(model.table());
        BiasAnalysis analysis = BiasAnalysis.of(studies, m, model.file());
        BiasSummary summary = BiasSummary.of(analysis);
        if (plot.requested()) {
            plot.write(new FunnelPlot(funnel(analysis), FunnelPlot.DEFAULT_STYLE.withPalette(colours)), plotFormat,
                    spec.commandLine().getErr());
        }
        format.print(spec.commandLine().getOut(), summary, BiasText::render);
        return ExitCodes.OK;
    }

    /** The funnel plot of the studies and the filled ones, centred on the trim-and-fill estimate. */
    static FunnelPlotData funnel(BiasAnalysis a) {
        double[] vi = a.es().vi();
        double[] sei = new double[vi.length];
        for (int i = 0; i < vi.length; i++) {
            sei[i] = Math.sqrt(vi[i]);
        }
        TrimAndFill.Result t = a.trimfill();
        String scale = PoolText.scale(a.model().measure());
        String label = Character.toUpperCase(scale.charAt(0)) + scale.substring(1);
        if (t == null) {
            return new FunnelPlotData(label, a.es().yi(), sei, new double[0], new double[0], a.model().estimate(),
                    "Trim and fill: not estimable (every study has the same sampling variance); line at the pooled"
                            + " estimate");
        }
        double[] fv = t.filledVi();
        double[] fs = new double[fv.length];
        for (int i = 0; i < fv.length; i++) {
            fs[i] = Math.sqrt(fv[i]);
        }
        String note = t.k0() == 0 ? "Trim and fill: no study filled; line at the pooled estimate"
                : "Trim and fill: " + t.k0() + (t.k0() == 1 ? " study" : " studies") + " filled on the "
                        + t.side().label() + " (open circles); line at the adjusted estimate";
        return new FunnelPlotData(label, a.es().yi(), sei, t.filledYi(), fs, t.fit().estimate(), note);
    }
}
