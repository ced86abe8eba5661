package org.trialmeta.report;

import java.util.List;
import java.util.Objects;

/**
 * A summary table as plain text cells, written by {@link TableWriter} as CSV, Markdown, HTML and DOCX.
 *
 * @param id        file base name, e.g. {@code efficacy}
 * @param title     caption
 * @param columns   column headers
 * @param rows      rows of cells (each as many as columns); equal cells are kept once (a report's data-used table
 *                  of 8,000 trials: 640,000 cells, 18,600 of them different)
 * @param footnotes lines under the table
 */
public record Table(String id, String title, List<String> columns, List<List<String>> rows, List<String> footnotes) {
    public Table {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        java.util.Map<String, String> cells = new java.util.HashMap<>();
        rows = rows.stream().map(r -> r.stream().map(c -> c == null ? "" : cells.computeIfAbsent(c, x -> x)).toList())
                .toList();
        footnotes = List.copyOf(footnotes);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": rows[" + i + "] has " + rows.get(i).size()
                        + " cells, but there are " + columns.size() + " columns");
            }
        }
    }
}
