package org.trialmeta.present;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.trialmeta.repository.CsvCells;
import org.trialmeta.analysis.PoolBatch;
import org.trialmeta.stats.meta.EffectMeasure;

/**
 * What {@code pool --by COL} reports: one {@link PoolSummary} per group (JSON {@code {"analyses": [{"by": value,
 * …pool keys…}]}}), or the reason a group has none ({@code "error"}); the CSV form is one row per group
 * ({@link #csvRow}, {@link #writeCsv(List, Writer)}) and the text form one line per group ({@link #textRow},
 * {@link #writeText}), each made on the core that fitted the group.
 *
 * @param analyses one per group, in order of first appearance
 */
public record PoolBatchSummary(List<Analysis> analyses) {

    /**
     * One group.
     *
     * @param by     the group's value
     * @param error  why it could not be fitted; omitted when it was
     * @param result the pool summary (its keys inline in JSON); null when it could not be fitted
     */
    public record Analysis(String by, @JsonInclude(JsonInclude.Include.NON_NULL) String error,
            @JsonUnwrapped PoolSummary result) {
    }

    /**
     * The summary of one group, e.g. as the {@code then} of {@link PoolBatch#run(org.trialmeta.analysis.PoolInput,
     * String[], org.trialmeta.analysis.PoolSettings, String[], String, java.util.function.Function)}.
     */
    public static Analysis analysis(PoolBatch.Outcome o) {
        return new Analysis(o.by(), o.error(), o.fit() == null ? null : PoolSummary.of(o.fit()));
    }

    /** The CSV columns: one row per analysis. */
    public static final List<String> CSV_COLUMNS = List.of("by", "k", "measure", "method", "test", "level", "estimate",
            "se", "statistic", "pval", "ci_lower", "ci_upper", "pi_lower", "pi_upper", "tau2", "tau2_ci_lower",
            "tau2_ci_upper", "i2", "i2_ci_lower", "i2_ci_upper", "h2", "q", "q_df", "q_pval", "transformed_estimate",
            "transformed_ci_lower", "transformed_ci_upper", "error");

    /**
     * The CSV row of one group (full-precision numbers), e.g. as the {@code then} of {@link PoolBatch#lazy}: formatted
     * on the core that fitted the group, so that neither the fits nor their summaries are kept.
     */
    public static String csvRow(PoolBatch.Outcome o) {
        return csvLine(analysis(o));
    }

    /** Rows made on every core per block, then written in order. */
    private static final int CSV_BLOCK = 4096;

