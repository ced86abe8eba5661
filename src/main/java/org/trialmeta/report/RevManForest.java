package org.trialmeta.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.trialmeta.present.RevManSummary;
import org.trialmeta.present.RevManSummary.Analysis;
import org.trialmeta.present.RevManSummary.Study;
import org.trialmeta.present.RevManSummary.Subgroup;
import org.trialmeta.present.RevManText;

/**
 * The one mapping of a RevMan analysis onto a forest plot ({@link ForestPlotData}): RevMan's columns (study, data
 * per group under the file's group labels, weight, effect with CI), subgroup headers and subtotals, the total,
 * heterogeneity and overall-effect lines as text rows, and the file's "Favours …" labels under the axis. A later
 * RevMan-5 figure style will draw from the same mapping.
 */
public final class RevManForest {

    private RevManForest() {}

    /** The plot data of one analysis, or empty when it has no study rows. */
    public static Optional<ForestPlotData> of(Analysis a) {
        if (a.studies().isEmpty()) {
            return Optional.empty();
        }
        List<String> left = new ArrayList<>();
        List<String> dataColumns = RevManSummary.dataColumns(a.dataType());
        int half = a.dataType().equals("dichotomous") || a.dataType().equals("continuous") ? dataColumns.size() / 2 : -1;
        for (int i = 0; i < dataColumns.size(); i++) {
            String group = half < 0 ? "" : (i < half ? a.labels().group1() : a.labels().group2());
            left.add(group.isEmpty() ? dataColumns.get(i) : group + "\n" + dataColumns.get(i));
        }
        ForestPlotData.Builder b = ForestPlotData.builder()
                .title(a.id() + "  " + a.comparison() + ": " + a.name())
                .effectLabel(RevManText.measureLine(a))
                .scale(a.ratio() ? AxisScale.LOG : AxisScale.LINEAR)
                .favours(a.labels().favoursLeft(), a.labels().favoursRight())
                .columns(new ForestPlotData.Columns("Study or Subgroup", "", left, RevManText.effectHeader(a), "Weight"))
                .digits(RevManText.DIGITS);
        String level = a.level().toPlainString();
        if (a.subgroups().isEmpty()) {
            a.studies().forEach(s -> b.row(study(s)));
        } else {
            for (Subgroup g : a.subgroups()) {
                b.row(new ForestPlotData.Header(g.id() + " " + g.name()));
                a.studies().stream().filter(s -> g.id().equals(s.subgroupId())).forEach(s -> b.row(study(s)));
                b.row(pooled("Subtotal (" + level + "% CI)", ForestPlotData.PooledKind.SUBGROUP, g.estimate(), g.ciLower(),
                        g.ciUpper(), g.weight()));
                b.row(new ForestPlotData.Text(RevManText.heterogeneity(a.random(), g.tau2(), g.chi2(), g.df(), g.pChi2(), g.i2())));
                b.row(new ForestPlotData.Text(RevManText.overallEffect(g.z(), g.pZ())));
            }
        }
        b.row(pooled("Total (" + level + "% CI)", a.random() ? ForestPlotData.PooledKind.RANDOM
                : ForestPlotData.PooledKind.FIXED, a.estimate(), a.ciLower(), a.ciUpper(), a.k() > 0 ? 100.0 : null));
        b.row(new ForestPlotData.Text(RevManText.heterogeneity(a.random(), a.tau2(), a.chi2(), a.df(), a.pChi2(), a.i2())));
        b.row(new ForestPlotData.Text(RevManText.overallEffect(a.z(), a.pZ())));
        if (a.subgroupTest() != null) {
            b.row(new ForestPlotData.Text(RevManText.subgroupTest(a.subgroupTest())));
        }
        return Optional.of(b.build());
    }

    /** A file name from the analysis id: letters, digits, '.', '-' and '_' kept, anything else '_'. */
    public static String fileName(Analysis a) {
        String s = a.id().replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return "forest-" + (s.isEmpty() ? "analysis" : s);
    }

    /**
     * The file names of {@code analyses} in order ({@link #fileName}), a name that is already taken (two analyses
     * with the same id, or ids that differ only in characters replaced by '_') followed by {@code -2}, {@code -3}, ...,
     * so that no plot overwrites another.
     */
    public static List<String> fileNames(List<Analysis> analyses) {
        Set<String> taken = new HashSet<>();
        List<String> out = new ArrayList<>(analyses.size());
        for (Analysis a : analyses) {
            String base = fileName(a);
            String name = base;
            for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) {
                name = base + "-" + i;   // case-insensitive: one file on macOS and Windows
            }
            out.add(name);
        }
        return out;
    }

    private static ForestPlotData.Row study(Study s) {
        List<String> left = RevManText.data(s);
        if (s.estimate() == null) {
            return ForestPlotData.Study.notEstimable(s.study(), left);
        }
        return ForestPlotData.Study.of(s.study(), left, s.estimate(), s.ciLower(), s.ciUpper(),
                s.weight() == null ? null : Math.min(100.0, s.weight()));
    }

    private static ForestPlotData.Row pooled(String label, ForestPlotData.PooledKind kind, Double est, Double lo, Double hi,
                                             Double weight) {
        if (est == null || lo == null || hi == null) {
            return new ForestPlotData.Text(label + ": not estimable");
        }
        return ForestPlotData.Pooled.of(label, kind, est, lo, hi).withWeight(weight == null ? null : Math.min(100.0, weight));
    }
}
