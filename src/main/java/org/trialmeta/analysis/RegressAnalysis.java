package org.trialmeta.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.repository.Messages;
import org.trialmeta.stats.meta.Design;
import org.trialmeta.stats.meta.EffectSizes;
import org.trialmeta.stats.meta.LinearMetaRegression;
import org.trialmeta.stats.meta.MetaAnalysis;
import org.trialmeta.stats.meta.NotConverged;
import org.trialmeta.stats.meta.PermutationTest;
import org.trialmeta.stats.meta.RegressionFit;
import org.trialmeta.stats.meta.RegressionResult;

/**
 * A meta-regression of a study table, as {@code regress} runs it: metafor's {@code rma(yi, vi, mods = ~ a + b,
 * method =, test =, level =)} with numeric moderator columns as covariates and text columns as factors (treatment
 * coding, the first level in sorted order the reference), and optionally {@code permutest(res, iter = n)}.
 *
 * @param input        the studies
 * @param design       the model matrix fitted (without the redundant columns)
 * @param dropped      the columns of the model matrix asked for that were redundant and dropped, as metafor drops
 *                     them ({@link Design#redundant()}), in their order
 * @param fit          the fit
 * @param permutations permutation p-values, when asked for
 * @param seed         the seed of the random permutations, when asked for
 */
public record RegressAnalysis(PoolInput input, Design design, List<String> dropped, RegressionResult fit,
        Optional<PermutationTest.Result> permutations, Optional<Long> seed) {

    /** Largest |value| of a numeric moderator: X'X stays far from overflow (as {@link PoolInput#MAX_ABS_YI}). */
    public static final double MAX_ABS_MODERATOR = 1e10;

    /** Most permutations accepted (each is a refit). */
    public static final int MAX_PERMUTATIONS = 1_000_000;

    /**
     * The moderator columns named in {@code --mods} ("a,b"): each present once, not "intrcpt".
     *
     * @throws InputException naming the option and the problem
     */
    public static List<String> moderators(String option, String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String c = part.strip();
            if (c.isEmpty()) {
                throw new InputException(option + ": '" + CsvTable.shown(text) + "' (a comma-separated list of column"
                        + " names, none empty)");
            }
            if (c.equals("intrcpt")) {
                throw new InputException(option + ": 'intrcpt' is the name of the intercept, not a column to use");
            }
            if (!out.add(c)) {
                throw new InputException(option + ": column '" + CsvTable.shown(c) + "' named twice");
            }
        }
        return List.copyOf(out);
    }

    /**
     * The design of {@code columns} of {@code t}: a column with any number in it is a covariate (every cell must be a
     * finite number), a column of text only a factor (every cell non-empty, at least two levels).
     */
    public static Design design(CsvTable t, List<String> columns) {
        t.requireColumns(columns.toArray(String[]::new));
        Design.Builder b = Design.builder(t.rowCount());
        for (String c : columns) {
            boolean numeric = false;
            for (int r = 0; r < t.rowCount() && !numeric; r++) {
                numeric = CsvTable.isDecimal(t.string(c, r));
            }
            if (numeric) {
                double[] x = t.doubles(c);
                for (int r = 0; r < x.length; r++) {
                    if (Math.abs(x[r]) > MAX_ABS_MODERATOR) {
                        throw t.cellError(c, r, t.string(c, r), "a moderator must be between -1e10 and 1e10");
                    }
                }
                b.covariate(c, x);
            } else {
                String[] g = t.labels(c);
                List<String> levels = Design.levels(g);
                if (levels.size() < 2) {
                    throw new InputException(t.name() + ": column " + c + ": every study has the level '"
                            + CsvTable.shown(levels.get(0)) + "' (a factor needs at least 2 levels)");
                }
                b.factor(c, g);
            }
        }
        return b.build();
    }

    /**
     * Fits the model.
     *
     * @param options      method, test and level (the measure and transformation are taken from the studies)
     * @param permutations number of permutations, or null for none
     * @param seed         their seed (with {@code permutations})
     * @throws InputException (one line naming the file) for too few studies, a rank-deficient design or a fit that
     *     does not converge
     */
    public static RegressAnalysis of(PoolInput input, Design design, MetaAnalysis.Options options, Integer permutations,
            Long seed, String file) {
        EffectSizes es = input.effectSizes();
        int k = es.yi().length;
        boolean[] redundant = design.redundant();
        List<String> dropped = new ArrayList<>();
        for (int j = 1; j < design.p(); j++) {
            if (redundant[j]) {
                dropped.add(design.names().get(j));
            }
        }
        if (dropped.size() == design.p() - 1) {
            throw new InputException(file + ": " + Messages.list(design.names().subList(1, design.p()))
                    + (dropped.size() == 1 ? " is constant" : " are constant or redundant")
                    + " over the studies; no moderator is left (metafor would fit the intercept alone: use pool)");
        }
        Design fitted = dropped.isEmpty() ? design : design.without(redundant);
        int p = fitted.p();
        MetaAnalysis.Options o = MetaAnalysis.Options.defaults(es).withMethod(options.method()).withTest(options.test())
                .withLevel(options.level()).withTau2Ci(false).withControl(LinearMetaRegression.CONTROL);
        int min = LinearMetaRegression.minStudies(p, o);
        if (k < min) {
            throw new InputException(file + ": " + k + (k == 1 ? " study" : " studies") + " for " + p
                    + " coefficients (" + Messages.list(fitted.names()) + "): at least " + min + " needed"
                    + (min == p + 1 && k == p ? " (a fixed-effects model with a z-test fits " + p + ": "
                            + (o.method().isFixedEffect() ? "--test z" : "--method FE") + ")" : ""));
        }
        if (fitted.rankDeficient()) {
            throw new InputException(file + ": the moderators " + Messages.list(fitted.names().subList(1, p))
                    + " are nearly collinear (an eigenvalue of X'X is at most 1e-7: metafor's 'Model matrix not of"
                    + " full rank')");
        }
        RegressionFit f = LinearMetaRegression.fit(es.yi(), es.vi(), fitted, o);
        if (f instanceof NotConverged nc) {
            throw new InputException(file + ": " + nc.reason() + "; no estimate is given (try --method DL or PM)");
        }
        RegressionResult r = (RegressionResult) f;
        Optional<PermutationTest.Result> perm = Optional.empty();
        if (permutations != null) {
            try {
                perm = Optional.of(PermutationTest.run(es.yi(), es.vi(), fitted, o, r, permutations, seed));
            } catch (IllegalArgumentException e) {
                throw new InputException(file + ": permutation test: " + e.getMessage());
            }
        }
        return new RegressAnalysis(input, fitted, List.copyOf(dropped), r, perm,
                Optional.ofNullable(permutations == null ? null : seed));
    }
}