    /**
     * Writes the CSV form: the header ({@link #CSV_COLUMNS}), then the rows made by {@link #csvRow}, in order. The
     * rows are read {@value #CSV_BLOCK} at a time on every core and written before the next block is read: from a
     * list that fits each group when it is read ({@link PoolBatch#lazy}), only one block of rows is ever kept
     * (10⁵ analyses: 239 → 223 MB).
     */
    public static void writeCsv(List<String> rows, Writer out) {
        try {
            out.write(CsvCells.line(CSV_COLUMNS));
            String[] block = new String[Math.min(CSV_BLOCK, rows.size())];
            for (int from = 0; from < rows.size(); from += CSV_BLOCK) {
                int base = from;
                int n = Math.min(CSV_BLOCK, rows.size() - from);
                IntStream.range(0, n).parallel().forEach(i -> block[i] = rows.get(base + i));
                for (int i = 0; i < n; i++) {
                    out.write(block[i]);
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csvLine(Analysis a) {
        PoolSummary s = a.result();
        List<String> row = new ArrayList<>(CSV_COLUMNS.size());
        row.add(a.by());
        if (s == null) {
            for (int i = 1; i < CSV_COLUMNS.size() - 1; i++) {
                row.add("");
            }
        } else {
            row.add(Integer.toString(s.k()));
            row.add(s.measure());
            row.add(s.method());
            row.add(s.test());
            row.add(Formats.general(s.level()));
            for (Double v : new Double[] {s.estimate(), s.se(), s.statistic(), s.pval(), s.ciLower(), s.ciUpper(),
                s.piLower(), s.piUpper(), s.tau2(), s.tau2CiLower(), s.tau2CiUpper(), s.i2(), s.i2CiLower(),
                s.i2CiUpper(), s.h2(), s.q()}) {
                row.add(Formats.exact(v));
            }
            row.add(s.qDf() == null ? "" : Integer.toString(s.qDf()));
            row.add(Formats.exact(s.qPval()));
            row.add(Formats.exact(s.transformed().estimate()));
            row.add(Formats.exact(s.transformed().ciLower()));
            row.add(Formats.exact(s.transformed().ciUpper()));
        }
        row.add(a.error());
        return CsvCells.line(row);
    }

    /**
     * One group's line of the text form, made on the core that fitted the group ({@link #textRow}): the values the
     * line shows, formatted only when it is written (a long batch shows its first rows).
     *
     * @param by          the group's value
     * @param error       why it could not be fitted, or null
     * @param measure     the measure's name, null when not fitted
     * @param method      the method's name, null when not fitted
     * @param level       the confidence level in percent (0 when not fitted)
     * @param k           the number of studies (0 when not fitted)
     * @param estimate    the pooled estimate and its CI, p, tau² and I² (null when not fitted or not estimated)
     * @param transformed the estimate and CI on the natural scale, null when not fitted
     */
    public record TextRow(String by, String error, String measure, String method, double level, int k, Double estimate,
            Double ciLower, Double ciUpper, Double pval, Double tau2, Double i2, PoolSummary.Transformed transformed) {
    }

    /** The text line of one group (see {@link TextRow}), e.g. as the {@code then} of {@link PoolBatch#run}. */
    public static TextRow textRow(PoolBatch.Outcome o) {
        PoolSummary s = o.fit() == null ? null : PoolSummary.of(o.fit());
        return s == null ? new TextRow(o.by(), o.error(), null, null, 0, 0, null, null, null, null, null, null, null)
                : new TextRow(o.by(), null, s.measure(), s.method(), s.level(), s.k(), s.estimate(), s.ciLower(),
                        s.ciUpper(), s.pval(), s.tau2(), s.i2(), s.transformed());
    }

    /**
     * Writes the text form to {@code out}: a header line (method, scale, number of groups and, when some could not
     * be fitted, how many), then one line per analysis, at most {@code limit} of them, streamed.
     */
    public static void writeText(List<TextRow> lines, RowLimit limit, Writer out) {
        if (lines.isEmpty()) {
            return;
        }
        TextRow first = lines.stream().filter(r -> r.measure() != null).findFirst().orElse(null);
        EffectMeasure m = first == null ? null : EffectMeasure.valueOf(first.measure());
        boolean natural = m != null && PoolText.hasNaturalScale(m);
        String lv = first == null ? "" : Formats.general(first.level()) + "% ";
        List<String> columns = new ArrayList<>(List.of("by", ">k", ">estimate", ">" + lv + "CI", ">p", ">tau^2", ">I^2 %"));
        if (natural) {
            columns.add(">" + PoolText.naturalScale(m) + " [" + lv + "CI]");
        }
        columns.add("note");
        TextTable t = new TextTable(columns.toArray(String[]::new));
        int n = lines.size();
        TextTable.Rows rows = i -> {
            TextRow s = lines.get(i);
            boolean fitted = s.measure() != null;
            String[] row = new String[columns.size()];
            row[0] = s.by();
            if (!fitted) {
                row[1] = "";
                row[2] = Formats.MISSING;
                row[3] = "";
                row[4] = "";
                row[5] = "";
                row[6] = "";
            } else {
                row[1] = Integer.toString(s.k());
                row[2] = Formats.fixed(s.estimate(), 4);
                row[3] = Formats.ci(s.ciLower(), s.ciUpper(), 4, CiStyle.BRACKETS);
                row[4] = Formats.p(s.pval());
                row[5] = s.tau2() == null ? "" : Formats.fixed(s.tau2(), 4);
                row[6] = Formats.fixed(s.i2(), 2);
            }
            int c = 7;
            if (natural) {
                row[c++] = !fitted ? "" : Formats.fixed(s.transformed().estimate(), 4) + " "
                        + Formats.ci(s.transformed().ciLower(), s.transformed().ciUpper(), 4, CiStyle.BRACKETS);
            }
            row[c] = fitted ? "" : s.error();
            return row;
        };
        String header = (first == null ? "" : first.method() + " meta-analysis of each group, " + PoolText.scale(m) + ", ")
                + n + " group" + (n == 1 ? "" : "s");
        int failed = 0;
        if (limit.truncates(n)) {
            for (TextRow a : lines) {
                if (a.measure() == null) {
                    failed++;
                }
            }
            header += failed == 0 ? ", all fitted" : String.format(java.util.Locale.ROOT, ", %,d not fitted", failed);
        }
        try {
            out.write(header + "\n\n");
            int shown = limit.shown(n);
            if (shown > 0) {
                t.write(out, rows, shown);
            }
            out.write(limit.moreLine(n));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
