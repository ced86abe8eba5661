package org.trialmeta.cli;

import java.util.concurrent.Callable;
import org.trialmeta.analysis.PoolInput;
import org.trialmeta.analysis.SensitivityAnalysis;
import org.trialmeta.present.SensitivitySummary;
import org.trialmeta.present.RowLimit;
import org.trialmeta.present.SensitivityText;
import org.trialmeta.stats.meta.MetaAnalysis;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialmeta sensitivity}: leave-one-out, influence diagnostics or cumulative meta-analysis of a CSV of
 * studies, as metafor's {@code leave1out(res)}, {@code influence(res)} and {@code cumul(res)} on
 * {@code res <- rma(escalc(...), method =, test =, level =)}. Parse → {@link SensitivityAnalysis} →
 * {@link SensitivitySummary} → text or JSON.
 */
@Command(
        name = "sensitivity",
        mixinStandardHelpOptions = true,
        description = {
            "Sensitivity analyses of a meta-analysis: leave-one-out, influence diagnostics (with metafor's flag of"
                    + " influential studies) or cumulative meta-analysis in input order, as R metafor's leave1out,"
                    + " influence, cumul.",
            "CSV columns as pool: study,ai,n1i,ci,n2i (OR, RR, RD); study,xi,ni (proportions); study,yi,vi (GEN)."
        })
public final class SensitivityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    TestOption test;

    @Mixin
    LevelOption level;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Analysis analysis;

    /** Exactly one of the three analyses. */
    static final class Analysis {
        @Option(names = "--leave-one-out", required = true, description = "Refit without each study in turn (leave1out).")
        boolean leaveOneOut;

        @Option(names = "--influence", required = true,
                description = "Case-deletion diagnostics: rstudent, dffits, Cook's distance, ... (influence).")
        boolean influence;

        @Option(names = "--cumulative", required = true, description = "Refit adding one study at a time (cumul).")
        boolean cumulative;

        SensitivityAnalysis.Mode mode() {
            return leaveOneOut ? SensitivityAnalysis.Mode.LEAVE_ONE_OUT
                    : influence ? SensitivityAnalysis.Mode.INFLUENCE : SensitivityAnalysis.Mode.CUMULATIVE;
        }
    }

    @Mixin
    FormatOption format;

    @Mixin
    RowsOption rows;

    @Override
    public Integer call() {
        MetaAnalysis.Options o = MetaAnalysis.Options.defaults(model.measure).withMethod(model.estimator())
                .withTest(test.type()).withLevel(level.fraction());
        format.validate();
        RowLimit limit = rows.limit();
        PoolInput studies = model.studies(model.table());
        SensitivitySummary summary = SensitivitySummary.of(SensitivityAnalysis.of(studies, analysis.mode(), o,
                model.file()));
        format.stream(spec.commandLine().getOut(), summary, (s, out) -> out.print(SensitivityText.render(s, limit)));
        return ExitCodes.OK;
    }
}
