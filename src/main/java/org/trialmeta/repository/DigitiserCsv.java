package org.trialmeta.repository;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialmeta.model.InputException;

/**
 * Reads the two-column files of a digitised Kaplan-Meier curve: the points and the numbers-at-risk table, in the
 * forms digitisers and the R packages write them.
 * <ul>
 *   <li>CSV with a header (comma separated, RFC 4180 quoting; {@link CsvTable}); columns found by name, case
 *       ignored: points {@code time} (or {@code t}, {@code x}) and {@code survival} (or {@code surv}, {@code s},
 *       {@code y}, {@code S}); at-risk {@code time} (or {@code trisk}, {@code t}, {@code x}) and {@code n_risk} (or
 *       {@code nrisk}, {@code n.risk}, {@code NAR}, {@code at_risk}, {@code n}). This covers reconstructKM's
 *       {@code time,survival} clicks and {@code time,NAR} tables and IPDfromKM's {@code trisk}/{@code nrisk}
 *       vectors written as columns; other columns are ignored;</li>
 *   <li>WebPlotDigitizer's CSV export: no header, one {@code x,y} pair per line; with a semicolon separator the
 *       decimal separator may be a comma ({@code 1,5;0,98}, as a spreadsheet in a decimal-comma locale writes it).
 *       A semicolon (or tab) separated file with a header is read the same way.</li>
 * </ul>
 * A file is read as headerless when the first two fields of its first non-blank line are numbers. Without a header,
 * exactly two values per line are required (so that {@code 1,5,0,98}, decimal commas with comma separators, is
 * refused rather than misread). Errors name the file, line, column and value.
 */
public final class DigitiserCsv {

    private DigitiserCsv() {}

    /** Which of the two files, with the accepted column names (the first is the one used in messages). */
    public enum Kind {
        /** Digitised points: time and survival. */
        CURVE(List.of("time", "t", "x"), List.of("survival", "surv", "s", "y")),
        /** Numbers at risk: time and count. */
        AT_RISK(List.of("time", "trisk", "t", "x"), List.of("n_risk", "nrisk", "n.risk", "nar", "at_risk", "n"));

        private final List<String> timeNames;
        private final List<String> valueNames;

        Kind(List<String> timeNames, List<String> valueNames) {
            this.timeNames = timeNames;
            this.valueNames = valueNames;
        }
    }

    /**
     * A file read: its cells, the names of its time and value columns in it, and how it was read.
     *
     * @param table       the cells (line numbers as in the file)
     * @param timeColumn  the time column's name in {@code table}
     * @param valueColumn the survival or count column's name in {@code table}
     * @param format      how the file was read, e.g. "CSV with header" or "no header (x,y pairs), ';' separated,
     *                    decimal comma"
     */
    public record Read(CsvTable table, String timeColumn, String valueColumn, String format) {}

    /** Reads {@code file} as {@code kind}. */
    public static Read read(Path file, Kind kind) {
        return parse(file.toString(), CsvTable.readBytes(file), kind);
    }

    /** Parses bytes as {@code kind}; {@code name} identifies the input in messages. */
    public static Read parse(String name, byte[] bytes, Kind kind) {
        String text = CsvTable.text(name, bytes);
        String[] lines = text.split("\r\n|\n|\r", -1);
        int first = 0;
        while (lines[first].isBlank()) {
            first++;
        }
        String head = lines[first];
        char sep = head.indexOf(';') >= 0 ? ';' : head.indexOf('\t') >= 0 && head.indexOf(',') < 0 ? '\t' : ',';
        String[] headFields = split(head, sep);
        boolean headerless = headFields.length >= 2 && number(headFields[0], sep) != null
                && number(headFields[1], sep) != null;
        if (!headerless && sep == ',') {
            CsvTable t = CsvTable.parse(name, bytes);
            return new Read(t, column(t, kind.timeNames), column(t, kind.valueNames), "CSV with header");
        }
        List<String> columns;
        int start;
        if (headerless) {
            columns = List.of(kind.timeNames.get(0), kind.valueNames.get(0));
            start = first;
        } else {
            columns = new ArrayList<>();
            for (String h : headFields) {
                String c = unquote(h);
                if (c.isEmpty() || columns.contains(c)) {
                    throw new InputException(name + ": line " + (first + 1) + ": header column "
                            + (columns.size() + 1) + (c.isEmpty() ? " has no name" : " '" + CsvTable.shown(c)
                            + "' appears twice in the header"));
                }
                columns.add(c);
            }
            start = first + 1;
        }
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = start; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = split(lines[i], sep);
            if (f.length != columns.size()) {
                throw new InputException(name + ": line " + (i + 1) + ": " + f.length + " value" + (f.length == 1 ? ""
                        : "s") + ", expected " + columns.size() + " (" + String.join(", ", columns) + ")"
                        + (headerless && sep == ',' && f.length > 2 ? "; decimal commas need ';' as the separator"
                        : ""));
            }
            List<String> row = new ArrayList<>(f.length);
            for (String v : f) {
                String u = unquote(v);
                row.add(sep == ';' ? u.replace(',', '.') : u);
            }
            rows.add(row);
            lineNumbers.add(i + 1);
        }
        CsvTable t = CsvTable.of(name, columns, rows, lineNumbers.stream().mapToInt(Integer::intValue).toArray());
        String how = (headerless ? "no header (x,y pairs, as WebPlotDigitizer exports)" : "header")
                + (sep == ';' ? ", ';' separated, decimal comma" : sep == '\t' ? ", tab separated" : "");
        return new Read(t, headerless ? columns.get(0) : column(t, kind.timeNames),
                headerless ? columns.get(1) : column(t, kind.valueNames), how);
    }

    /** The first column of {@code t} named one of {@code names} (case ignored); refuses naming what is accepted. */
    private static String column(CsvTable t, List<String> names) {
        for (String n : names) {
            for (String c : t.columns()) {
                if (c.toLowerCase(Locale.ROOT).equals(n)) {
                    return c;
                }
            }
        }
        throw new InputException(t.name() + ": missing column " + names.get(0) + " (also accepted: "
                + String.join(", ", names.subList(1, names.size())) + "; columns present: "
                + CsvTable.shown(String.join(", ", t.columns())) + ")");
    }

    private static String[] split(String line, char sep) {
        return line.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
    }

    private static String unquote(String v) {
        String s = v.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).strip() : s;
    }

    private static Double number(String field, char sep) {
        String v = unquote(field);
        if (sep == ';') {
            v = v.replace(',', '.');
        }
        if (!v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        return Double.parseDouble(v);
    }
}
