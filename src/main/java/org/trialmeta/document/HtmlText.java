package org.trialmeta.document;

import java.util.Locale;
import java.util.Map;

/**
 * The visible text of an HTML document, by one hand-written linear pass (no regular expression, no DOM, no
 * network: no external entity, stylesheet or script is ever fetched). Tags are dropped; the content of
 * {@code script}, {@code style}, {@code template}, comments, declarations and processing instructions is dropped;
 * block elements ({@code p}, {@code div}, {@code br}, {@code li}, {@code tr}, headings, ...) end a line and table
 * cells are separated by {@code " | "}; runs of white space become one space; character references are decoded
 * (the named ones journals use, and {@code &#NNN;}/{@code &#xHH;}). Malformed markup is read as text, never
 * refused: a stray {@code <} stays a {@code <}.
 */
public final class HtmlText {

    /** Longest character reference looked at ({@code &CounterClockwiseContourIntegral;} is 33). */
    private static final int MAX_ENTITY = 40;

    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("ndash", "\u2013"),
            Map.entry("mdash", "\u2014"), Map.entry("minus", "\u2212"), Map.entry("middot", "\u00b7"),
            Map.entry("centerdot", "\u00b7"), Map.entry("plusmn", "\u00b1"), Map.entry("pm", "\u00b1"),
            Map.entry("le", "\u2264"), Map.entry("leq", "\u2264"), Map.entry("ge", "\u2265"), Map.entry("geq", "\u2265"),
            Map.entry("times", "\u00d7"), Map.entry("thinsp", "\u2009"), Map.entry("hairsp", "\u200a"),
            Map.entry("ensp", "\u2002"), Map.entry("emsp", "\u2003"), Map.entry("hellip", "\u2026"),
            Map.entry("percnt", "%"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201c"), Map.entry("rdquo", "\u201d"), Map.entry("deg", "\u00b0"),
            Map.entry("micro", "\u00b5"), Map.entry("alpha", "\u03b1"), Map.entry("beta", "\u03b2"),
            Map.entry("chi", "\u03c7"), Map.entry("kappa", "\u03ba"), Map.entry("sup2", "\u00b2"),
            Map.entry("dagger", "\u2020"), Map.entry("Dagger", "\u2021"), Map.entry("sect", "\u00a7"),
            Map.entry("para", "\u00b6"), Map.entry("bull", "\u2022"), Map.entry("shy", ""));

    private static final java.util.Set<String> BLOCK = java.util.Set.of("p", "div", "br", "li", "ul", "ol", "tr",
            "table", "thead", "tbody", "tfoot", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
            "header", "footer", "blockquote", "pre", "dt", "dd", "dl", "figcaption", "figure", "hr", "main", "nav",
            "aside", "address", "title", "body", "html", "head", "form", "fieldset", "details", "summary");

    private static final java.util.Set<String> SKIP_CONTENT = java.util.Set.of("script", "style", "template",
            "svg", "math", "head");

    private HtmlText() {}

