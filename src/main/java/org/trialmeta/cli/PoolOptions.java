package org.trialmeta.cli;

import java.util.Locale;
import java.util.Optional;
import org.trialmeta.analysis.PoolFit;
import org.trialmeta.analysis.PoolInput;
import org.trialmeta.analysis.PoolMethod;
import org.trialmeta.analysis.PoolSettings;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.TestType;
import org.trialmeta.stats.meta.ZeroCellCorrection;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What a meta-analysis of a study table needs (a picocli mixin shared by {@code pool} and {@code forest}, so that a
 * figure shows exactly the numbers {@code pool} prints): the input, measure, method, test, level, subgroups and
 * escalc's zero-cell options.
 */
public final class PoolOptions {

    @Mixin
    InputOption input;

    @Option(names = "--measure", required = true, paramLabel = "MEASURE",
            description = "Effect measure: ${COMPLETION-CANDIDATES}.")
    EffectMeasure measure;

    @Option(names = "--method", defaultValue = "REML", paramLabel = "METHOD",
            description = "FE (fixed effects), tau^2 estimator DL, HE, HS, HSk, SJ, ML, REML, EB, PM, "
                    + "or MH (Mantel-Haenszel), PETO. Default: ${DEFAULT-VALUE}.")
    String method;

    @Mixin
    TestOption test;

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

    /**
     * The input read and checked, ready to fit.
     *
     * @param table    the CSV
     * @param studies  its study rows for the measure
     * @param groups   the subgroup of each row, or null
     * @param settings how to fit
     */
    record Prepared(CsvTable table, PoolInput studies, String[] groups, PoolSettings settings) {

        /** The fit of every row. */
        PoolFit fit(String file) {
            return PoolFit.of(studies, settings, groups, file);
        }
    }

    /** Checks the options, reads the input and its columns (exit 2 with one line on any problem). */
    Prepared prepare() {
        TestType testType = test.type();
        double lev = level.fraction();
        PoolMethod m = PoolMethod.parse("--method", method);
        CsvTable table = input.read();
        PoolInput studies = PoolInput.read(table, measure);
        String[] groups = subgroup == null ? null : table.requireColumns(subgroup).labels(subgroup);
        return new Prepared(table, studies, groups, new PoolSettings(m, testType, lev, correction(),
                Optional.ofNullable(drop00)));
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
