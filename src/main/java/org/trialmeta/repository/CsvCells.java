package org.trialmeta.repository;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cells of the files the program writes for other programs to open (CSV, DOCX tables) and Markdown text,
 * made safe (issue 15): the one writer of a CSV line and the one Markdown escaper of raw HTML.
 *
 * <p><b>Formula injection</b> (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return as a formula, so a study or arm name such as
 * {@code =HYPERLINK(...)} must not reach a cell as written. Such a cell gets a leading single quote
 * ({@code '=HYPERLINK(...)}), which spreadsheets show as text; a plain number ({@code -0.5}, {@code +3},
 * {@code -1e-3}) is left as it is, so it stays a number.
 */
public final class CsvCells {

    /** A plain decimal number, as {@link CsvTable} reads one. */
    static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvCells() {}

    /**
     * The cell's text with a formula trigger neutralised (see the class comment) and control characters replaced
     * ({@link Messages#printable}); any other text unchanged.
     */
    public static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String cell = Messages.printable(text);
        char c = cell.charAt(0);
        boolean trigger = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return trigger && !isNumber(cell) ? "'" + cell : cell;
    }

    /**
     * Whether {@code s} matches {@link #NUMBER} ({@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}), checked by hand:
     * a CSV of 10⁵ analyses has millions of negative numbers, and a regex matcher per cell was a tenth of writing
     * it. {@code CsvCellsTest} compares the two on every string of up to 5 characters over the relevant alphabet.
     */
    static boolean isNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** An ASCII digit only: the pattern's \d (without UNICODE_CHARACTER_CLASS) is [0-9]. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** One CSV field (RFC 4180): neutralised, then quoted when it holds a comma, a quote or a line break. */
    public static String field(String cell) {
        String c = neutralised(cell);
        if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
            return '"' + c.replace("\"", "\"\"") + '"';
        }
        return c;
    }

    /** One CSV line of {@link #field}s, ending in {@code \n}. */
    public static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(cells.get(i)));
        }
        return sb.append('\n').toString();
    }

    /**
     * Markdown text without raw HTML: {@code <} written as {@code &lt;}, so a name such as
     * {@code <img src=x onerror=...>} is shown as text by a Markdown renderer instead of becoming an element
     * (the escaper of both {@code check --format md} and the report's {@code tables/*.md}); control characters
     * replaced ({@link Messages#printable}).
     */
    public static String markdownWithoutHtml(String text) {
        return Messages.printable(text).replace("<", "&lt;");
    }
}