    /** The visible text of {@code html}. */
    public static String of(String html) {
        StringBuilder out = new StringBuilder(html.length() / 2);
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int next = tag(html, i, out);
                if (next > i) {
                    i = next;
                    continue;
                }
                appendText(out, '<');
                i++;
            } else if (c == '&') {
                i = entity(html, i, out);
            } else {
                appendText(out, c);
                i++;
            }
        }
        return tidy(out);
    }

    /** Handles markup starting at {@code i} ('<'); returns the index after it, or {@code i} when it is text. */
    private static int tag(String s, int i, StringBuilder out) {
        int n = s.length();
        if (s.startsWith("<!--", i)) {
            int end = s.indexOf("-->", i + 4);
            return end < 0 ? n : end + 3;
        }
        if (s.startsWith("<![CDATA[", i)) {
            int end = s.indexOf("]]>", i + 9);
            int stop = end < 0 ? n : end;
            for (int k = i + 9; k < stop; k++) {
                appendText(out, s.charAt(k));
            }
            return end < 0 ? n : end + 3;
        }
        if (i + 1 < n && (s.charAt(i + 1) == '!' || s.charAt(i + 1) == '?')) {
            int end = s.indexOf('>', i + 2);
            return end < 0 ? n : end + 1;
        }
        boolean closing = i + 1 < n && s.charAt(i + 1) == '/';
        int start = i + (closing ? 2 : 1);
        int k = start;
        while (k < n && k - start < 20 && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '-')) {
            k++;
        }
        if (k == start || !Character.isLetter(s.charAt(start))) {
            return i;
        }
        String name = s.substring(start, k).toLowerCase(Locale.ROOT);
        int end = endOfTag(s, k);
        if (!closing && SKIP_CONTENT.contains(name) && !(end >= 2 && s.charAt(end - 2) == '/')) {
            int close = indexOfIgnoreCase(s, "</" + name, end);
            int gt = close < 0 ? -1 : s.indexOf('>', close);
            newline(out);
            return gt < 0 ? n : gt + 1;
        }
        if (name.equals("td") || name.equals("th")) {
            if (!closing) {
                cellSeparator(out);
            }
        } else if (BLOCK.contains(name)) {
            newline(out);
        }
        return end;
    }

    /** The index after the '>' closing a tag whose name ends at {@code k}, skipping quoted attribute values. */
    private static int endOfTag(String s, int k) {
        int n = s.length();
        char quote = 0;
        for (int j = k; j < n; j++) {
            char c = s.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j + 1;
            }
        }
        return n;
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        int last = s.length() - what.length();
        for (int j = from; j <= last; j++) {
            if (s.regionMatches(true, j, what, 0, what.length())) {
                return j;
            }
        }
        return -1;
    }

    /** Decodes a character reference at {@code i} ('&') or keeps the '&'; returns the index after it. */
    private static int entity(String s, int i, StringBuilder out) {
        int n = s.length();
        int semi = -1;
        for (int j = i + 1; j < n && j - i <= MAX_ENTITY; j++) {
            char c = s.charAt(j);
            if (c == ';') {
                semi = j;
                break;
            }
            if (!(Character.isLetterOrDigit(c) || c == '#')) {
                break;
            }
        }
        if (semi < 0) {
            appendText(out, '&');
            return i + 1;
        }
        String body = s.substring(i + 1, semi);
        String decoded = null;
        if (body.startsWith("#x") || body.startsWith("#X")) {
            decoded = codePoint(body.substring(2), 16);
        } else if (body.startsWith("#")) {
            decoded = codePoint(body.substring(1), 10);
        } else {
            decoded = ENTITIES.get(body);
        }
        if (decoded == null) {
            appendText(out, '&');
            return i + 1;
        }
        for (int k = 0; k < decoded.length(); k++) {
            appendText(out, decoded.charAt(k));
        }
        return semi + 1;
    }

    private static String codePoint(String digits, int radix) {
        if (digits.isEmpty() || digits.length() > 8) {
            return null;
        }
        try {
            int cp = Integer.parseInt(digits, radix);
            if (cp <= 0 || cp > Character.MAX_CODE_POINT || cp >= 0xD800 && cp <= 0xDFFF) {
                return null;
            }
            return new String(Character.toChars(cp));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void appendText(StringBuilder out, char c) {
        if (c == '\r' || c == '\n' || c == '\t' || c == '\f') {
            c = ' ';
        }
        if (c == ' ' && (out.length() == 0 || out.charAt(out.length() - 1) == ' '
                || out.charAt(out.length() - 1) == '\n')) {
            return;
        }
        out.append(c);
    }

    private static void newline(StringBuilder out) {
        trimTrailingSpace(out);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void cellSeparator(StringBuilder out) {
        trimTrailingSpace(out);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append(" | ");
        }
    }

    private static void trimTrailingSpace(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    private static String tidy(StringBuilder out) {
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\n')) {
            end--;
        }
        return out.substring(0, end);
    }
}
