package org.trialmeta.repository;

import java.util.List;

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

    /** Most names listed by {@link #list}. */
    public static final int MAX_LISTED = 8;

    /**
     * Names as listed in a message, "a, b, c": each as {@link #value}, at most {@value #MAX_LISTED} of them, then
     * "… and N more" (a model of 5,000-character study names was a 60 KB line).
     */
    public static String list(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(names.size(), MAX_LISTED); i++) {
            sb.append(i == 0 ? "" : ", ").append(value(names.get(i)));
        }
        if (names.size() > MAX_LISTED) {
            sb.append(", \u2026 and ").append(names.size() - MAX_LISTED).append(" more");
        }
        return sb.toString();
    }

    /** {@link #value} in single quotes: {@code 'abc'}. */
    public static String quoted(String value) {
        return "'" + value(value) + "'";
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
