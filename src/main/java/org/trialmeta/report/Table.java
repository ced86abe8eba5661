package org.trialmeta.report;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A summary table as plain text cells, written by {@link TableWriter} as CSV, Markdown, HTML and DOCX.
 *
 * @param id        file base name, e.g. {@code efficacy}
 * @param title     caption
 * @param columns   column headers
 * @param rows      rows of cells (each as many as columns; a null cell is kept as ""), unmodifiable; equal cells are
 *                  kept once (a report's data-used table of 8,000 trials: 640,000 cells, 18,600 of them different),
 *                  and the rows are views of one array of cells rather than a list each (a report of 8,000 trials
 *                  holds tables of about 150,000 rows until it writes them: about 6 MB of lists)
 * @param footnotes lines under the table
 */
public record Table(String id, String title, List<String> columns, List<List<String>> rows, List<String> footnotes) {
    public Table {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        int n = columns.size();
        String[] cells = new String[Math.multiplyExact(rows.size(), n)];
        Map<String, String> same = new HashMap<>();
        int at = 0;
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() != n) {
                throw new IllegalArgumentException("table " + id + ": rows[" + i + "] has " + row.size()
                        + " cells, but there are " + n + " columns");
            }
            for (String c : row) {
                cells[at++] = c == null ? "" : same.computeIfAbsent(c, x -> x);
            }
        }
        rows = new Rows(cells, n, rows.size());
        footnotes = List.copyOf(footnotes);
    }

    /** Rows of {@code width} cells laid end to end in {@code cells}; each row a view made when asked for. */
    private static final class Rows extends AbstractList<List<String>> implements RandomAccess {
        private final String[] cells;
        private final int width;
        private final int count;

        Rows(String[] cells, int width, int count) {
            this.cells = cells;
            this.width = width;
            this.count = count;
        }

        @Override
        public List<String> get(int row) {
            return new Row(cells, Objects.checkIndex(row, count) * width, width);
        }

        @Override
        public int size() {
            return count;
        }
    }

    /** The {@code width} cells of {@code cells} from {@code from}. */
    private static final class Row extends AbstractList<String> implements RandomAccess {
        private final String[] cells;
        private final int from;
        private final int width;

        Row(String[] cells, int from, int width) {
            this.cells = cells;
            this.from = from;
            this.width = width;
        }

        @Override
        public String get(int column) {
            return cells[from + Objects.checkIndex(column, width)];
        }

        @Override
        public int size() {
            return width;
        }
    }
}
