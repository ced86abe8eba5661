package org.trialmeta.cli;

import java.util.concurrent.Callable;
import org.trialmeta.analysis.PoolFit;
import org.trialmeta.analysis.PoolInput;
import org.trialmeta.analysis.PoolMethod;
import org.trialmeta.model.InputException;
import org.trialmeta.present.PoolSummary;
import org.trialmeta.present.PoolText;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.repository.Json;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.TestType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta pool}: meta-analysis of a CSV of studies, as metafor's
 * {@code rma(escalc(...), method=, test=, level=)} with {@code predict} and {@code confint}, or {@code rma.mh},
 * {@code rma.peto} and {@code rma.glmm(measure = "PLO")}. Parse → {@link PoolFit} → {@link PoolSummary} → text or JSON.
 */
@Command(
        name = "pool",
        mixinStandardHelpOptions = true,
        description = {
            "Pool study results (fixed or random effects, as R metafor's escalc + rma).",
            "CSV columns: study,ai,n1i,ci,n2i (OR, RR, RD); study,xi,ni (PLO, PFT, PAS, PR, PLN); study,yi,vi (GEN).",
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
                    + "or MH (Mantel-Haenszel), PETO, or GLMM (binomial-normal model, PLO only; z-test). "
                    + "Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--test", defaultValue = "z", paramLabel = "z|knha",
            description = "z (normal) or knha (Knapp-Hartung, t with k-1 df). Default: ${DEFAULT-VALUE}.")
    String test;

    @Mixin
    LevelOption level;

    @Option(names = "--subgroup", paramLabel = "COLUMN",
            description = "Column naming each study's subgroup: pooled estimate per subgroup and the test for subgroup differences.")
    String subgroup;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        TestType testType = TestType.fromLabel(test)
                .orElseThrow(() -> new InputException("--test: unknown test '" + test + "' (allowed: z, knha)"));
        double lev = level.fraction();
        PoolMethod m = PoolMethod.parse("--method", method);
        CsvTable table = input.read();
        PoolInput studies = PoolInput.read(table, measure);
        String[] groups = subgroup == null ? null : table.requireColumns(subgroup).strings(subgroup);
        PoolSummary summary = PoolSummary.of(PoolFit.of(studies, m, testType, lev, groups, input.file.toString()));
        spec.commandLine().getOut().print(format.json() ? Json.write(summary) : PoolText.render(summary));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
