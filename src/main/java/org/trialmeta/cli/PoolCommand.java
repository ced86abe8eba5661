package org.trialmeta.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.List;
import org.trialmeta.analysis.PoolBatch;
import org.trialmeta.present.PoolBatchSummary;
import org.trialmeta.present.PoolSummary;
import org.trialmeta.present.PoolText;
import org.trialmeta.analysis.RevManAnalysis;
import org.trialmeta.model.InputException;
import org.trialmeta.present.RevManSummary;
import org.trialmeta.present.RevManText;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.analysis.PoolInput;
import org.trialmeta.repository.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta pool}: meta-analysis of a CSV of studies, as metafor's
 * {@code rma(escalc(...), method=, test=, level=)} with {@code predict} and {@code confint}, or {@code rma.mh},
 * {@code rma.peto} and {@code rma.glmm(measure = "PLO")}. Parse → {@link org.trialmeta.analysis.PoolFit} → {@link PoolSummary} → text or JSON.
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
    PoolOptions pool;

    @Option(names = "--by", paramLabel = "COLUMN",
            description = "Pool the rows of each value of COLUMN as their own meta-analysis (one result per group, "
                    + "all cores; a group that cannot be fitted is reported and the others go on). With --format csv: "
                    + "one row per analysis.")
    String by;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also draw the forest plot (as 'trialmeta forest' with its defaults) to FILE: "
                    + ".png, .svg, .pdf or .pptx.")
    java.nio.file.Path plot;

    @Option(names = "--compat", paramLabel = "revman5",
            description = "revman5: RevMan 5's algorithms and output (as 'trialmeta revman'): --method MH, MH-DL "
                    + "(M-H random), IV or FE, DL (IV random), PETO; default MH for OR/RR/RD, IV otherwise.")
    String compat;

    @Mixin
    FormatOption format;

    @Mixin
    RowsOption rows;

    @Override
    public Integer call() {
        if (compat != null) {
            return revman5();
        }
        org.trialmeta.present.RowLimit limit = rows.limit();
        String file = pool.input.file.toString();
        PrintWriter out = spec.commandLine().getOut();
        if (by != null) {
            PoolOptions.Prepared p = pool.prepare();
            OutputFormat f = format.format(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV);
            String[] values = p.table().requireColumns(by).labels(by);
            // each group's summary (or CSV row) is made on the core that fitted it; the fits are not all kept
            switch (f) {
                case JSON -> {
                    // many groups: each fitted when the JSON writer's chunks read it, on every core, so that only the
                    // chunks being written are kept; fewer: fitted on every core first
                    List<PoolBatchSummary.Analysis> lazy = PoolBatch.lazy(p.studies(), values, p.settings(), p.groups(),
                            file, PoolBatchSummary::analysis);
                    FormatOption.json(out, new PoolBatchSummary(lazy.size() >= Json.PARALLEL_LIST_MIN ? lazy
                            : PoolBatch.all(lazy)));
                }
                case CSV -> PoolBatchSummary.writeCsv(PoolBatch.lazy(p.studies(), values, p.settings(), p.groups(),
                        file, PoolBatchSummary::csvRow), out);
                default -> PoolBatchSummary.writeText(PoolBatch.run(p.studies(), values, p.settings(), p.groups(),
                        file, PoolBatchSummary::textRow), limit, out);
            }
            out.flush();
        } else {
            format.validate();
            PoolSummary summary = summarise(file);
            format.stream(out, summary, (s, o) -> PoolText.render(s, limit, o));
        }
        return ExitCodes.OK;
    }

    /**
     * Reads, fits and (with {@code --plot}) draws, returning only the summary: the CSV table and the inputs are no
     * longer reachable while a large summary is written (10⁶ studies: about 55 MB less live data).
     */
    private PoolSummary summarise(String file) {
        PoolOptions.Prepared p = pool.prepare();
        PoolSummary summary = PoolSummary.of(p.fit(file));
        if (plot != null) {
            ForestCommand.draw(summary, p, ForestCommand.defaults(), "--plot", java.util.List.of(plot), spec);
        }
        return summary;
    }

    /** {@code --compat revman5}: the CSV as one RevMan analysis ({@link RevManAnalysis#fromPool}). */
    private int revman5() {
        if (!compat.strip().equalsIgnoreCase("revman5")) {
            throw new InputException("--compat: '" + compat + "' (allowed: revman5)");
        }
        format.validate();
        CsvTable table = pool.input.read();
        PoolInput studies = PoolInput.read(table, pool.measure);
        String[] groups = pool.subgroup == null ? null : table.requireColumns(pool.subgroup).labels(pool.subgroup);
        String m = spec.commandLine().getParseResult().hasMatchedOption("--method") ? pool.method : null;
        RevManSummary s = RevManSummary.of("", List.of(RevManAnalysis.fromPool(studies, groups, m, pool.level.fraction(),
                pool.input.file.toString())), null);
        format.print(spec.commandLine().getOut(), s, RevManText::render);
        return ExitCodes.OK;
    }
}
