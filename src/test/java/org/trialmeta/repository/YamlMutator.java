package org.trialmeta.repository;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mutations of YAML texts for the FastYaml tests: one random edit per call (character
 * deleted/inserted/replaced with a YAML indicator, white space, a letter or a digit; a line duplicated, deleted,
 * indented or dedented; quote styles swapped; a value replaced by a YAML 1.1 implicit-type word, a date, a number
 * form, a non-ASCII or non-printable character, an emoji; a BOM, a lone CR, invalid UTF-8). Deterministic for a
 * given {@link SplittableRandom}.
 */
final class YamlMutator {

    /** Characters that change how YAML reads a line, inserted or substituted one at a time. */
    static final String INDICATORS = " -:#'\"[]{},&*!|>%@`?~\t\r\n\\";

    private static final String LETTERS = "abcxyzABCXYZ0123456789_.";

    /** Values that YAML 1.1 types, or that sit on the edge of FastYaml's subset. */
    static final List<String> SPECIALS = List.of(
            "yes", "No", "on", "OFF", "y", "~", "null", "Null", "NULL", "true", "False", "TRUE",
            "0o17", "017", "0x1F", "0b101", "1_000", "1_000.5", ".5", "-.5", "+1", "+1.5", "1.", "1.e5", "-0", "-0.0",
            "00", "0", "1e5", "1E-5", "1.5e+3", "12:30", "190:20:30.15", "1e400", "123456789012345678901234567890",
            "9223372036854775808", "2147483648", "-2147483649", "0.1", "-12",
            "2024-06-30", "2024-6-3", "2024-06-30 12:00:00", "2024-06-30T12:00:00Z", "-.inf", ".Inf", ".NaN", ".nan",
            "<<", "=", "é", "caf\u00e9", "\u2028", "\u2029", "\u0085", "\u00a0", "\ufeff", "\ufffd", "\ud83d\ude00",
            "a\u0000b", "\u007f", "[]", "{}", "\"\"", "''", "- x", "? x", ": x", "&a x", "*a", "!!str x", "!x y", "|", ">",
            "|-", "#", "a #b", "a#b", "a: b", "a:b", "\\u00e9", "\"\\u00e9\"", "\"\\x41\"", "\"\\/\"", "\"\\ud800\"",
            "\"\\u0000\"", "\"\\U0001F600\"", "\"\\e\"", "'a''b'", "'a\"b'", "\"a'b\"", "a\"b", "a\\b", "[a, b,]",
            "[a,b]", "{a: 1, b: [2, {c: d}]}", "{a: 1,}", "{a:1}", "{\"a\": 1}", "[a, [b, [c]]]", "%x", "@x", "`x",
            "---", "...", "- - x", "-", "-x", "--x", "-1", "- -1");

    private YamlMutator() {}

    /** {@code text} with one random edit; the result is UTF-8 bytes (some edits break UTF-8 on purpose). */
    static byte[] mutate(String text, SplittableRandom rnd) {
        int op = rnd.nextInt(16);
        if (text.isEmpty()) {
            op = 1;
        }
        int at = text.isEmpty() ? 0 : rnd.nextInt(text.length());
        return switch (op) {
            case 0 -> utf8(text.substring(0, at) + text.substring(at + 1));
            case 1, 2 -> utf8(text.substring(0, at) + randomChar(rnd) + text.substring(at));
            case 3, 4 -> utf8(text.substring(0, at) + randomChar(rnd) + text.substring(at + 1));
            case 5 -> utf8(lineEdit(text, rnd));
            case 6, 7 -> utf8(lineEdit(text, rnd));
            case 8 -> utf8(swapQuotes(text, rnd));
            case 9, 10, 11 -> utf8(replaceValue(text, rnd));
            case 12 -> utf8(text.substring(0, at) + SPECIALS.get(rnd.nextInt(SPECIALS.size())) + text.substring(at));
            case 13 -> utf8(quoteValue(text, rnd));
            case 14 -> bytes(text, rnd);
            default -> utf8(text.replace("\n", rnd.nextBoolean() ? "\r\n" : "\n\n"));
        };
    }

