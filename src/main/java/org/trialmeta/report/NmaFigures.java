package org.trialmeta.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trialmeta.repository.CsvCells;
import org.trialmeta.present.Formats;
import org.trialmeta.present.NmaSummary;
import org.trialmeta.present.PoolText;
import org.trialmeta.stats.meta.EffectMeasure;

/** The figures and tables of {@code nma}, made from its {@link NmaSummary}: network graph, forest plot, league table. */
public final class NmaFigures {

    private NmaFigures() {}

    /** The network graph; node size by participants (arm-level input) or by number of studies. */
    public static NetworkGraph networkGraph(NmaSummary s) {
        return networkGraph(s, Palette.COLOUR);
    }

    /** The network graph with its nodes in {@code palette}. */
    public static NetworkGraph networkGraph(NmaSummary s, Palette palette) {
        int t = s.treatments().size();
        double[] size = new double[t];
        int[][] k = s.studiesPerPair();
        boolean patients = s.patients() != null;
        for (int i = 0; i < t; i++) {
            if (patients) {
                size[i] = s.patients()[i];
            } else {
                for (int j = 0; j < t; j++) {
                    size[i] += k[i][j];
                }
            }
        }
        return new NetworkGraph(new NetworkGraph.Data("", s.treatments(), size,
                patients ? "participants" : "study arms", k), palette);
    }

    /** Forest plot of every treatment vs the reference of each connected part (natural scale for ratios). */
    public static ForestPlot forest(NmaSummary s) {
        EffectMeasure m = EffectMeasure.valueOf(s.measure());
        boolean ratio = NmaSummary.ratio(s.measure());
        String lv = Formats.general(s.level());
        String name = ratio ? PoolText.naturalScale(m) : PoolText.scale(m);
        var b = ForestPlotData.builder().title("Network meta-analysis (" + s.model() + " effects)")
                .effectLabel(Character.toUpperCase(name.charAt(0)) + name.substring(1))
                .scale(ratio ? AxisScale.LOG : AxisScale.LINEAR)
                .columns(new ForestPlotData.Columns("Treatment", "", List.of(), s.measure() + " [" + lv + "% CI]", ""));
        if (s.connected()) {
            rows(b, s.reference(), s.relativeEffects(), ratio);
        } else {
            int i = 1;
            for (NmaSummary.Part p : s.components()) {
                b.row(new ForestPlotData.Header("Part " + i++ + " (vs " + p.reference() + ")"));
                rows(b, p.reference(), p.relativeEffects(), ratio);
            }
        }
        if (s.tau2() != null) {
            b.footnote("Random effects, tau\u00b2 (REML) = " + Formats.fixed(s.tau2(), 4) + ".");
        }
        if (!s.connected()) {
            b.footnote("The network is disconnected: each part is compared with its own reference.");
        }
        return new ForestPlot(b.build(), FigureStyle.JOURNAL_PAGE);
    }

    private static void rows(ForestPlotData.Builder b, String ref, List<NmaSummary.RelativeEffect> rel, boolean ratio) {
        for (NmaSummary.RelativeEffect r : rel) {
            if (r.vs().equals(ref)) {
                String label = r.treatment() + " vs " + ref;
                b.row(ratio ? ForestPlotData.Study.of(label, List.of(), r.transformed().estimate(),
                        r.transformed().ciLower(), r.transformed().ciUpper(), null)
                        : ForestPlotData.Study.of(label, List.of(), r.estimate(), r.ciLower(), r.ciUpper(), null));
            }
        }
    }

    /**
     * The league table(s) as CSV: a header row of treatments then one row per treatment (P-score order); cell
     * (row i, column j) is treatment i vs treatment j. Cells that a spreadsheet would take for a formula are neutralised.
     */
    public static String leagueCsv(NmaSummary s) {
        StringBuilder sb = new StringBuilder();
        for (var t : tables(s)) {
            if (!s.connected()) {
                sb.append(CsvCells.line(List.of(t.title())));
            }
            List<String> header = new ArrayList<>();
            header.add("");
            header.addAll(t.rows().stream().map(r -> r.get(t.rows().indexOf(r))).toList());
            sb.append(CsvCells.line(header));
            for (int i = 0; i < t.rows().size(); i++) {
                List<String> row = new ArrayList<>();
                row.add(t.rows().get(i).get(i));
                row.addAll(t.rows().get(i));
                sb.append(CsvCells.line(row));
            }
        }
        return sb.toString();
    }

    /** The league table(s) as Markdown pipe tables, HTML and Markdown characters escaped. */
    public static String leagueMarkdown(NmaSummary s) {
        StringBuilder sb = new StringBuilder();
        for (var t : tables(s)) {
            sb.append("**").append(md(t.title())).append("**\n\n");
            int n = t.rows().size();
            sb.append("| |");
            for (int i = 0; i < n; i++) {
                sb.append(' ').append(md(t.rows().get(i).get(i))).append(" |");
            }
            sb.append("\n|---|").append("---|".repeat(n)).append('\n');
            for (List<String> row : t.rows()) {
                sb.append("| ").append(md(row.get(t.rows().indexOf(row)))).append(" |");
                for (String c : row) {
                    sb.append(' ').append(md(c)).append(" |");
                }
                sb.append('\n');
            }
            sb.append('\n').append(md(t.note())).append('\n');
        }
        return sb.toString();
    }

    private record League(String title, List<List<String>> rows, String note) {
    }

    private static List<League> tables(NmaSummary s) {
        EffectMeasure m = EffectMeasure.valueOf(s.measure());
        String scale = NmaSummary.ratio(s.measure()) ? PoolText.naturalScale(m) : PoolText.scale(m);
        String note = "Cell: row treatment vs column treatment, " + scale + " (" + Formats.general(s.level())
                + "% CI), " + s.model() + " effects; treatments in P-score order; diagonal: the treatment.";
        if (s.connected()) {
            return List.of(new League("League table", s.leagueTable(), note));
        }
        List<League> out = new ArrayList<>();
        int i = 1;
        for (NmaSummary.Part p : s.components()) {
            out.add(new League("League table, part " + i++, p.leagueTable(), note));
        }
        return out;
    }

    /** Markdown text with HTML special characters escaped and Markdown's table and emphasis characters escaped. */
    static String md(String s) {
        return Optional.ofNullable(s).orElse("").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")
                .replace("_", "\\_").replace("`", "\\`").replace("\n", " ");
    }
}
