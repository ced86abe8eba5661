package org.trialmeta.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Table rows rebuilt from the positions of a PDF page's text, so that a table reaches the scan as DOCX and HTML
 * tables do: one line per row, its cells separated by {@code " | "} (written as a Markdown row).
 *
 * <p>Input: the page's lines in PDFBox's order, each a list of chunks (runs of glyphs PDFBox wrote without a word
 * separator, with their left and right x, baseline y and glyph height). The layout rules:
 * <ol>
 * <li>a line is <em>tabular</em> when a gap between two of its chunks is at least {@link #CELL_GAP_EMS} of the
 * font size (and three space widths): a gap no word spacing makes;</li>
 * <li>tabular lines at most {@link #MAX_SKIP} lines and {@link #MAX_ROW_PITCH_EMS} font sizes apart form a
 * candidate table; its columns are the cells' x-intervals merged where they overlap (at least two columns);</li>
 * <li>the table's region is its lines from the first to the last tabular line, cut where a line crosses the gap
 * between two columns (running text), then extended over the neighbouring lines that fit the columns (a header
 * or a label-only row) within {@link #MAX_ROW_PITCH_EMS} font sizes; a region needs two tabular lines;</li>
 * <li>each chunk of the region goes to the column it overlaps most; chunks whose baselines are within a third of
 * the glyph height make a visual line; a visual line joins the row above when their glyph boxes overlap (a value
 * centred beside a wrapped label) or the gap is under the glyph height and no column but the first has a number
 * in both (a wrapped label or header); otherwise it starts a row;</li>
 * <li>a row is written as a Markdown table row, {@code "| a | b | c |"}: its cells (lines of a cell joined by a
 * space), empty cells included, so that an empty first cell keeps the columns in place.</li>
 * </ol>
 * Across pages: a page's last table that only page furniture follows ({@link #openAtFoot}) is continued by the
 * next page's first table when only furniture precedes it and its columns line up ({@link #continuation},
 * {@link #sameColumns}); a row label broken by the page joins its row ({@link #wrapsOnto}).
 *
 * <p>The work is O(n log n) in the chunks of a page (sorting); every search is bounded by the constants above (a
 * table has at most {@link #MAX_COLUMNS} columns, so placing a chunk costs at most that many comparisons); the
 * decisions across pages look at most {@link #MAX_FURNITURE} lines at each end of a page and the chunks of one
 * table.
 */
final class PdfTables {

    /** A gap of at least this many font sizes between two chunks of a line separates cells. */
    static final float CELL_GAP_EMS = 1.0f;
    /** Most lines between two tabular lines of one table. */
    static final int MAX_SKIP = 6;
    /** Most vertical distance, in font sizes, between neighbouring lines of one table. */
    static final float MAX_ROW_PITCH_EMS = 7f;
    /** Most lines a region is extended by above or below its tabular lines. */
    static final int MAX_EXTEND = 12;
    /** Most columns of a table (more is not a table: it keeps each chunk's column search bounded). */
    static final int MAX_COLUMNS = 64;
    /**
     * Most lines of page furniture (running header or footer, page number, a "(continued)" caption) between a table
     * and the foot of its page, and between the top of the next page and the table's continuation.
     */
    static final int MAX_FURNITURE = 4;
    /** Most words of a line of page furniture ("continued" captions excepted): a longer line is running text. */
    static final int MAX_FURNITURE_WORDS = 12;

    private PdfTables() {}

    /** A run of glyphs written without a word separator. */
    record Chunk(String text, float x0, float x1, float y, float height, float size, float space) {
        float top() {
            return y - height;
        }

        float gapAfter() {
            return Math.max(CELL_GAP_EMS * size, 3 * space);
        }
    }

    /** A line as PDFBox wrote it, with the offsets of its text in the output. */
    record Line(List<Chunk> chunks, int start, int end) {}

    /**
     * Lines {@code first..last} (inclusive) of the page are the table whose {@code columns} (x-intervals, left to
     * right) and rows ({@code cells}, one string per column, empty for an empty cell) are given.
     */
    record Region(int first, int last, float[][] columns, List<String[]> cells) {
        /** The rows written as Markdown rows, {@code "| a | b | c |"}. */
        List<String> rows() {
            List<String> out = new ArrayList<>(cells.size());
            for (String[] row : cells) {
                out.add(write(row));
            }
            return out;
        }
    }

    /** The tables found on one page, in line order, not overlapping. */
    static List<Region> regions(List<Line> lines) {
        int n = lines.size();
        List<List<float[]>> cells = new ArrayList<>(n);
        for (Line l : lines) {
            cells.add(cells(l));
        }
        List<Region> out = new ArrayList<>();
        int i = 0;
        int done = -1; // last line already in a region
        while (i < n) {
            if (cells.get(i).size() < 2) {
                i++;
                continue;
            }
            // a candidate block: tabular lines close to each other
            List<Integer> tab = new ArrayList<>();
            tab.add(i);
            int j = i + 1;
            while (j < n && j - tab.get(tab.size() - 1) <= MAX_SKIP && near(lines.get(j - 1), lines.get(j))) {
                if (cells.get(j).size() >= 2) {
                    tab.add(j);
                }
                j++;
            }
            int lastTab = tab.get(tab.size() - 1);
            if (tab.size() < 2) {
                i = lastTab + 1;
                continue;
            }
            float[][] cols = columns(tab, cells);
            if (cols.length < 2 || cols.length > MAX_COLUMNS) {
                i = lastTab + 1;
                continue;
            }
            // cut at lines that cross a column gap; keep the pieces with two tabular lines
            int start = i;
            for (int k = i; k <= lastTab + 1; k++) {
                boolean end = k > lastTab || !fits(lines.get(k), cols);
                if (end) {
                    int from = start;
                    int to = k - 1;
                    int base = from;
                    if (countTabular(cells, from, to) >= 2) {
                        while (from - 1 > done && base - from < MAX_EXTEND && fits(lines.get(from - 1), cols)
                                && near(lines.get(from - 1), lines.get(from)) && !caption(lines.get(from - 1))) {
                            from--;
                        }
                        while (to + 1 < n && to - lastTab < MAX_EXTEND && cells.get(to + 1).size() < 2
                                && fits(lines.get(to + 1), cols) && near(lines.get(to), lines.get(to + 1))
                                && !caption(lines.get(to + 1))) {
                            to++;
                        }
                        out.add(new Region(from, to, cols, rows(lines.subList(from, to + 1), cols)));
                        done = to;
                    }
                    start = k + 1;
                }
            }
            i = Math.max(lastTab + 1, done + 1);
        }
        return out;
    }

    /**
     * Whether a page's last table is open at its foot, so that it may continue on the next page: at most {@link
     * #MAX_FURNITURE} lines follow it, each page furniture ({@link #furniture}), the first of them further below
     * the table's last baseline than 1.5 times the table's widest row pitch (in the margin, not a row).
     */
    static boolean openAtFoot(List<Line> lines, Region last) {
        int after = lines.size() - 1 - last.last();
        if (after > MAX_FURNITURE) {
            return false;
        }
        if (after > 0) {
            // the foot is in the margin: further below the table's last baseline than 1.5 times the table's
            // widest row pitch (a line at a row's distance is a row of the table that did not fit its columns)
            float pitch = widestPitch(lines, last.first(), last.last());
            float bottom = -Float.MAX_VALUE;
            for (int k = last.first(); k <= last.last(); k++) {
                for (Chunk c : lines.get(k).chunks()) {
                    bottom = Math.max(bottom, c.y());
                }
            }
            float top = Float.MAX_VALUE;
            for (int k = last.last() + 1; k < lines.size(); k++) {
                for (Chunk c : lines.get(k).chunks()) {
                    top = Math.min(top, c.y());
                }
            }
            if (pitch == 0 || top - bottom <= 1.5f * pitch) {
                return false;
            }
        }
        for (int k = last.last() + 1; k < lines.size(); k++) {
            if (!furniture(lines.get(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The part, at the top of a page, of a table left open at the foot of the previous page with columns
     * {@code open}; null when the page does not continue it. The page's first table continues it when at most
     * {@link #MAX_FURNITURE} lines of page furniture precede it (a short running header that the table took in as a
     * row is left out: {@link #withoutMargin}) and its columns agree with {@code open}
     * ({@link #sameColumns}); a table whose columns differ, or a line that is not furniture (running text, the
     * caption of another table), ends the open table. When no table of the page begins that early, the lines
     * that fit the open table's columns from its first tabular line on, in the same font size (a single row
     * continued, which is no table by itself), are its continuation, read with those columns.
     */
    static Region continuation(List<Line> lines, List<Region> regions, float[][] open) {
        int n = lines.size();
        int limit = regions.isEmpty() ? n : regions.get(0).first();
        if (!regions.isEmpty() && limit <= MAX_FURNITURE) {
            Region first = withoutMargin(lines, regions.get(0), true);
            if (first.first() > MAX_FURNITURE) {
                return null;
            }
            for (int k = 0; k < first.first(); k++) {
                if (!furniture(lines.get(k))) {
                    return null;
                }
            }
            Chunk c = lines.get(first.first()).chunks().get(0);
            if (!sameColumns(open, first.columns(), c.size())) {
                return null;
            }
            // read with the open table's columns: a part whose last columns are empty has fewer of its own
            return new Region(first.first(), first.last(), open,
                    rows(lines.subList(first.first(), first.last() + 1), open));
        }
        int f = -1;
        for (int k = 0; k < Math.min(n, MAX_FURNITURE + 1); k++) {
            if (cells(lines.get(k)).size() >= 2) {
                f = k;
                break;
            }
        }
        if (f < 0 || !fits(lines.get(f), open)) {
            return null;
        }
        int from = f;
        while (from > 0 && fits(lines.get(from - 1), open) && close(lines.get(from - 1), lines.get(from))) {
            from--;
        }
        for (int k = 0; k < from; k++) {
            if (!furniture(lines.get(k))) {
                return null;
            }
        }
        int to = f;
        float size = lines.get(f).chunks().get(0).size();
        while (to + 1 < limit && to - f < MAX_EXTEND && fits(lines.get(to + 1), open)
                && near(lines.get(to), lines.get(to + 1)) && !caption(lines.get(to + 1))
                && Math.abs(lines.get(to + 1).chunks().get(0).size() - size) <= 0.1f * size) {
            to++;
        }
        return new Region(from, to, open, rows(lines.subList(from, to + 1), open));
    }

    /**
     * Whether the columns {@code b} of a table's part on the next page line up with the columns {@code a} of the
     * part before: the first columns' left edges within {@code tolerance} (a font size); each column of {@code b}
     * overlaps (within {@code tolerance}) one column of {@code a}, in order, and reaches neither the next column
     * of {@code a} nor is reached by it: the gaps between columns, where the boundaries are, agree. {@code b} may
     * have fewer columns (a part whose last columns are empty, say a p column with no value in its rows), never
     * more.
     */
    static boolean sameColumns(float[][] a, float[][] b, float tolerance) {
        if (b.length > a.length || Math.abs(a[0][0] - b[0][0]) > tolerance) {
            return false;
        }
        int j = 0; // the column of a that b's column k matches; none skipped before b's first column
        for (int k = 0; k < b.length; k++) {
            while (j < a.length && a[j][1] + tolerance < b[k][0]) {
                j++;
            }
            if (j == a.length || a[j][0] > b[k][1] + tolerance
                    || j + 1 < a.length && b[k][1] >= a[j + 1][0]
                    || k + 1 < b.length && a[j][1] >= b[k + 1][0]) {
                return false;
            }
            j++;
        }
        return true;
    }

    /**
     * Whether a line may be page furniture between the two parts of a table: a running header or footer, a page
     * number, a "(continued)" caption: at most {@link #MAX_FURNITURE_WORDS} words (a longer line is running text)
     * and not the caption of another table ("Table 3 ..." without "continued").
     */
    static boolean furniture(Line line) {
        StringBuilder b = new StringBuilder();
        for (Chunk c : line.chunks()) {
            b.append(c.text()).append(' ');
        }
        String t = b.toString().strip().toLowerCase(java.util.Locale.ROOT);
        boolean continued = t.contains("contin") || t.contains("cont.") || t.contains("cont'd")
                || t.contains("cont\u2019d") || t.contains("fortsetzung");
        if (continued) {
            return true;
        }
        if (caption(t)) {
            return false;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < t.length(); i++) {
            boolean w = !Character.isWhitespace(t.charAt(i));
            if (w && !inWord) {
                words++;
            }
            inWord = w;
        }
        return words <= MAX_FURNITURE_WORDS;
    }

    /**
     * Whether the last row of a table's part on one page and the first row of its part on the next are one row
     * whose label wraps across the page break: the last row has a label and no other cell, and the first row's
     * label goes on from it (begins in lower case or with a parenthesis, or the last label ends with a dash or a
     * comma).
     */
    static boolean wrapsOnto(String[] last, String[] first) {
        if (last.length != first.length || last[0].isEmpty() || first[0].isEmpty()) {
            return false;
        }
        for (int k = 1; k < last.length; k++) {
            if (!last[k].isEmpty()) {
                return false;
            }
        }
        char a = last[0].charAt(last[0].length() - 1);
        char b = first[0].charAt(0);
        return Character.isLowerCase(b) || b == '(' || "—–-,".indexOf(a) >= 0;
    }

    /** Whether a line begins as a table's caption ("Table 3. ...", "Tab. 2"): never a row of a table. */
    private static boolean caption(Line line) {
        List<Chunk> ch = line.chunks();
        if (ch.isEmpty()) {
            return false;
        }
        String t = ch.get(0).text().strip();
        if (ch.size() > 1 && t.length() < 12) {
            t = t + " " + ch.get(1).text().strip();
        }
        return caption(t.toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether lower-case {@code t} begins as a table's caption: "table 3", "tab. 2", "tabelle iv". */
    private static boolean caption(String t) {
        int i = t.startsWith("tabelle") ? 7 : t.startsWith("table") ? 5 : t.startsWith("tab.") ? 4 : -1;
        if (i < 0) {
            return false;
        }
        while (i < t.length() && t.charAt(i) == ' ') {
            i++;
        }
        return i < t.length() && (Character.isDigit(t.charAt(i)) || "ivx".indexOf(t.charAt(i)) >= 0);
    }

    /** The row of {@link #wrapsOnto}: the cells of both joined by a space. */
    static String[] joinRows(String[] last, String[] first) {
        String[] out = new String[last.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = last[k].isEmpty() ? first[k] : first[k].isEmpty() ? last[k] : last[k] + " " + first[k];
        }
        return out;
    }

    /** The widest distance between two successive baselines of lines {@code first..last} (0 with one baseline). */
    private static float widestPitch(List<Line> lines, int first, int last) {
        int count = 0;
        for (int k = first; k <= last; k++) {
            count += lines.get(k).chunks().size();
        }
        if (count == 0) {
            return 0;
        }
        float[] ys = new float[count];
        float height = 0;
        int m = 0;
        for (int k = first; k <= last; k++) {
            for (Chunk c : lines.get(k).chunks()) {
                ys[m++] = c.y();
                height = Math.max(height, c.height());
            }
        }
        Arrays.sort(ys);
        float pitch = 0;
        float previous = ys[0];
        for (float y : ys) {
            if (y - previous > height / 3) {
                pitch = Math.max(pitch, y - previous);
                previous = y;
            }
        }
        return pitch;
    }

    /**
     * The table without the lines at its top ({@code top}) or foot that stand in the page's margin: a line with
     * fewer than two cells that may be furniture ({@link #furniture}: a short running header such as "ORIGINAL
     * ARTICLE", a page number) and is further from the rest of the table than 1.5 times the rest's widest row
     * pitch; at most {@link #MAX_FURNITURE} lines. The region itself when there is none.
     */
    static Region withoutMargin(List<Line> lines, Region r, boolean top) {
        int first = r.first();
        int last = r.last();
        for (int guard = 0; guard < MAX_FURNITURE && last > first; guard++) {
            Line l = lines.get(top ? first : last);
            if (l.chunks().isEmpty() || cells(l).size() >= 2 || !furniture(l)) {
                break;
            }
            int from = top ? first + 1 : first;
            int to = top ? last : last - 1;
            float pitch = widestPitch(lines, from, to);
            float restTop = Float.MAX_VALUE;
            float restBottom = -Float.MAX_VALUE;
            for (int k = from; k <= to; k++) {
                for (Chunk c : lines.get(k).chunks()) {
                    restTop = Math.min(restTop, c.y());
                    restBottom = Math.max(restBottom, c.y());
                }
            }
            float lineTop = Float.MAX_VALUE;
            float lineBottom = -Float.MAX_VALUE;
            for (Chunk c : l.chunks()) {
                lineTop = Math.min(lineTop, c.y());
                lineBottom = Math.max(lineBottom, c.y());
            }
            float gap = top ? restTop - lineBottom : lineTop - restBottom;
            if (pitch == 0 || gap <= 1.5f * pitch) {
                break;
            }
            if (top) {
                first++;
            } else {
                last--;
            }
        }
        if (first == r.first() && last == r.last()) {
            return r;
        }
        return new Region(first, last, r.columns(), rows(lines.subList(first, last + 1), r.columns()));
    }

    /** Whether {@code a} is directly above {@code b}: baselines at most two font sizes apart (a wrapped label). */
    private static boolean close(Line a, Line b) {
        if (a.chunks().isEmpty() || b.chunks().isEmpty()) {
            return false;
        }
        Chunk x = a.chunks().get(0);
        Chunk y = b.chunks().get(0);
        return Math.abs(x.y() - y.y()) <= 2 * Math.max(x.size(), y.size());
    }

    private static int countTabular(List<List<float[]>> cells, int from, int to) {
        int c = 0;
        for (int k = from; k <= to; k++) {
            if (cells.get(k).size() >= 2) {
                c++;
            }
        }
        return c;
    }

    /** The x-intervals of a line's cells: chunks split where the gap is wide; none if the line is not in x order. */
    static List<float[]> cells(Line line) {
        List<float[]> out = new ArrayList<>();
        List<Chunk> ch = line.chunks();
        if (ch.isEmpty()) {
            return out;
        }
        float[] cur = {ch.get(0).x0(), ch.get(0).x1()};
        for (int k = 1; k < ch.size(); k++) {
            Chunk prev = ch.get(k - 1);
            Chunk c = ch.get(k);
            float gap = c.x0() - prev.x1();
            if (gap < -prev.space()) {
                return List.of(); // not left to right: not a table row
            }
            if (gap >= prev.gapAfter()) {
                out.add(cur);
                cur = new float[] {c.x0(), c.x1()};
            } else {
                cur[1] = Math.max(cur[1], c.x1());
            }
        }
        out.add(cur);
        return out;
    }

    private static boolean near(Line a, Line b) {
        if (a.chunks().isEmpty() || b.chunks().isEmpty()) {
            return false;
        }
        Chunk x = a.chunks().get(0);
        Chunk y = b.chunks().get(0);
        return Math.abs(x.y() - y.y()) <= MAX_ROW_PITCH_EMS * Math.max(x.size(), y.size());
    }

    /**
     * Column x-intervals: the cells of the tabular lines with the most cells (the largest k that at least two lines
     * reach) merged where they overlap, left to right. Lines with fewer cells (a header whose cells are close, a
     * cell spanning columns) do not join two columns.
     */
    private static float[][] columns(List<Integer> tab, List<List<float[]>> cells) {
        int[] counts = new int[tab.size()];
        for (int k = 0; k < tab.size(); k++) {
            counts[k] = cells.get(tab.get(k)).size();
        }
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        int most = sorted[sorted.length - 2]; // at least two lines have this many cells or more
        List<float[]> all = new ArrayList<>();
        for (int k = 0; k < tab.size(); k++) {
            if (counts[k] >= most) {
                all.addAll(cells.get(tab.get(k)));
            }
        }
        all.sort(Comparator.comparingDouble(c -> c[0]));
        List<float[]> cols = new ArrayList<>();
        for (float[] c : all) {
            float[] last = cols.isEmpty() ? null : cols.get(cols.size() - 1);
            if (last != null && c[0] <= last[1]) {
                last[1] = Math.max(last[1], c[1]);
            } else {
                cols.add(new float[] {c[0], c[1]});
            }
        }
        return cols.toArray(new float[0][]);
    }

    /**
     * Whether every chunk of a line falls in one column: it overlaps at most one column and does not begin left of
     * the table (half a space of tolerance); a line of running text crosses a gap between columns.
     */
    private static boolean fits(Line line, float[][] cols) {
        if (line.chunks().isEmpty()) {
            return false;
        }
        for (Chunk c : line.chunks()) {
            if (c.x0() < cols[0][0] - Math.max(0.5f * c.space(), 0.5f)) {
                return false;
            }
            int over = 0;
            for (float[] col : cols) {
                if (c.x0() < col[1] && c.x1() > col[0]) {
                    over++;
                }
            }
            if (over > 1) {
                return false;
            }
        }
        return true;
    }

    private static int column(Chunk c, float[][] cols) {
        int best = -1;
        float bestOverlap = 0;
        for (int k = 0; k < cols.length; k++) {
            float o = Math.min(c.x1(), cols[k][1]) - Math.max(c.x0(), cols[k][0]);
            if (o > bestOverlap) {
                bestOverlap = o;
                best = k;
            }
        }
        if (best >= 0) {
            return best;
        }
        float mid = (c.x0() + c.x1()) / 2;
        float bestDistance = Float.MAX_VALUE;
        for (int k = 0; k < cols.length; k++) {
            float d = mid < cols[k][0] ? cols[k][0] - mid : mid > cols[k][1] ? mid - cols[k][1] : 0;
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /** The rows of a region, each as its cells' text. */
    private static List<String[]> rows(List<Line> region, float[][] cols) {
        List<Chunk> chunks = new ArrayList<>();
        for (Line l : region) {
            chunks.addAll(l.chunks());
        }
        chunks.sort(Comparator.comparingDouble(Chunk::y).thenComparingDouble(Chunk::x0));
        // visual lines: baselines within a third of the glyph height
        List<List<Chunk>> visual = new ArrayList<>();
        for (Chunk c : chunks) {
            List<Chunk> cur = visual.isEmpty() ? null : visual.get(visual.size() - 1);
            if (cur != null && c.y() - cur.get(0).y() <= Math.max(cur.get(0).height(), c.height()) / 3) {
                cur.add(c);
            } else {
                List<Chunk> fresh = new ArrayList<>();
                fresh.add(c);
                visual.add(fresh);
            }
        }
        List<String[]> rows = new ArrayList<>();
        StringBuilder[] cellText = null;
        float rowBottom = 0;
        for (List<Chunk> v : visual) {
            float top = Float.MAX_VALUE;
            float bottom = -Float.MAX_VALUE;
            float height = 0;
            StringBuilder[] lineText = new StringBuilder[cols.length];
            for (Chunk c : v) {
                top = Math.min(top, c.top());
                bottom = Math.max(bottom, c.y());
                height = Math.max(height, c.height());
                int k = column(c, cols);
                if (lineText[k] == null) {
                    lineText[k] = new StringBuilder();
                }
                append(lineText[k], c.text());
            }
            boolean join = cellText != null && (top < rowBottom
                    || top - rowBottom < height && !numbersInSameColumn(cellText, lineText));
            if (!join) {
                if (cellText != null) {
                    rows.add(texts(cellText));
                }
                cellText = new StringBuilder[cols.length];
                rowBottom = bottom;
            } else {
                rowBottom = Math.max(rowBottom, bottom);
            }
            for (int k = 0; k < cols.length; k++) {
                if (lineText[k] != null) {
                    if (cellText[k] == null) {
                        cellText[k] = new StringBuilder();
                    }
                    append(cellText[k], lineText[k].toString());
                }
            }
        }
        if (cellText != null) {
            rows.add(texts(cellText));
        }
        return rows;
    }

    private static boolean numbersInSameColumn(StringBuilder[] row, StringBuilder[] line) {
        for (int k = 1; k < row.length; k++) {
            if (row[k] != null && line[k] != null && numeric(row[k]) && numeric(line[k])) {
                return true;
            }
        }
        return false;
    }

    private static boolean numeric(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                return Character.isDigit(c) || "<>≤≥−–-·.".indexOf(c) >= 0;
            }
        }
        return false;
    }

    private static void append(StringBuilder b, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return;
        }
        if (b.length() > 0) {
            b.append(' ');
        }
        b.append(t);
    }

    private static String[] texts(StringBuilder[] cells) {
        String[] s = new String[cells.length];
        Arrays.setAll(s, k -> cells[k] == null ? "" : cells[k].toString().replace('|', '/'));
        return s;
    }

    static String write(String[] cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
