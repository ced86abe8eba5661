package org.trialmeta.present;

import java.util.List;

/**
 * CSV text as RFC 4180 writes it, with cells a spreadsheet cannot mistake for formulas: a text cell that starts with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe (OWASP, "CSV Injection"); numbers such as
 * {@code -0.5} stay numbers. Lines end in {@code \n}.
 */
public final class Csv {

    private Csv() {}

    /** One line of cells, each neutralised and quoted where needed, ending in a newline. */
    public static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        return sb.append('\n').toString();
    }

    /** One cell: null as empty, formula-like text neutralised, quoted when it holds a comma, quote or line break. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** A full-precision number, empty when null or not finite. */
    public static String number(Double v) {
        return v == null || !Double.isFinite(v) ? "" : Double.toString(v);
    }

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    /** A plain decimal number (what a spreadsheet reads as a number, never as a formula). */
    private static boolean isNumber(String v) {
        return v.length() <= 40 && NUMBER.matcher(v).matches();
    }
}
