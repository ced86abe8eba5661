package org.trialmeta.repository;

import java.util.Comparator;

/**
 * One problem found in an input file: the file (as the user named it), the property path inside it
 * (e.g. {@code arms[0].outcomes[2].responders}; empty for whole-file problems) and the message, which
 * states the value and the rule, e.g. {@code 27 > evaluable 26 (responders must not exceed evaluable)}.
 */
public record Problem(String file, String path, String message) {

    /** Orders by file, then by path with numeric indices compared as numbers, then by message. */
    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparing(Problem::path, Problem::comparePaths)
            .thenComparing(Problem::message);

    /** Paths longer than this (a fuzzed key can be any length) are cut in the one line shown. */
    static final int MAX_PATH_CHARS = 200;

    /**
     * Messages longer than this are cut: a second line of defence, since every value a message echoes is cut
     * at {@link Messages#MAX_VALUE_CHARS} where the message is built.
     */
    static final int MAX_MESSAGE_CHARS = 1000;

    /**
     * Line breaks, other control characters and bidi controls in the file name (a file in the directory may be
     * named so), the path (a quoted YAML key may hold them) and the message are escaped ({@code \\n},
     * {@code \\u202E}; {@link Messages}) so that {@link #toString} is always one line.
     */
    public Problem {
        if (file == null || path == null || message == null) {
            throw new IllegalArgumentException("problem: file, path and message are required");
        }
        file = Messages.line(file);
        path = Messages.cut(path, MAX_PATH_CHARS);
        message = Messages.cut(message, MAX_MESSAGE_CHARS);
    }

    /** The one line shown to the user: {@code file: path: message}. */
    @Override
    public String toString() {
        return file + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }

    static int comparePaths(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i);
                String nb = b.substring(sj, j);
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
