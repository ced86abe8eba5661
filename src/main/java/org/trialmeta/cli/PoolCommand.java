package org.trialmeta.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.trialmeta.analysis.PoolBatch;
import org.trialmeta.present.PoolBatchSummary;
import org.trialmeta.present.PoolSummary;
import org.trialmeta.present.PoolText;
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

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        PoolOptions.Prepared p = pool.prepare();
        String file = pool.input.file.toString();
        PrintWriter out = spec.commandLine().getOut();
        if (by != null) {
            OutputFormat f = format.format(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV);
            String[] values = p.table().requireColumns(by).strings(by);
            PoolBatchSummary batch = PoolBatchSummary.of(PoolBatch.run(p.studies(), values, p.settings(), p.groups(), file));
            switch (f) {
                case JSON -> Json.write(batch, out);
                case CSV -> batch.writeCsv(out);
                default -> out.print(batch.text());
            }
        } else {
            boolean json = format.json();
            PoolSummary summary = PoolSummary.of(p.fit(file));
            if (plot != null) {
                ForestCommand.draw(summary, p, ForestCommand.defaults(), java.util.List.of(plot), spec);
            }
            if (json) {
                Json.write(summary, out);
            } else {
                out.print(PoolText.render(summary));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
