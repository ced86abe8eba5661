package org.trialmeta.cli;

import org.trialmeta.analysis.PoolInput;
import org.trialmeta.analysis.PoolMethod;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.Tau2Estimator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The inverse-variance model of a study table (a picocli mixin shared by {@code bias}, {@code regress} and
 * {@code sensitivity}): {@code --input}, {@code --measure} and {@code --method} (FE or a τ² estimator; {@code pool}
 * and {@code forest} also take MH and PETO, see {@link PoolOptions}). A command may reword an option's help in its
 * resource bundle (key {@code method}).
 */
public final class ModelOptions {

    @Mixin
    InputOption input;

    @Option(names = "--measure", required = true, paramLabel = "MEASURE",
            description = "Effect measure: ${COMPLETION-CANDIDATES}.")
    EffectMeasure measure;

    @Option(names = "--method", defaultValue = "REML", paramLabel = "METHOD",
            description = "FE (fixed effect) or tau^2 estimator DL, HE, HS, HSk, SJ, ML, REML, EB, PM. Default: ${DEFAULT-VALUE}.")
    String method;

    /** The τ² estimator (FE for the fixed-effect model); exit 2 with one line for an unknown name. */
    Tau2Estimator estimator() {
        return PoolMethod.inverseVariance("--method", method);
    }

    /** The CSV, read and parsed (exit 2 with one line when it cannot be). */
    CsvTable table() {
        return input.read();
    }

    /** The study rows of {@code table} for the measure (exit 2 with one line on a bad row). */
    PoolInput studies(CsvTable table) {
        return PoolInput.read(table, measure);
    }

    /** The input file as given, for the summaries. */
    String file() {
        return input.file.toString();
    }
}