    private static String randomChar(SplittableRandom rnd) {
        if (rnd.nextInt(3) == 0) {
            return String.valueOf(LETTERS.charAt(rnd.nextInt(LETTERS.length())));
        }
        return String.valueOf(INDICATORS.charAt(rnd.nextInt(INDICATORS.length())));
    }

    /** Duplicates, deletes, indents (1 or 2 spaces) or dedents (1 or 2 spaces) one line. */
    private static String lineEdit(String text, SplittableRandom rnd) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int i = rnd.nextInt(lines.size());
        String line = lines.get(i);
        switch (rnd.nextInt(4)) {
            case 0 -> lines.add(i, line);
            case 1 -> lines.remove(i);
            case 2 -> lines.set(i, " ".repeat(1 + rnd.nextInt(2)) + line);
            default -> {
                int n = 1 + rnd.nextInt(2);
                int k = 0;
                while (k < n && k < line.length() && line.charAt(k) == ' ') {
                    k++;
                }
                lines.set(i, line.substring(k));
            }
        }
        return String.join("\n", lines);
    }

    /** Replaces one quote character by the other kind, or every quote of a line. */
    private static String swapQuotes(String text, SplittableRandom rnd) {
        List<Integer> quotes = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                quotes.add(i);
            }
        }
        if (quotes.isEmpty()) {
            return quoteValue(text, rnd);
        }
        int q = quotes.get(rnd.nextInt(quotes.size()));
        char other = text.charAt(q) == '"' ? '\'' : '"';
        if (rnd.nextBoolean()) {
            return text.substring(0, q) + other + text.substring(q + 1);
        }
        int start = text.lastIndexOf('\n', q) + 1;
        int end = text.indexOf('\n', q);
        end = end < 0 ? text.length() : end;
        String line = text.substring(start, end).replace('"', '\u0001').replace('\'', '"').replace('\u0001', '\'');
        return text.substring(0, start) + line + text.substring(end);
    }

    /** The offsets just after each {@code ": "} or {@code "- "}: where a value starts. */
    private static List<Integer> valueStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == ':' || c == '-' || c == ',') && text.charAt(i + 1) == ' ') {
                starts.add(i + 2);
            }
        }
        return starts;
    }

    /** Replaces a value (up to the end of the line, or the next {@code , ] }} in a flow) with a special. */
    private static String replaceValue(String text, SplittableRandom rnd) {
        List<Integer> starts = valueStarts(text);
        if (starts.isEmpty()) {
            return text + SPECIALS.get(rnd.nextInt(SPECIALS.size()));
        }
        int s = starts.get(rnd.nextInt(starts.size()));
        int e = s;
        boolean flow = text.lastIndexOf('[', s) > text.lastIndexOf('\n', s) || text.lastIndexOf('{', s) > text.lastIndexOf('\n', s);
        while (e < text.length() && text.charAt(e) != '\n' && text.charAt(e) != '\r'
                && !(flow && (text.charAt(e) == ',' || text.charAt(e) == ']' || text.charAt(e) == '}'))) {
            e++;
        }
        return text.substring(0, s) + SPECIALS.get(rnd.nextInt(SPECIALS.size())) + text.substring(e);
    }

    /** Puts a value in single or double quotes (to its end of line). */
    private static String quoteValue(String text, SplittableRandom rnd) {
        List<Integer> starts = valueStarts(text);
        if (starts.isEmpty()) {
            return text;
        }
        int s = starts.get(rnd.nextInt(starts.size()));
        int e = text.indexOf('\n', s);
        e = e < 0 ? text.length() : e;
        String q = rnd.nextBoolean() ? "\"" : "'";
        return text.substring(0, s) + q + text.substring(s, e) + q + text.substring(e);
    }

    /** Byte-level edits: a BOM, a lone CR, a stray continuation byte, a truncated sequence, a NUL, Latin-1. */
    private static byte[] bytes(String text, SplittableRandom rnd) {
        byte[] b = utf8(text);
        int at = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
        byte[][] inserts = {
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {'\r'}, {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82},
            {0}, {(byte) 0xE9}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBE}, {(byte) 0xC2, (byte) 0x85}};
        byte[] ins = inserts[rnd.nextInt(inserts.length)];
        if (rnd.nextInt(4) == 0) {
            at = 0;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + ins.length);
        out.write(b, 0, at);
        out.write(ins, 0, ins.length);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
