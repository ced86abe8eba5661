package org.trialmeta.repository;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialmeta.model.InputException;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A user's CSV file read as text cells, with typed accessors whose errors name the file, the row (as
 * the line number a spreadsheet shows, header = line 1), the column, the value and the rule.
 *
 * <p>Parsing is Tablesaw's (RFC 4180 quoting, CRLF, quoted commas); every column is read as text so
 * that no type guessing changes a value, and conversion happens here with {@link Locale#ROOT} rules.
 * The file must be UTF-8 (a BOM is accepted), have a header row, unique column names and no blank
 * column names.
 */
public final class CsvTable {

    /** A plain decimal number (compiled once: String.matches would compile it for every cell). */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Files larger than this are refused rather than read into memory. */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private final String name;
    private final List<String> columns;
    private final Map<String, List<String>> cells;
    private final int rows;
    /** The file line of each data row, or null when row r is on line r + 2 (a header line, no blank lines). */
    private final int[] lines;

    private CsvTable(String name, List<String> columns, Map<String, List<String>> cells, int rows, int[] lines) {
        this.name = name;
        this.columns = columns;
        this.cells = cells;
        this.rows = rows;
        this.lines = lines;
    }

    /**
     * A table of cells parsed elsewhere (e.g. a digitiser's export without a header), with the file line of each
     * row for messages.
     *
     * @param columns column names (unique)
     * @param rows    cells by row, each row as long as {@code columns}
     * @param lines   the file line of each row
     */
    public static CsvTable of(String name, List<String> columns, List<List<String>> rows, int[] lines) {
        if (lines.length != rows.size()) {
            throw new IllegalArgumentException(lines.length + " line numbers for " + rows.size() + " rows");
        }
        Map<String, List<String>> cells = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            List<String> values = new ArrayList<>(rows.size());
            for (List<String> r : rows) {
                values.add(r.get(c).strip());
            }
            cells.put(columns.get(c), values);
        }
        return new CsvTable(name, List.copyOf(columns), cells, rows.size(), lines.clone());
    }

    /** Reads {@code file}; the file's name as given is used in error messages. */
    public static CsvTable read(Path file) {
        return parse(file.toString(), readBytes(file));
    }

    /**
     * The bytes of {@code file}, refusing directories, missing files and files over {@link #MAX_BYTES}; the file's
     * name as given is used in error messages.
     */
    public static byte[] readBytes(Path file) {
        String display = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(display + ": is a directory, expected a CSV file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(display + ": file is " + size + " bytes, more than the limit of "
                        + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(display + ": file not found");
        } catch (IOException e) {
            throw new InputException(display + ": cannot read file (" + e.getMessage() + ")");
        }
        return bytes;
    }

    /** Parses CSV bytes; {@code name} identifies the input in error messages. */
    public static CsvTable parse(String name, byte[] bytes) {
        String text = text(name, bytes);
        List<String> header = headerOf(name, text);
        Table t;
        try (Reader reader = new StringReader(text)) {
            CsvReadOptions options = CsvReadOptions.builder(reader)
                    .header(true)
                    .columnTypes(col -> ColumnType.STRING)
                    .missingValueIndicator("\u0000")
                    .maxCharsPerColumn(1_000_000)
                    .maxNumberOfColumns(10_000)
                    .build();
            t = Table.read().usingOptions(options);
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
            throw new InputException(name + ": malformed CSV (" + shown(msg, MAX_SHOWN_MESSAGE_CHARS) + ")");
        }
        if (t.columnCount() != header.size()) {
            throw new InputException(name + ": malformed CSV header (" + header.size()
                    + " names, " + t.columnCount() + " columns parsed)");
        }
        Map<String, List<String>> cells = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < t.columnCount(); i++) {
            Column<?> c = t.column(i);
            String col = header.get(i);
            List<String> values = new ArrayList<>(c.size());
            for (int r = 0; r < c.size(); r++) {
                String v = c.getString(r);
                values.add(v == null ? "" : v.strip());
            }
            cells.put(col, values);
            names.add(col);
        }
        return new CsvTable(name, Collections.unmodifiableList(names), cells, t.rowCount(), null);
    }

    /**
     * The bytes as UTF-8 text without a BOM; refuses text that is not UTF-8, is blank, or holds NUL bytes (one line
     * naming {@code name}).
     */
    public static String text(String name, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(name + ": not valid UTF-8 text (save the file as UTF-8 CSV)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new InputException(name + ": file is empty (expected a header row and data rows)");
        }
        if (text.indexOf('\0') >= 0) {
            throw new InputException(name + ": contains NUL bytes, not a text CSV file");
        }
        return text;
    }

    private static List<String> headerOf(String name, String text) {
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString().strip());
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).isEmpty()) {
                throw new InputException(name + ": header column " + (i + 1) + " has no name");
            }
            for (int j = 0; j < i; j++) {
                if (out.get(j).equals(out.get(i))) {
                    throw new InputException(name + ": column '" + shown(out.get(i)) + "' appears twice in the header");
                }
            }
        }
        return out;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The input's name as used in messages. */
    public String name() {
        return name;
    }

    /** Column names in file order. */
    public List<String> columns() {
        return columns;
    }

    /** Number of data rows. */
    public int rowCount() {
        return rows;
    }

    /** The spreadsheet line number of data row {@code row} (0-based): header is line 1. */
    public static int lineOf(int row) {
        return row + 2;
    }

    /** The file line of data row {@code row} (0-based) of this table. */
    public int line(int row) {
        return lines == null ? lineOf(row) : lines[row];
    }

    public boolean hasColumn(String column) {
        return cells.containsKey(column);
    }

    /** Fails with a clear message unless every named column is present. */
    public CsvTable requireColumns(String... required) {
        List<String> missing = new ArrayList<>();
        for (String c : required) {
            if (!cells.containsKey(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException(name + ": missing column" + (missing.size() > 1 ? "s " : " ")
                    + shown(String.join(", ", missing)) + " (columns present: " + shown(String.join(", ", columns)) + ")");
        }
        return this;
    }

    /**
     * The index of the first column set that is wholly present, for inputs that accept the same data under
     * several namings (metafor's {@code ai,n1i,ci,n2i} or RevMan's {@code events_1,total_1,events_2,total_2}).
     * When none is complete: if the columns of exactly one set are partly present, the message names that set's
     * missing columns (as {@link #requireColumns}); otherwise it lists every accepted set.
     *
     * @param what what the columns are for, e.g. "--measure OR"
     */
    public int requireOneOf(String what, List<List<String>> sets) {
        int partial = -1;
        int partials = 0;
        for (int i = 0; i < sets.size(); i++) {
            int present = 0;
            for (String c : sets.get(i)) {
                present += cells.containsKey(c) && !c.equals("study") ? 1 : 0;
            }
            if (sets.get(i).stream().allMatch(cells::containsKey)) {
                return i;
            }
            if (present > 0) {
                partial = i;
                partials++;
            }
        }
        if (partials == 1) {
            requireColumns(sets.get(partial).toArray(String[]::new));
        }
        List<String> alternatives = new ArrayList<>();
        for (List<String> set : sets) {
            alternatives.add(String.join(",", set));
        }
        throw new InputException(name + ": missing columns for " + what + ": give " + String.join(" or ", alternatives)
                + " (columns present: " + shown(String.join(", ", columns)) + ")");
    }

    /** Fails unless the file has at least {@code min} data rows. */
    public CsvTable requireRows(int min) {
        if (rows < min) {
            throw new InputException(name + ": has " + rows + " data row" + (rows == 1 ? "" : "s")
                    + ", at least " + min + " required");
        }
        return this;
    }

    /** The text of a cell (stripped), or a clear error when the column is missing. */
    public String string(String column, int row) {
        requireColumns(column);
        return cells.get(column).get(row);
    }

    /** A column as text, non-empty cells required. */
    public String[] strings(String column) {
        requireColumns(column);
        List<String> values = cells.get(column);
        String[] out = new String[rows];
        for (int r = 0; r < rows; r++) {
            String v = values.get(r);
            if (v.isEmpty()) {
                throw cellError(column, r, v, "a value is required");
            }
            out[r] = v;
        }
        return out;
    }

    /** A column of finite numbers. */
    public double[] doubles(String column) {
        requireColumns(column);
        List<String> values = cells.get(column);
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = parseFinite(column, r, values.get(r));
        }
        return out;
    }

    /** A column of non-negative whole numbers (counts). Fractional values such as 3.5 are refused. */
    public int[] counts(String column) {
        requireColumns(column);
        List<String> values = cells.get(column);
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            String v = values.get(r);
            double d = parseFinite(column, r, v);
            if (d != Math.rint(d)) {
                throw cellError(column, r, v, "a count must be a whole number");
            }
            if (d < 0) {
                throw cellError(column, r, v, "a count must not be negative");
            }
            if (d > Integer.MAX_VALUE) {
                throw cellError(column, r, v, "a count must be at most " + Integer.MAX_VALUE);
            }
            out[r] = (int) d;
        }
        return out;
    }

    private double parseFinite(String column, int row, String v) {
        if (v.isEmpty()) {
            throw cellError(column, row, v, "a number is required");
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw cellError(column, row, v, "not a number");
        }
        // Double.parseDouble accepts "NaN", "Infinity", "1d", "0x1p3": refuse all but plain decimals
        if (!Double.isFinite(d) || !DECIMAL.matcher(v).matches()) {
            throw cellError(column, row, v, "must be a finite decimal number");
        }
        return d;
    }

    /** An input error for one cell: file, line, column, value (as {@link #shown}), rule. */
    public InputException cellError(String column, int row, String value, String rule) {
        return new InputException(name + ": line " + line(row) + ", column " + column + ": '"
                + shown(value) + "' " + "(" + rule + ")");
    }

    /** Values longer than this are cut in messages (a message stays one readable line). */
    static final int MAX_SHOWN_CHARS = 80;

    /**
     * A cell value as shown in a one-line message: line breaks and other control characters escaped
     * ({@code \n}, {@code \r}, {@code \t}, {@code \u0085}), cut after {@value #MAX_SHOWN_CHARS} characters.
     * A quoted CSV cell may hold a line break; printed raw, it would split the message.
     */
    public static String shown(String value) {
        return shown(value, MAX_SHOWN_CHARS);
    }

    /** Parser messages are cut later than cell values. */
    static final int MAX_SHOWN_MESSAGE_CHARS = 300;

    static String shown(String value, int max) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            if (n >= max) {
                sb.append("... (").append(value.length()).append(" characters)");
                break;
            }
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
            n++;
        }
        return sb.toString();
    }
}
