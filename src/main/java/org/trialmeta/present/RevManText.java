package org.trialmeta.present;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialmeta.present.RevManSummary.Analysis;
import org.trialmeta.present.RevManSummary.Study;
import org.trialmeta.present.RevManSummary.Subgroup;

/**
 * The text of {@code revman}: per analysis a RevMan-style table (study data, weight, effect with CI; subtotals and
 * total) and RevMan's heterogeneity, overall-effect and subgroup-difference lines; then the {@code --verify}
 * findings. The line texts are shared with the forest plots ({@code report.RevManForest}).
 */
public final class RevManText {

    private RevManText() {}

    /** Effect decimals, as RevMan shows them. */
    public static final int DIGITS = 2;

    /** The whole report. */
    public static String render(RevManSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.review().title().isEmpty() ? "RevMan review" : s.review().title()).append('\n');
        if (s.analyses().isEmpty()) {
            sb.append("No analyses with study data.\n");
        }
        for (Analysis a : s.analyses()) {
            sb.append('\n').append(heading(a)).append('\n').append(table(a));
        }
        if (s.verify() != null) {
            sb.append('\n').append(verify(s.verify()));
        }
        return sb.toString();
    }

    /** "Analysis CMP-001.01 Comparison: Outcome" and "Odds Ratio (M-H, Fixed, 95% CI)". */
    public static String heading(Analysis a) {
        return "Analysis " + a.id() + "  " + a.comparison() + ": " + a.name() + "\n" + measureLine(a);
    }

    /** "Odds Ratio (M-H, Random, 95% CI)", RevMan's statistic line. */
    public static String measureLine(Analysis a) {
        return measureName(a.effectMeasure()) + " (" + methodName(a) + ", " + (a.random() ? "Random" : "Fixed") + ", "
                + a.level().toPlainString() + "% CI)";
    }

    static String methodName(Analysis a) {
        return switch (a.method()) {
            case "MH" -> "M-H";
            case "PETO" -> a.dataType().equals("oe") ? "Exp[(O-E)/V]" : "Peto";
            default -> "IV";
        };
    }

    /** RevMan's name of a measure code. */
    public static String measureName(String code) {
        return switch (code) {
            case "OR" -> "Odds Ratio";
            case "RR" -> "Risk Ratio";
            case "RD" -> "Risk Difference";
            case "PETO_OR" -> "Peto Odds Ratio";
            case "MD" -> "Mean Difference";
            case "SMD" -> "Std. Mean Difference";
            case "HR" -> "Hazard Ratio";
            case "ROM" -> "Ratio of Means";
            default -> code.isEmpty() ? "Effect" : code.replace('_', ' ');
        };
    }

    /** Short effect column header: "OR [95% CI]". */
    public static String effectHeader(Analysis a) {
        String c = a.effectMeasure().isEmpty() ? "Effect" : a.effectMeasure().replace("PETO_OR", "Peto OR");
        return c + " [" + a.studyLevel().toPlainString() + "% CI]";
    }

    /** "Heterogeneity: Tau² = 0.06; Chi² = 9.95, df = 6 (P = 0.13); I² = 40%" or "Not applicable". */
    public static String heterogeneity(boolean random, Double tau2, Double chi2, Integer df, Double p, Double i2) {
        if (df == null || df == 0 || chi2 == null) {
            return "Heterogeneity: Not applicable";
        }
        String tau = random ? "Tau\u00b2 = " + Formats.fixed(tau2, 2) + "; " : "";
        return "Heterogeneity: " + tau + "Chi\u00b2 = " + Formats.fixed(chi2, 2) + ", df = " + df + " ("
                + Formats.pRevMan(p) + "); I\u00b2 = " + Formats.fixed(i2, 0) + "%";
    }

    /** "Test for overall effect: Z = 3.29 (P = 0.001)" or "Not applicable". */
    public static String overallEffect(Double z, Double p) {
        if (z == null) {
            return "Test for overall effect: Not applicable";
        }
        return "Test for overall effect: Z = " + Formats.fixed(z, 2) + " (" + Formats.pRevMan(p) + ")";
    }

    /** "Test for subgroup differences: Chi² = 1.23, df = 1 (P = 0.27), I² = 18.6%". */
    public static String subgroupTest(RevManSummary.SubgroupTest t) {
        return "Test for subgroup differences: Chi\u00b2 = " + Formats.fixed(t.chi2(), 2) + ", df = " + t.df() + " ("
                + Formats.pRevMan(t.p()) + "), I\u00b2 = " + Formats.fixed(t.i2(), 1) + "%";
    }

    /** The study data of a row, formatted as RevMan lists it. */
    public static List<String> data(Study s) {
        List<String> out = new ArrayList<>();
        for (Double d : s.data()) {
            out.add(d == null ? "" : Formats.general(d));
        }
        return out;
    }

    private static String table(Analysis a) {
        List<String> cols = new ArrayList<>();
        cols.add("Study or Subgroup");
        for (String c : RevManSummary.dataColumns(a.dataType())) {
            cols.add(">" + c);
        }
        cols.add(">Weight");
        cols.add(effectHeader(a));
        int width = cols.size();
        TextTable t = new TextTable(cols.toArray(String[]::new));
        List<String> notes = new ArrayList<>();
        List<String> subgroupLines = new ArrayList<>();
        if (a.subgroups().isEmpty()) {
            for (Study s : a.studies()) {
                t.row(studyRow(s, width));
            }
        } else {
            for (Subgroup g : a.subgroups()) {
                t.row(blank(g.id() + " " + g.name(), width));
                for (Study s : a.studies()) {
                    if (g.id().equals(s.subgroupId())) {
                        t.row(studyRow(s, width));
                    }
                }
                t.row(pooledRow("Subtotal (" + a.level().toPlainString() + "% CI)", g.weight(), g.estimate(), g.ciLower(),
                        g.ciUpper(), width));
                subgroupLines.add(g.id() + " " + g.name() + ": "
                        + heterogeneity(a.random(), g.tau2(), g.chi2(), g.df(), g.pChi2(), g.i2()) + "; "
                        + overallEffect(g.z(), g.pZ()));
            }
        }
        t.row(pooledRow("Total (" + a.level().toPlainString() + "% CI)", a.k() > 0 ? 100.0 : null, a.estimate(),
                a.ciLower(), a.ciUpper(), width));
        String text = t.render();
        StringBuilder sb = new StringBuilder(text);
        subgroupLines.forEach(l -> sb.append(l).append('\n'));
        sb.append(heterogeneity(a.random(), a.tau2(), a.chi2(), a.df(), a.pChi2(), a.i2())).append('\n');
        sb.append(overallEffect(a.z(), a.pZ())).append('\n');
        if (a.subgroupTest() != null) {
            sb.append(subgroupTest(a.subgroupTest())).append('\n');
        }
        if (!a.labels().favoursLeft().isEmpty() || !a.labels().favoursRight().isEmpty()) {
            notes.add("Left of " + (a.ratio() ? "1" : "0") + ": " + a.labels().favoursLeft() + "; right: "
                    + a.labels().favoursRight());
        }
        notes.forEach(n -> sb.append(n).append('\n'));
        return sb.toString();
    }

    private static Object[] studyRow(Study s, int width) {
        Object[] r = new Object[width];
        r[0] = s.study();
        List<String> d = data(s);
        for (int i = 0; i < d.size(); i++) {
            r[1 + i] = d.get(i);
        }
        r[width - 2] = s.weight() == null ? "" : Formats.fixed(s.weight(), 1) + "%";
        r[width - 1] = s.estimate() == null ? "Not estimable"
                : Formats.estimateCi(s.estimate(), s.ciLower(), s.ciUpper(), DIGITS, CiStyle.BRACKETS);
        return r;
    }

    private static Object[] pooledRow(String label, Double weight, Double est, Double lo, Double hi, int width) {
        Object[] r = blank(label, width);
        r[width - 2] = weight == null ? "" : Formats.fixed(weight, 1) + "%";
        r[width - 1] = est == null ? "Not estimable" : Formats.estimateCi(est, lo, hi, DIGITS, CiStyle.BRACKETS);
        return r;
    }

    private static Object[] blank(String label, int width) {
        Object[] r = new Object[width];
        java.util.Arrays.fill(r, "");
        r[0] = label;
        return r;
    }

    private static String verify(List<RevManSummary.Finding> findings) {
        long mismatches = findings.stream().filter(f -> f.kind().equals("mismatch")).count();
        long anomalies = findings.size() - mismatches;
        StringBuilder sb = new StringBuilder("Verify: " + mismatches + " stored result" + (mismatches == 1 ? "" : "s")
                + " disagree, " + anomalies + " data anomal" + (anomalies == 1 ? "y" : "ies") + "\n");
        for (RevManSummary.Finding f : findings) {
            sb.append("  ").append(f.kind().toUpperCase(Locale.ROOT)).append(": ").append(f.message()).append('\n');
        }
        return sb.toString();
    }
}
