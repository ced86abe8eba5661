package org.trialmeta.scan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Splits a document's text into {@link Token}s in one linear pass (no regular expression), reading numbers in the
 * notations journals use: a decimal point, the Lancet's raised point ("0·62"), a decimal comma in a document that
 * uses one ("77,6 %"), a leading point ("P = .03"), thousands separators ("1,234"), powers of ten ("2.1 × 10⁻⁵",
 * "3×10^-4"). Every dash (hyphen-minus, en dash, em dash, minus sign, figure dash, horizontal bar) is one
 * {@link Token.Kind#DASH}; brackets are {@link Token.Kind#OPEN}/{@link Token.Kind#CLOSE}; a period that ends a
 * sentence is {@link Token.Kind#PERIOD}; a blank line or a table-row line end is {@link Token.Kind#BREAK}.
 */
final class Tokenizer {

    /**
     * Longest line taken for a heading when it follows a line that ended a sentence, does not end one itself and
     * the next line starts with a capital ("Results", "Table 2. ..."): a heading ends the paragraph, so statistics
     * are not paired across it.
     */
    private static final int MAX_HEADING = 60;

    /** Longest digit run read as one number (longer runs are identifiers, not statistics). */
    private static final int MAX_DIGITS = 12;

    private Tokenizer() {}

    /** Whether the text writes decimals with a comma: "77,6 %" or "0,62" more often than "77.6" or "0.62". */
    static boolean decimalComma(CharSequence s) {
        int comma = 0;
        int point = 0;
        int n = s.length();
        for (int i = 1; i + 1 < n; i++) {
            char c = s.charAt(i);
            if ((c == ',' || c == '.') && isDigit(s.charAt(i - 1)) && isDigit(s.charAt(i + 1))) {
                int digitsAfter = 0;
                int j = i + 1;
                while (j < n && isDigit(s.charAt(j))) {
                    digitsAfter++;
                    j++;
                }
                if (c == ',' && digitsAfter != 3) {
                    comma++;
                } else if (c == '.') {
                    point++;
                }
            }
        }
        return comma > point;
    }

    /** The one-character symbols' texts, made once (a document has hundreds of thousands of them). */
    private static final String[] ASCII = new String[128];

    static {
        for (char c = 0; c < ASCII.length; c++) {
            ASCII[c] = String.valueOf(c);
        }
    }

    /**
     * The tokens of a text in order, made as they are asked for ({@link #next}): {@link Extractor} keeps only those
     * near the sentence or table row it reads, so the tokens of a long text are not all held at once (a 6 MB text has 2
     * million of them).
     */
    static final class Stream {
        private final CharSequence s;
        private final boolean decimalComma;
        private final int n;
        // each distinct word kept once: a text repeats its words, and a token list of a 6 MB text held 2 million
        // strings (107 MB of the 170 MB the list took)
        private final Map<String, String> words = new HashMap<>();
        private int i = 0;
        private boolean tableLine;
        private int lineStart = 0;
        private char previousLineEnd = '.';

        Stream(CharSequence s, boolean decimalComma) {
            this.s = s;
            this.decimalComma = decimalComma;
            this.n = s.length();
            this.tableLine = lineHasPipe(s, 0);
        }

        /** Reads on to the next token or tokens and adds them to {@code out}; false at the end of the text. */
        boolean next(List<Token> out) {
            int before = out.size();
            while (i < n && out.size() == before) {
                step(out);
            }
            return out.size() > before;
        }

        /** One step of the scan: a character, a line end, a word, a number or a symbol (0 or more tokens). */
        private void step(List<Token> out) {
            char c = s.charAt(i);
            if (c == '\n') {
                char lineEnd = lastNonBlank(s, lineStart, i);
                boolean heading = lineEnd != 0 && i - lineStart <= MAX_HEADING && ".!?:".indexOf(previousLineEnd) >= 0
                        && ".,;:-(\u2013\u2014".indexOf(lineEnd) < 0 && Character.isUpperCase(firstNonBlank(s, i + 1));
                if (lineEnd != 0) {
                    previousLineEnd = heading ? '.' : lineEnd;
                }
                lineStart = i + 1;
                int j = i + 1;
                boolean blank = false;
                while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t' || s.charAt(j) == '\n' || s.charAt(j) == '\r')) {
                    if (s.charAt(j) == '\n') {
                        blank = true;
                    }
                    j++;
                }
                boolean nextTable = lineHasPipe(s, i + 1);
                if (blank || tableLine || nextTable || heading) {
                    out.add(new Token(Token.Kind.BREAK, i, i + 1, "\n", null));
                }
                tableLine = nextTable;
                i++;
                return;
            }
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u2009' || c == '\u200a' || c == '\u202f') {
                i++;
                return;
            }
            if (isDigit(c) || (c == '.' || isRaisedPoint(c)) && i + 1 < n && isDigit(s.charAt(i + 1))
                    && (i == 0 || !isDigit(s.charAt(i - 1)))) {
                int end = number(s, i, decimalComma, out);
                if (end > i) {
                    i = end;
                    return;
                }
            }
            if (Character.isLetter(c)) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '\'' && j + 1 < n
                        && Character.isLetter(s.charAt(j + 1)))) {
                    j++;
                }
                String word = s.subSequence(i, j).toString().toLowerCase(Locale.ROOT);
                out.add(new Token(Token.Kind.WORD, i, j, words.computeIfAbsent(word, w -> w), null));
                i = j;
                return;
            }
            Token.Kind k;
            int len = 1;
            switch (c) {
                case '%' -> k = Token.Kind.PERCENT;
                case '(', '[', '{' -> k = Token.Kind.OPEN;
                case ')', ']', '}' -> k = Token.Kind.CLOSE;
                case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe63', '\uff0d' -> k = Token.Kind.DASH;
                case ';' -> k = Token.Kind.SEMI;
                case ',' -> k = Token.Kind.COMMA;
                case ':' -> k = Token.Kind.COLON;
                case '=' -> k = Token.Kind.EQ;
                case '\u2264' -> k = Token.Kind.LE;
                case '\u2265' -> k = Token.Kind.GE;
                case '<' -> {
                    boolean eq = i + 1 < n && s.charAt(i + 1) == '=';
                    k = eq ? Token.Kind.LE : Token.Kind.LT;
                    len = eq ? 2 : 1;
                }
                case '>' -> {
                    boolean eq = i + 1 < n && s.charAt(i + 1) == '=';
                    k = eq ? Token.Kind.GE : Token.Kind.GT;
                    len = eq ? 2 : 1;
                }
                case '/' -> k = Token.Kind.SLASH;
                case '|' -> k = Token.Kind.PIPE;
                case '\u00b1' -> k = Token.Kind.PLUSMINUS;
                case '.' -> k = i + 1 >= n || Character.isWhitespace(s.charAt(i + 1)) ? Token.Kind.PERIOD : Token.Kind.OTHER;
                default -> k = Token.Kind.OTHER;
            }
            out.add(new Token(k, i, i + len, c < ASCII.length ? ASCII[c] : String.valueOf(c), null));
            i += len;
        }
    }

    /** The first non-blank character of the line starting at {@code from}, or 0. */
    private static char firstNonBlank(CharSequence s, int from) {
        for (int j = from; j < s.length() && s.charAt(j) != '\n'; j++) {
            if (!Character.isWhitespace(s.charAt(j))) {
                return s.charAt(j);
            }
        }
        return 0;
    }

    /** The last non-blank character of s[from, to), or 0. */
    private static char lastNonBlank(CharSequence s, int from, int to) {
        for (int j = to - 1; j >= from; j--) {
            if (!Character.isWhitespace(s.charAt(j))) {
                return s.charAt(j);
            }
        }
        return 0;
    }

    private static boolean lineHasPipe(CharSequence s, int from) {
        int n = s.length();
        for (int j = from; j < n; j++) {
            char c = s.charAt(j);
            if (c == '\n') {
                return false;
            }
            if (c == '|') {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a number at {@code i}; adds it (and returns the index after it) or returns {@code i} when the digits
     * are not a number (too long, part of a word such as "CD117").
     */
    private static int number(CharSequence s, int i, boolean decimalComma, List<Token> out) {
        int n = s.length();
        if (i > 0 && Character.isLetter(s.charAt(i - 1))) {
            return i;
        }
        StringBuilder digits = new StringBuilder();
        int j = i;
        int decimals = -1;
        while (j < n && isDigit(s.charAt(j)) && digits.length() <= MAX_DIGITS) {
            digits.append(s.charAt(j++));
        }
        // thousands separators: 1,234 (not in a document with a decimal comma)
        while (!decimalComma && digits.length() <= 9 && j + 3 < n && s.charAt(j) == ','
                && isDigit(s.charAt(j + 1)) && isDigit(s.charAt(j + 2)) && isDigit(s.charAt(j + 3))
                && (j + 4 >= n || !isDigit(s.charAt(j + 4)))) {
            digits.append(s, j + 1, j + 4);
            j += 4;
        }
        if (j < n) {
            char m = s.charAt(j);
            boolean point = m == '.' || isRaisedPoint(m) || decimalComma && m == ',';
            if (point && j + 1 < n && isDigit(s.charAt(j + 1))) {
                digits.append('.');
                j++;
                decimals = 0;
                while (j < n && isDigit(s.charAt(j)) && decimals <= MAX_DIGITS) {
                    digits.append(s.charAt(j++));
                    decimals++;
                }
            }
        }
        if (digits.length() == 0 || digits.length() > MAX_DIGITS + 2) {
            return i;
        }
        String text = digits.charAt(0) == '.' ? "0" + digits : digits.toString();
        double value = Double.parseDouble(text);
        int dec = Math.max(0, decimals);
        // e-notation, 1e-5 or 3.2E-05: read whole (the mantissa alone, p = 1, is not what was printed), or not at all
        if (j + 1 < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E') && (isDigit(s.charAt(j + 1))
                || "-+\u2212".indexOf(s.charAt(j + 1)) >= 0)) {
            int[] exp = exponent(s, j + 1);
            if (exp == null || exp[0] >= 0 || exp[0] <= -300 || exp[1] < n && Character.isLetterOrDigit(s.charAt(exp[1]))) {
                return i;
            }
            value = new java.math.BigDecimal(text).scaleByPowerOfTen(exp[0]).doubleValue();
            dec = dec - exp[0];
            j = exp[1];
        } else {
            // a power of ten: 2.1 × 10⁻⁵, 2.1x10-5, 3×10^-4
            int k = j;
            while (k < n && s.charAt(k) == ' ') {
                k++;
            }
            if (k < n && (s.charAt(k) == '\u00d7' || s.charAt(k) == 'x' || s.charAt(k) == '*')) {
                int e = k + 1;
                while (e < n && s.charAt(e) == ' ') {
                    e++;
                }
                if (e + 1 < n && s.charAt(e) == '1' && s.charAt(e + 1) == '0') {
                    int[] exp = exponent(s, e + 2);
                    if (exp != null && exp[0] < 0 && exp[0] > -300) {
                        value = new java.math.BigDecimal(text).scaleByPowerOfTen(exp[0]).doubleValue();
                        dec = dec - exp[0];
                        j = exp[1];
                    } else if (exp != null && exp[0] <= -300) {
                        return i; // 1 × 10⁻⁵⁰⁰ is not 1 (nor a double): not a number
                    }
                }
            }
        }
        out.add(new Token(Token.Kind.NUM, i, j, text, new Num(value, dec, i, j)));
        return j;
    }

    /** The exponent after "10": "⁻⁵", "^-4", "-5", "−5"; {value, end} or null. */
    private static int[] exponent(CharSequence s, int i) {
        int n = s.length();
        int j = i;
        if (j < n && s.charAt(j) == '^') {
            j++;
        }
        boolean negative = false;
        if (j < n && (s.charAt(j) == '-' || s.charAt(j) == '\u2212' || s.charAt(j) == '\u207b')) {
            negative = true;
            j++;
        }
        int v = 0;
        int digits = 0;
        while (j < n && digits < 4) {
            int d = superscriptDigit(s.charAt(j));
            if (d < 0 && isDigit(s.charAt(j))) {
                d = s.charAt(j) - '0';
            }
            if (d < 0) {
                break;
            }
            v = v * 10 + d;
            digits++;
            j++;
        }
        return digits == 0 ? null : new int[] {negative ? -v : v, j};
    }

    private static int superscriptDigit(char c) {
        return switch (c) {
            case '\u2070' -> 0;
            case '\u00b9' -> 1;
            case '\u00b2' -> 2;
            case '\u00b3' -> 3;
            case '\u2074' -> 4;
            case '\u2075' -> 5;
            case '\u2076' -> 6;
            case '\u2077' -> 7;
            case '\u2078' -> 8;
            case '\u2079' -> 9;
            default -> -1;
        };
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The Lancet's decimal point and its look-alikes: · (middle dot), ∙, ⋅. */
    static boolean isRaisedPoint(char c) {
        return c == '\u00b7' || c == '\u2219' || c == '\u22c5';
    }
}
