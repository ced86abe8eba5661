package org.trialmeta.present;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with left-aligned text columns and right-aligned numeric columns. Small tables are built row by
 * row and rendered to a string; a table of very many rows is streamed ({@link #write}) from a {@link Rows} source
 * in two passes (widths, then lines), so that no row is kept in memory.
 */
public final class TextTable {

    /** The cells of row {@code i} of a streamed table, made on demand (e.g. formatted from primitive columns). */
    public interface Rows {
        /** The text of each cell of row {@code i}, one per column, null for empty. */
        String[] cells(int i);
    }

    private final List<String> header;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** Columns whose header starts with '>' are right-aligned (the '>' is not printed). */
    public TextTable(String... columns) {
        header = new ArrayList<>();
        rightAligned = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            String c = columns[i];
            rightAligned[i] = c.startsWith(">");
            header.add(rightAligned[i] ? c.substring(1) : c);
        }
    }

    public TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(
                    "row has " + cells.length + " cells, table has " + header.size() + " columns");
        }
        List<String> r = new ArrayList<>(cells.length);
        for (Object c : cells) {
            r.add(c == null ? "" : c.toString());
        }
        rows.add(r);
        return this;
    }

    /** The table with a header rule, each line ending in {@code \n}. */
    public String render() {
        int n = header.size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            sb.append("-".repeat(width[i]));
        }
        sb.append('\n');
        for (List<String> r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    /**
     * Writes the table of rows {@code 0 … n−1} of {@code rows} to {@code out}, exactly as {@link #render()} would
     * for the same rows (header, rule, lines without trailing blanks): a first pass measures the columns, a second
     * formats and writes each line. Nothing but one row is held in memory.
     */
    public void write(Writer out, Rows rows, int n) {
        int cols = header.size();
        int[] width = new int[cols];
        for (int i = 0; i < cols; i++) {
            width[i] = header.get(i).length();
        }
        for (int r = 0; r < n; r++) {
            String[] c = rows.cells(r);
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], c[i] == null ? 0 : c[i].length());
            }
        }
        StringBuilder sb = new StringBuilder(256);
        try {
            line(sb, header, width);
            for (int i = 0; i < cols; i++) {
                if (i > 0) {
                    sb.append("  ");
                }
                sb.append("-".repeat(width[i]));
            }
            sb.append('\n');
            out.append(sb);
            for (int r = 0; r < n; r++) {
                String[] c = rows.cells(r);
                sb.setLength(0);
                List<String> cells = new ArrayList<>(cols);
                for (String x : c) {
                    cells.add(x == null ? "" : x);
                }
                line(sb, cells, width);
                out.append(sb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                l.append("  ");
            }
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            l.append(rightAligned[i] ? pad + c : c + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
