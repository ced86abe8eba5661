package org.trialmeta.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.List;
import org.trialmeta.analysis.PoolBatch;
import org.trialmeta.analysis.PoolFit;
import org.trialmeta.analysis.PoolInput;
import org.trialmeta.analysis.PoolMethod;
import org.trialmeta.analysis.PoolSettings;
import org.trialmeta.analysis.RevManAnalysis;
import org.trialmeta.model.InputException;
import org.trialmeta.present.PoolBatchSummary;
import org.trialmeta.present.PoolSummary;
import org.trialmeta.present.PoolText;
import org.trialmeta.present.RevManSummary;
import org.trialmeta.present.RevManText;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.repository.Json;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.TestType;
import org.trialmeta.stats.meta.ZeroCellCorrection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta pool}: meta-analysis of a CSV of studies, as metafor's
 * {@code rma(escalc(...), method=, test=, level=)} with {@code predict} and {@code confint}, or {@code rma.mh} and
 * {@code rma.peto}. Parse → {@link PoolFit} → {@link PoolSummary} → text or JSON.
 */
@Command(
        name = "pool",
        mixinStandardHelpOptions = true,
        description = {
            "Pool study results (fixed or random effects, as R metafor's escalc + rma).",
            "CSV columns: study,ai,n1i,ci,n2i or study,events_1,total_1,events_2,total_2 (OR, RR, RD);",
            "  study,xi,ni (PLO, PFT, PAS, PR, PLN); study,m1i,sd1i,n1i,m2i,sd2i,n2i or",
            "  study,mean_1,sd_1,total_1,mean_2,sd_2,total_2 (MD, SMD, ROM);",
            "  study,hr,ci_lower,ci_upper[,level] or study,loghr,se or study,o_minus_e,v (HR); study,yi,vi (GEN).",
            "Zero cells: 1/2 added to the cells of studies with a zero (metafor's default; none for PAS, PFT)."
        })
public final class PoolCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOption input;

    @Option(names = "--measure", required = true, paramLabel = "MEASURE",
            description = "Effect measure: ${COMPLETION-CANDIDATES}.")
    EffectMeasure measure;

    @Option(names = "--method", defaultValue = "REML", paramLabel = "METHOD",
            description = "FE (fixed effects), tau^2 estimator DL, HE, HS, HSk, SJ, ML, REML, EB, PM, "
                    + "or MH (Mantel-Haenszel), PETO. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--test", defaultValue = "z", paramLabel = "z|knha",
            description = "z (normal) or knha (Knapp-Hartung, t with k-1 df). Default: ${DEFAULT-VALUE}.")
    String test;

    @Mixin
    LevelOption level;

    @Option(names = "--subgroup", paramLabel = "COLUMN",
            description = "Column naming each study's subgroup: pooled estimate per subgroup and the test for subgroup differences.")
    String subgroup;

    @Option(names = "--add", paramLabel = "X",
            description = "Constant added to zero cells (escalc add); default 0.5 (0 for PAS and PFT).")
    Double add;

    @Option(names = "--to", paramLabel = "only0|all|if0all|none",
            description = "Which studies get --add (escalc to): only0 (default), all, if0all, none.")
    String to;

    @Option(names = "--drop00", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Leave double-zero studies out of the study-level estimates (escalc drop00); "
                    + "default false, true for MH and PETO.")
    Boolean drop00;

    @Option(names = "--by", paramLabel = "COLUMN",
            description = "Pool the rows of each value of COLUMN as their own meta-analysis (one result per group, "
                    + "all cores; a group that cannot be fitted is reported and the others go on). With --format csv: "
                    + "one row per analysis.")
    String by;

    @Option(names = "--compat", paramLabel = "revman5",
            description = "revman5: RevMan 5's algorithms and output (as 'trialmeta revman'): --method MH, MH-DL "
                    + "(M-H random), IV or FE, DL (IV random), PETO; default MH for OR/RR/RD, IV otherwise.")
    String compat;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        if (compat != null) {
            return revman5();
        }
        TestType testType = TestType.fromLabel(test)
                .orElseThrow(() -> new InputException("--test: unknown test '" + test + "' (allowed: z, knha)"));
        double lev = level.fraction();
        PoolMethod m = PoolMethod.parse("--method", method);
        CsvTable table = input.read();
        PoolInput studies = PoolInput.read(table, measure);
        String[] groups = subgroup == null ? null : table.requireColumns(subgroup).strings(subgroup);
        PoolSettings settings = new PoolSettings(m, testType, lev, correction(), Optional.ofNullable(drop00));
        PrintWriter out = spec.commandLine().getOut();
        if (by != null) {
            FormatOption.Format f = format.format(FormatOption.Format.TABLE, FormatOption.Format.JSON, FormatOption.Format.CSV);
            String[] values = table.requireColumns(by).strings(by);
            PoolBatchSummary batch = PoolBatchSummary.of(PoolBatch.run(studies, values, settings, groups, input.file.toString()));
            switch (f) {
                case JSON -> Json.write(batch, out);
                case CSV -> batch.writeCsv(out);
                default -> out.print(batch.text());
            }
        } else {
            PoolSummary summary = PoolSummary.of(PoolFit.of(studies, settings, groups, input.file.toString()));
            if (format.json()) {
                Json.write(summary, out);
            } else {
                out.print(PoolText.render(summary));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code --compat revman5}: the CSV as one RevMan analysis ({@link RevManAnalysis#fromPool}). */
    private int revman5() {
        if (!compat.strip().equalsIgnoreCase("revman5")) {
            throw new InputException("--compat: '" + compat + "' (allowed: revman5)");
        }
        boolean json = format.json();
        CsvTable table = input.read();
        PoolInput studies = PoolInput.read(table, measure);
        String[] groups = subgroup == null ? null : table.requireColumns(subgroup).strings(subgroup);
        String m = spec.commandLine().getParseResult().hasMatchedOption("--method") ? method : null;
        RevManSummary s = RevManSummary.of("", List.of(RevManAnalysis.fromPool(studies, groups, m, level.fraction(),
                input.file.toString())), null);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.write(s) : RevManText.render(s));
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code --add}/{@code --to}, or empty for metafor's default of the measure. */
    private Optional<ZeroCellCorrection> correction() {
        if (add == null && to == null) {
            return Optional.empty();
        }
        ZeroCellCorrection d = ZeroCellCorrection.metaforDefault(measure);
        double a = add == null ? (d.add() > 0 ? d.add() : 0.5) : OptionChecks.nonNegativeFinite("--add", add);
        ZeroCellCorrection.To t = to == null ? ZeroCellCorrection.To.ONLY0 : switch (to.strip().toLowerCase(Locale.ROOT)) {
            case "only0" -> ZeroCellCorrection.To.ONLY0;
            case "all" -> ZeroCellCorrection.To.ALL;
            case "if0all" -> ZeroCellCorrection.To.IF0ALL;
            case "none" -> ZeroCellCorrection.To.NONE;
            default -> throw new InputException("--to: '" + to + "' (allowed: only0, all, if0all, none)");
        };
        return Optional.of(new ZeroCellCorrection(a, t));
    }
}
