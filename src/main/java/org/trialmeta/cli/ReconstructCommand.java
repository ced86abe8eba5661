package org.trialmeta.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialmeta.analysis.ArmSpec;
import org.trialmeta.analysis.ReconstructFit;
import org.trialmeta.analysis.ReconstructInput;
import org.trialmeta.analysis.ReconstructOptions;
import org.trialmeta.analysis.ReportedFigures;
import org.trialmeta.model.InputException;
import org.trialmeta.present.ReconstructSummary;
import org.trialmeta.present.ReconstructText;
import org.trialmeta.report.FigureWriter;
import org.trialmeta.report.KaplanMeierFigure;
import org.trialmeta.repository.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta reconstruct}: patient data from digitised KM curves (Guyot et al. 2012), one or two arms. Parse →
 * {@link ReconstructInput} per arm → {@link ReconstructFit} → the CSV files, the figure, and a
 * {@link ReconstructSummary} as text or JSON. docs/reconstruct.md.
 */
@Command(name = "reconstruct", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reconstruct individual patient data from digitised Kaplan-Meier curves and their numbers-at-risk"
                + " tables (Guyot et al. 2012, BMC Med Res Methodol 12:9); with two arms also the Cox HR and log-rank"
                + " test of the rebuilt data. Digitising errors are repaired and listed; see docs/reconstruct.md.",
            "Points: time,survival (CSV with header, or WebPlotDigitizer's x,y export; ';' with decimal commas)."
                + " At risk: time,n_risk (first row at time 0; a single row is the number of patients)."})
public final class ReconstructCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--curve", paramLabel = "POINTS.csv", description = "One curve's digitised points (or use --arm).")
    Path curve;

    @Option(names = "--at-risk", paramLabel = "RISK.csv", description = "Its numbers at risk; a single row (0,N) "
            + "gives only the number of patients.")
    Path atRisk;

    @Option(names = "--total-events", paramLabel = "N", description = "Reported total of events of --curve.")
    Integer totalEvents;

    @Option(names = "--arm", paramLabel = ArmSpec.FORM, description = "An arm (give one or two); the first is compared"
            + " against the second.")
    List<String> arms = new ArrayList<>();

    @Option(names = "--scale", defaultValue = "auto", paramLabel = "auto|proportion|percent",
            description = "Survival axis: 0-1, 0-100, or detected (default: ${DEFAULT-VALUE}; said in the output).")
    String scale;

    @Option(names = "--clicks", defaultValue = "auto", paramLabel = "auto|corners|feet", description = "How the curves"
            + " were clicked: both corners of each drop (a drop whose foot has no click is then completed), its foot"
            + " only, or detected per curve (default: ${DEFAULT-VALUE}; said in the output; docs/reconstruct.md).")
    String clicks;

    @Option(names = "--strict", description = "Refuse input that needs any repair, instead of repairing and listing.")
    boolean strict;

    @Option(names = "--tolerance", paramLabel = "SURV,TIME", defaultValue = "0.02,0.02", description = "Digitising"
            + " error: in survival, in time as a fraction of the axis (default: ${DEFAULT-VALUE}; docs/reconstruct.md).")
    String tolerance;

    @Option(names = "--repairs", paramLabel = "FILE.csv", description = "Write every repair, one row per point.")
    Path repairs;

    @Option(names = "--reported-hr", paramLabel = "HR,LOWER,UPPER", description = "The paper's HR, to compare.")
    String reportedHr;

    @Option(names = "--reported-median", paramLabel = "[ARM=]M[,L,U]", description = "The paper's median (NR: not"
            + " reached), to compare; repeatable.")
    List<String> reportedMedians = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "IPD.csv", description = "Output: time,event (arm,time,event"
            + " with two arms).")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the reconstructed curves (.png, .svg, .pdf or .pptx).")
    Path plot;

    @Mixin
    PaletteOption palette;

    @Option(names = "--tau", paramLabel = "TIME", description = "RMST limit (default: the earliest last time of the"
            + " arms).")
    Double tau;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0", description = "Bootstrap replicates including"
            + " digitisation error (0: none).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Bootstrap seed (default: 1).")
    long seed;

    @Option(names = "--point-sd", paramLabel = "SURV,TIME", defaultValue = "0.005,0.003", description = "Bootstrap error"
            + " of a point: SD in survival, SD in time as a fraction of the last time (default: ${DEFAULT-VALUE}).")
    String pointSd;

    @Mixin
    LevelOption level;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        format.validate();
        List<ArmSpec> specs = ReconstructOptions.arms(arms, curve, atRisk, totalEvents);
        List<OutputPaths.Output> outputs = List.of(new OutputPaths.Output("--out", out),
                new OutputPaths.Output("--repairs", repairs), new OutputPaths.Output("--plot", plot));
        for (ArmSpec a : specs) {
            String curveOption = arms.isEmpty() ? "--curve" : "--arm " + a.name();
            String riskOption = arms.isEmpty() ? "--at-risk" : "--arm " + a.name();
            for (OutputPaths.Output o : outputs) {
                OutputPaths.notAnInput(o.option(), o.file(), curveOption, a.curve());
                OutputPaths.notAnInput(o.option(), o.file(), riskOption, a.atRisk());
            }
        }
        OutputPaths.distinct(outputs);
        OptionChecks.timeLimit("--tau", tau);
        if (bootstrap != 0 && (bootstrap < 10 || bootstrap > 100_000)) {
            throw new InputException("--bootstrap: " + bootstrap + " (must be 0, or between 10 and 100000)");
        }
        FigureWriter.Format plotFormat = plot == null ? null : FigureFiles.formats("--plot", List.of(plot), "--curve").get(0);
        org.trialmeta.report.Palette colours = palette.palette();
        List<String> names = specs.stream().map(ArmSpec::name).toList();
        if (reportedHr != null && specs.size() != 2) {
            throw new InputException("--reported-hr needs two arms (--arm twice)");
        }
        ReportedFigures reported = ReportedFigures.parse(reportedHr, reportedMedians, names);
        ReconstructFit.Settings settings = new ReconstructFit.Settings(
                ReconstructOptions.scale(scale), ReconstructOptions.clicks(clicks), ReconstructOptions.tolerance(tolerance),
                strict, level.fraction(), tau, bootstrap, seed, ReconstructOptions.errorModel(pointSd));
        List<ReconstructInput> inputs = specs.stream().map(ReconstructInput::read).toList();
        ReconstructFit fit = ReconstructFit.of(inputs, settings, reported);
        ReconstructSummary summary = ReconstructSummary.of(fit, out);
        AtomicFiles.writeString(out, ReconstructText.ipdCsv(summary.arms().stream().map(ReconstructSummary.Arm::arm)
                .toList(), fit.arms().stream().map(ReconstructFit.Arm::ipd).toList()));
        if (repairs != null) {
            AtomicFiles.writeString(repairs, ReconstructText.repairsCsv(summary));
        }
        if (plot != null) {
            FigureWriter.write(KaplanMeierFigure.figure(
                    KaplanMeierFigure.Options.plain("", "Survival probability (reconstructed)", ""),
                    summary.arms().stream().map(ReconstructSummary.Arm::arm).toList(),
                    fit.arms().stream().map(ReconstructFit.Arm::km).toList(),
                    org.trialmeta.report.FigureStyle.JOURNAL_PAGE.withPalette(colours)), plot, plotFormat);
        }
        format.print(spec.commandLine().getOut(), summary, ReconstructText::render);
        return ExitCodes.OK;
    }
}
