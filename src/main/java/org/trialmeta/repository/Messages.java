package org.trialmeta.repository;


/**
 * The one place that makes text safe for a one-line message (issue 15): every value a message echoes goes
 * through {@link #value} (control and bidi characters escaped, cut after {@value #MAX_VALUE_CHARS}
 * characters), and every message line the program prints goes through {@link #line} (escaped, never cut).
 *
 * <p>Why: a file's content (a trial file that links to {@code /etc/passwd}, a 2 MB key) must not be echoed
 * whole; a line break or a right-to-left override (U+202E) in a file or study name must neither split the
 * one error line nor reorder what the terminal shows. Escapes: {@code \n}, {@code \r}, {@code \t}, else
 * {@code \}{@code uXXXX} (upper-case hex, e.g. {@code \u202E}).
 */
public final class Messages {

    /** Longest value echoed in a message; longer ones are cut and marked "…" with their length. */
    public static final int MAX_VALUE_CHARS = 80;

    private Messages() {}

    /**
     * A value as echoed in a message: escaped as {@link #line}, and when longer than {@value #MAX_VALUE_CHARS}
     * characters its first {@value #MAX_VALUE_CHARS}, then "… (N characters)".
     */
    public static String value(String value) {
        return cut(value, MAX_VALUE_CHARS);
    }

    /** {@link #value} in single quotes: {@code 'abc'}. */
    public static String quoted(String value) {
        return "'" + value(value) + "'";
    }

    /** Most items a message lists ({@link #list}); the rest are counted. */
    public static final int MAX_LISTED = 5;

    /**
     * Names or values listed in a message: each as {@link #value}, separated by ", ", at most
     * {@value #MAX_LISTED} of them, then "… and N more" (a list drawn from a file, such as every coefficient of a
     * model with a study-level moderator, must not make a line of kilobytes).
     */
    public static String list(java.util.Collection<String> items) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (String item : items) {
            if (i == MAX_LISTED) {
                return sb.append(" \u2026 and ").append(items.size() - MAX_LISTED).append(" more").toString();
            }
            sb.append(i++ == 0 ? "" : ", ").append(value(item));
        }
        return sb.toString();
    }

    /** {@code text} escaped as {@link #line}, cut after {@code max} characters as {@link #value}. */
    static String cut(String text, int max) {
        if (text == null) {
            return "null";
        }
        int end = text.length();
        boolean cut = false;
        if (end > max) {
            end = max;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a surrogate pair
            }
            cut = true;
        }
        String shown = line(text.substring(0, end));
        return cut ? shown + "\u2026 (" + text.length() + " characters)" : shown;
    }

    /**
     * A message line as printed: line breaks, other control characters (C0, DEL, C1), the line and paragraph
     * separators and the bidirectional formatting characters escaped, so that it stays one line and reads in
     * the order it was written. Nothing is cut (values are cut where the message is built).
     */
    public static String line(String text) {
        if (text == null) {
            return "null";
        }
        int i = 0;
        while (i < text.length() && !escaped(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!escaped(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append("\\u").append(String.format(java.util.Locale.ROOT, "%04X", (int) c));
            }
        }
        return sb.toString();
    }

    /** What {@link #printable} puts for a character no document may hold: U+FFFD, the replacement character. */
    public static final char REPLACEMENT = '\uFFFD';

    /**
     * Text as every output writes it (figures, HTML, SVG, Markdown, CSV, DOCX, PPTX): each control character other
     * than tab, line feed and carriage return (C0, DEL, C1), each non-character U+FFFE/U+FFFF and each unpaired
     * surrogate replaced by {@link #REPLACEMENT}. XML 1.0 forbids the C0 controls even as character references,
     * so an SVG or XHTML holding one is malformed, and an escape sequence (ESC) in a table reaches a terminal.
     * The one place that decides this; the same string when nothing is replaced.
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        int n = text.length();
        while (i < n && !unprintable(text, i)) {
            i++;
        }
        if (i == n) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (; i < n; i++) {
            if (unprintable(text, i)) {
                chars[i] = REPLACEMENT;
            }
        }
        return new String(chars);
    }

    /**
     * The first character of {@code text} that {@link #printable} would replace, as {@code U+XXXX}, or null when
     * there is none (for a rule that refuses such text where it is read).
     */
    public static String firstUnprintable(String text) {
        for (int i = 0; text != null && i < text.length(); i++) {
            if (unprintable(text, i)) {
                return String.format(java.util.Locale.ROOT, "U+%04X", (int) text.charAt(i));
            }
        }
        return null;
    }

    /**
     * Whether {@code c} is a control character that no output may hold as it is: C0 other than tab, line feed and
     * carriage return, DEL and C1 (U+0080 to U+009F; U+009B is an 8-bit CSI, which begins a terminal's escape
     * sequence as ESC [ does). Text outputs replace it ({@link #printable}, and the terminal's text), JSON escapes it.
     */
    public static boolean control(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7F && c <= 0x9F;
    }

    private static boolean unprintable(String s, int i) {
        char c = s.charAt(i);
        if (c <= 0x9F) {
            return control(c);
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c == '\uFFFE' || c == '\uFFFF';
    }

    /** Whether a character is shown as an escape: a control, a line separator or a bidi formatting character. */
    static boolean escaped(char c) {
        return Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029'          // line and paragraph separators
                || c == '\u061C'                           // Arabic letter mark
                || c == '\u200E' || c == '\u200F'          // left-to-right / right-to-left marks
                || (c >= '\u202A' && c <= '\u202E')        // embeddings and overrides (U+202E: RLO)
                || (c >= '\u2066' && c <= '\u2069');       // isolates
    }
    /** A qualified Java class name ({@code java.lang.IllegalArgumentException}, {@code a.b.C$D}), or one in backticks. */
    private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
            "`[^`]*`|\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*\\b");

    /**
     * A library's or the JVM's message with the internal class names it mentions taken out (they mean nothing
     * to the user and leak internals): {@code Cannot construct instance of `a.b.TrialDto`} becomes
     * {@code Cannot construct instance of a value}.
     */
    public static String withoutClassNames(String message) {
        if (message == null) {
            return "";
        }
        return CLASS_NAME.matcher(message).replaceAll("a value").replaceAll("\\s+", " ").strip();
    }
}
