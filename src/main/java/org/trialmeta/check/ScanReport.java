package org.trialmeta.check;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;
import org.trialmeta.document.DocumentText;
import org.trialmeta.scan.Statistic;

/**
 * What {@code scan} found in one document: the findings in reading order and, for the annotated copy, every
 * statistic's span with the findings about it.
 *
 * <p>The lists are views: a finding is put into words when it is read ({@link ScanCheck} keeps a few bytes for
 * each), so writing a long document's findings one after another holds only the one being written. The lists are
 * immutable and may be read by several threads at once.
 */
public final class ScanReport {

    /** Puts a finding into words from its row (the number {@link ScanCheck} gave it when it was found). */
    interface Findings {
        ScanFinding finding(int row);

        /** Where the finding stands, without its words (nothing is recomputed). */
        Place place(int row);

        /** The index of the {@code k}-th statistic (0, 1 or 2) the finding is about, or -1 when it has fewer. */
        int about(int row, int k);
    }

    private static final Severity[] SEVERITIES = Severity.values();

    private final DocumentText document;
    private final List<Statistic> statistics;
    private final String claimedCiMethod;
    private final Findings source;
    /** The rows in reading order. */
    private final int[] order;
    /** Each row's severity (ordinal). */
    private final byte[] severity;
    private final int[] counts = new int[SEVERITIES.length];
    /**
     * The marks' index, made when the marks are first asked for (only the annotated copy reads them: a long
     * document's is some MB, which the table and JSON output do not hold).
     */
    private volatile MarkIndex markIndex;

    /**
     * @param document        the document read (its text, pages and lines)
     * @param statistics      the statistics found, in reading order
     * @param claimedCiMethod the binomial CI method the document names, or null
     * @param source          puts a row into words
     * @param order           the rows in reading order (then severity, rule, message)
     * @param severity        each row's severity (ordinal)
     */
    ScanReport(DocumentText document, List<Statistic> statistics, String claimedCiMethod, Findings source,
            int[] order, byte[] severity) {
        this.document = Objects.requireNonNull(document, "document");
        this.statistics = List.copyOf(statistics);
        this.claimedCiMethod = claimedCiMethod;
        this.source = source;
        this.order = order;
        this.severity = severity;
        for (byte s : severity) {
            counts[s]++;
        }
    }

    /**
     * The statistics in text order and each one's findings.
     *
     * @param marks     the statistics' indices in text order (by start, the longer first at one start, else in reading
     *                  order)
     * @param aboutFrom statistic {@code i}'s rows are {@code aboutRows[aboutFrom[i]]} to
     *                  {@code aboutRows[aboutFrom[i + 1] - 1]}
     * @param aboutRows each statistic's rows, most serious first (then in the order found)
     */
    private record MarkIndex(int[] marks, int[] aboutFrom, int[] aboutRows) {
    }

    private MarkIndex markIndex() {
        MarkIndex x = markIndex;
        if (x == null) {
            synchronized (this) {
                x = markIndex;
                if (x == null) {
                    x = buildMarkIndex();
                    markIndex = x;
                }
            }
        }
        return x;
    }

    private MarkIndex buildMarkIndex() {
        int m = statistics.size();
        int n = severity.length;
        int[] from = new int[m + 1];
        for (int row = 0; row < n; row++) {
            for (int k = 0, i; k < 3 && (i = source.about(row, k)) >= 0; k++) {
                from[i + 1]++;
            }
        }
        for (int i = 0; i < m; i++) {
            from[i + 1] += from[i];
        }
        int[] about = new int[from[m]];
        int[] next = Arrays.copyOf(from, m);
        for (int row = 0; row < n; row++) {
            for (int k = 0, i; k < 3 && (i = source.about(row, k)) >= 0; k++) {
                about[next[i]++] = row;
            }
        }
        for (int s = 0; s < m; s++) {
            // most serious first, stable: insertion sort of a statistic's few rows
            for (int i = from[s] + 1; i < from[s + 1]; i++) {
                int x = about[i];
                int j = i - 1;
                while (j >= from[s] && severity[about[j]] > severity[x]) {
                    about[j + 1] = about[j];
                    j--;
                }
                about[j + 1] = x;
            }
        }
        int[] marks = new int[m];
        for (int i = 0; i < m; i++) {
            marks[i] = i;
        }
        IntSort.sort(marks, (a, b) -> {
            Statistic x = statistics.get(a);
            Statistic y = statistics.get(b);
            return x.start() != y.start() ? Integer.compare(x.start(), y.start()) : Integer.compare(y.end(), x.end());
        });
        return new MarkIndex(marks, from, about);
    }

