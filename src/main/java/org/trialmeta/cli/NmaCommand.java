package org.trialmeta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trialmeta.analysis.NmaAnalysis;
import org.trialmeta.analysis.NmaInput;
import org.trialmeta.model.InputException;
import org.trialmeta.present.NmaSummary;
import org.trialmeta.present.NmaText;
import org.trialmeta.report.FigureWriter;
import org.trialmeta.report.NmaFigures;
import org.trialmeta.repository.AtomicFiles;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.nma.NmaModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta nma}: contrast-based network meta-analysis (as metafor's {@code rma.mv} and netmeta's
 * {@code netmeta}, {@code netrank}, {@code decomp.design}, {@code netsplit}, {@code netcomb}). Parse →
 * {@link NmaAnalysis} → {@link NmaSummary} → text or JSON, and the figures and league table asked for.
 */
@Command(
        name = "nma",
        mixinStandardHelpOptions = true,
        description = {
            "Network meta-analysis of studies with any number of arms (as R metafor rma.mv / netmeta).",
            "CSV rows per arm: study,treatment,events,n (OR, RR, RD) or study,treatment,mean,sd,n (MD, SMD);",
            "  or per contrast: study,treatment_1,treatment_2,yi,vi (yi on the analysis scale, e.g. log OR) or",
            "  study,treatment_1,treatment_2,hr,ci_lower,ci_upper (HR); a multi-arm study gives every pair.",
            "Treatments named 'A + B' also get the additive component model (netcomb)."
        })
public final class NmaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOption input;

    /** The measures nma takes. */
    private static final List<EffectMeasure> MEASURES = List.of(EffectMeasure.OR, EffectMeasure.RR, EffectMeasure.RD,
            EffectMeasure.MD, EffectMeasure.SMD, EffectMeasure.HR, EffectMeasure.GEN);

    @Option(names = "--measure", required = true, paramLabel = "OR|RR|RD|MD|SMD|HR|GEN",
            description = "Effect measure.")
    String measureText;

    @Option(names = "--reference", paramLabel = "TREATMENT",
            description = "Reference treatment. Default: the first treatment in sorted order.")
    String reference;

    @Option(names = "--model", defaultValue = "random", paramLabel = "fixed|random",
            description = "fixed (common effect) or random (common tau^2, REML). Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--small-values", defaultValue = "good", paramLabel = "good|bad",
            description = "Whether small values are good (e.g. an odds ratio of death), for the P-scores. "
                    + "Default: ${DEFAULT-VALUE}.")
    String smallValues;

    @Option(names = "--inactive", paramLabel = "COMPONENT",
            description = "Inactive component of the additive component model (e.g. placebo).")
    String inactive;

    @Mixin
    LevelOption level;

    @Mixin
    FormatOption format;

    @Mixin
    RowsOption rows;

    @Option(names = "--plot", paramLabel = "FILE", description = "Network graph: FILE.png, .svg, .pdf or .pptx.")
    Path plot;

    @Mixin
    PaletteOption palette;

    @Option(names = "--forest", paramLabel = "FILE", description = "Forest plot vs the reference: .png, .svg or .pdf.")
    Path forest;

    @Option(names = "--league", paramLabel = "FILE", description = "League table: FILE.csv or FILE.md.")
    Path league;

    @Override
    public Integer call() {
        org.trialmeta.present.RowLimit limit = rows.limit();
        // read here, not by picocli, whose error would list every measure of pool, most of which nma does not take
        EffectMeasure measure = MEASURES.stream().filter(e -> e.name().equalsIgnoreCase(measureText.strip()))
                .findFirst().orElseThrow(() -> new InputException("--measure: '"
                        + org.trialmeta.repository.Messages.value(measureText) + "' (allowed: "
                        + String.join(", ", MEASURES.stream().map(Enum::name).toList()) + ")"));
        NmaModel m = switch (model.strip().toLowerCase(Locale.ROOT)) {
            case "fixed", "common" -> NmaModel.FIXED;
            case "random" -> NmaModel.RANDOM;
            default -> throw new InputException("--model: '" + model + "' (allowed: fixed, random)");
        };
        boolean smallGood = switch (smallValues.strip().toLowerCase(Locale.ROOT)) {
            case "good" -> true;
            case "bad" -> false;
            default -> throw new InputException("--small-values: '" + smallValues + "' (allowed: good, bad)");
        };
        format.validate();
        org.trialmeta.report.Palette colours = palette.palette();
        FigureWriter.Format plotFormat = figureFormat("--plot", plot);
        FigureWriter.Format forestFormat = figureFormat("--forest", forest);
        boolean leagueCsv = league != null && leagueIsCsv();
        OutputPaths.notAnInput("--league", league, "--input", input.file);
        OutputPaths.distinct(List.of(new OutputPaths.Output("--plot", plot), new OutputPaths.Output("--forest", forest),
                new OutputPaths.Output("--league", league)));
        NmaInput in = NmaInput.read(input.read(), measure);
        NmaAnalysis.Settings settings = new NmaAnalysis.Settings(m, reference, smallGood, level.fraction(),
                Optional.ofNullable(inactive));
        NmaSummary summary = NmaSummary.of(NmaAnalysis.run(in, settings, input.file.toString()));
        PrintWriter err = spec.commandLine().getErr();
        if (plot != null) {
            FigureFiles.write(NmaFigures.networkGraph(summary, colours), List.of(plot), List.of(plotFormat),
                    FigureWriter.DEFAULT_DPI, err);
        }
        if (forest != null) {
            FigureFiles.write(NmaFigures.forest(summary), List.of(forest), List.of(forestFormat),
                    FigureWriter.DEFAULT_DPI, err);
        }
        if (league != null) {
            AtomicFiles.writeString(league, leagueCsv ? NmaFigures.leagueCsv(summary)
                    : NmaFigures.leagueMarkdown(summary));
            err.println("trialmeta: wrote " + league);
        }
        format.stream(spec.commandLine().getOut(), summary, (s, out) -> out.print(NmaText.render(s, limit)));
        return ExitCodes.OK;
    }

    /** The format of a figure file (null when not asked for), never the input; exit 2 with one line. */
    private FigureWriter.Format figureFormat(String option, Path file) {
        return file == null ? null : FigureFiles.formats(option, List.of(file), "--input", input.file).get(0);
    }

    /** Whether {@code --league} is CSV (else Markdown); exit 2 with one line for another extension. */
    private boolean leagueIsCsv() {
        String name = league.getFileName() == null ? "" : league.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".md")) {
            throw new InputException("--league: '" + league + "' (the file must end in .csv or .md)");
        }
        return name.endsWith(".csv");
    }
}
