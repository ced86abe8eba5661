package org.trialmeta.present;

/**
 * The text form of a {@link KmSummary}: what {@code km --format table} prints (as R's {@code print(survfit)},
 * {@code summary(survfit)} and {@code survdiff}).
 */
public final class KmText {

    private static final int DIGITS = 4;

    private KmText() {}

    /** The whole text output, every row of the survival tables. */
    public static String render(KmSummary s) {
        java.io.StringWriter w = new java.io.StringWriter();
        render(s, RowLimit.ALL, w);
        return w.toString();
    }

    /**
     * Writes the text output to {@code out}: the summary per group, then each group's survival table (at most
     * {@code limit} rows each, streamed; a line says how many were left out), then the RMST difference and the test.
     */
    public static void render(KmSummary s, RowLimit limit, java.io.Writer out) {
        try {
            write(s, limit, out);
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(KmSummary s, RowLimit limit, java.io.Writer out) throws java.io.IOException {
        String pct = Formats.level(s.level()) + "%";
        StringBuilder sb = new StringBuilder();
        TextTable summary = new TextTable("group", ">n", ">events", ">median", ">" + pct + " lower",
                ">" + pct + " upper", ">rmean", ">se(rmean)");
        for (KmSummary.Group g : s.groups()) {
            summary.row(g.group(), g.n(), g.events(), fixed(g.median()), fixed(g.medianLower()), fixed(g.medianUpper()),
                    fixed(g.rmean()), fixed(g.rmeanSe()));
        }
        sb.append(summary.render());
        sb.append(Formats.MISSING_MEANING).append(" (e.g. a median not reached); restricted mean up to ")
                .append(Formats.general(s.rmeanTau())).append("; CI type ").append(s.confType()).append('\n');
        for (KmSummary.Group g : s.groups()) {
            sb.append('\n').append("group ").append(g.group()).append('\n');
            out.append(sb);
            sb.setLength(0);
            TextTable t = new TextTable(">time", ">n.risk", ">n.event", ">n.censor", ">survival", ">std.err",
                    ">lower " + pct, ">upper " + pct);
            java.util.List<KmSummary.Row> table = g.table();
            int shown = limit.shown(table.size());
            if (shown > 0 || table.isEmpty()) {
                t.write(out, i -> {
                    KmSummary.Row r = table.get(i);
                    return new String[] {Formats.general(r.time()), Integer.toString(r.nRisk()),
                        Integer.toString(r.nEvent()), Integer.toString(r.nCensor()), Formats.fixed(r.surv(), DIGITS),
                        fixed(r.stdErr()), fixed(r.lower()), fixed(r.upper())};
                }, shown);
            }
            out.write(limit.moreLine(table.size()));
        }
        KmSummary.RmstComparison d = s.rmstDifference();
        if (d != null) {
            sb.append('\n').append("RMST difference ").append(d.first()).append(" - ").append(d.second())
                    .append(" up to ").append(Formats.general(d.tau())).append(": ").append(Formats.fixed(d.difference(), DIGITS))
                    .append(" (SE ").append(Formats.fixed(d.se(), DIGITS)).append(", ").append(pct).append(" CI ")
                    .append(Formats.ci(d.lower(), d.upper(), DIGITS, CiStyle.TO)).append(", ")
                    .append(Formats.pEquals(d.pval())).append(")\n");
        }
        KmSummary.LogRank lr = s.logrank();
        if (lr != null) {
            sb.append('\n').append(lr.rho() == 0 ? "Log-rank test" : "G-rho test (rho = " + Formats.general(lr.rho()) + ")")
                    .append(lr.stratified() ? ", stratified" : "");
            if (lr.reason() != null) {
                sb.append(": not estimable (").append(lr.reason()).append(")\n");
            } else {
                sb.append(": chisq = ").append(Formats.general(lr.chisq())).append(" on ").append(lr.df()).append(" df, ")
                        .append(Formats.pEquals("p", Formats.p(lr.pval()))).append('\n');
            }
        } else if (s.grouped()) {
            sb.append("\nLog-rank test: not computed (only one group)\n");
        }
        out.append(sb);
    }

    private static String fixed(Double v) {
        return Formats.fixed(v, DIGITS);
    }
}