    /** The document read (its text, pages and lines). */
    public DocumentText document() {
        return document;
    }

    /** Number of statistics found. */
    public int statistics() {
        return statistics.size();
    }

    /** The binomial CI method the document names, or null. */
    public String claimedCiMethod() {
        return claimedCiMethod;
    }

    /** The findings in reading order (then severity, rule, message). */
    public List<ScanFinding> findings() {
        return new RowList<>(order, 0, order.length, source::finding);
    }

    /**
     * Every statistic's span in text order (by start; at one start the longer first), each with the findings about
     * it, most serious first.
     */
    public List<Mark> marks() {
        return new Marks();
    }

    /**
     * Where the findings at least as serious as {@code minimum} stand, in reading order: the finding of the same
     * index in {@link #atLeast} without its words, made without recomputing anything.
     */
    public List<Place> places(Severity minimum) {
        int[] rows = rows(minimum);
        return new RowList<>(rows, 0, rows.length, source::place);
    }

    /**
     * Where a finding stands and what it quotes (see {@link ScanFinding}).
     *
     * @param severity error, warning or info
     * @param rule     the rule's id
     * @param page     1-based page
     * @param line     1-based line within the page
     * @param start    offset of the quoted text
     * @param end      offset after it
     * @param quote    the statistic(s) as printed
     */
    public record Place(Severity severity, String rule, int page, int line, int start, int end, String quote) {
    }

    /**
     * A statistic in the text and what the rules say about it.
     *
     * @param start    span start
     * @param end      span end
     * @param kind     proportion, ratio, median, follow-up or p-value
     * @param severity the most serious finding about it, or null when no rule could check it
     * @param about    the findings about it, most serious first
     */
    public record Mark(int start, int end, String kind, Severity severity, List<ScanFinding> about) {
        public Mark {
            about = about instanceof RowList ? about : List.copyOf(about);
        }

        /** "[severity] rule: message" of each finding about it. */
        public List<String> notes() {
            return about.stream().map(f -> "[" + f.severity().label() + "] " + f.rule() + ": " + f.message()).toList();
        }
    }

    /** Number of findings of each severity (every severity present, maybe 0). */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : SEVERITIES) {
            out.put(s, counts[s.ordinal()]);
        }
        return out;
    }

    public int count(Severity s) {
        return counts[s.ordinal()];
    }

    /** Whether any finding is an error (the CLI then exits 1). */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** The findings at least as serious as {@code minimum}, in reading order. */
    public List<ScanFinding> atLeast(Severity minimum) {
        int[] rows = rows(minimum);
        return new RowList<>(rows, 0, rows.length, source::finding);
    }

    /** The rows at least as serious as {@code minimum}, in reading order. */
    private int[] rows(Severity minimum) {
        int n = 0;
        for (int row : order) {
            if (SEVERITIES[severity[row]].atLeast(minimum)) {
                n++;
            }
        }
        if (n == order.length) {
            return order;
        }
        int[] shown = new int[n];
        int k = 0;
        for (int row : order) {
            if (SEVERITIES[severity[row]].atLeast(minimum)) {
                shown[k++] = row;
            }
        }
        return shown;
    }

    /** Rows {@code rows[from, to)}, each made into an element as it is read; immutable. */
    private static final class RowList<E> extends AbstractList<E> implements RandomAccess {
        private final int[] rows;
        private final int from;
        private final int to;
        private final IntFunction<E> element;

        RowList(int[] rows, int from, int to, IntFunction<E> element) {
            this.rows = rows;
            this.from = from;
            this.to = to;
            this.element = element;
        }

        @Override
        public E get(int i) {
            return element.apply(rows[from + Objects.checkIndex(i, to - from)]);
        }

        @Override
        public int size() {
            return to - from;
        }
    }

    /** The marks, made as they are read. */
    private final class Marks extends AbstractList<Mark> implements RandomAccess {
        private final MarkIndex x = markIndex();

        @Override
        public Mark get(int k) {
            int i = x.marks[Objects.checkIndex(k, x.marks.length)];
            Statistic s = statistics.get(i);
            int from = x.aboutFrom[i];
            int to = x.aboutFrom[i + 1];
            Severity worst = from == to ? null : SEVERITIES[severity[x.aboutRows[from]]];
            return new Mark(s.start(), s.end(), ScanCheck.kind(s), worst,
                    new RowList<>(x.aboutRows, from, to, source::finding));
        }

        @Override
        public int size() {
            return x.marks.length;
        }
    }
}
