package org.trialmeta.present;

import org.trialmeta.repository.Messages;

/**
 * Escaping of text for the markups the program writes: the one HTML escaper (the report's page and tables, the
 * reviewer check's fragment) and the Markdown table-cell escaper.
 */
public final class Escape {

    private Escape() {}

    /**
     * Text for HTML element content and for attribute values in double or single quotes: {@code & < > " '} become
     * {@code &amp; &lt; &gt; &quot; &#39;}; control characters, which XML forbids even as references, replaced
     * ({@link Messages#printable}).
     */
    public static String html(String text) {
        String s = Messages.printable(text);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /**
     * Text for one cell of a Markdown table: backslashes, pipes, asterisks, backticks and square brackets escaped
     * (no text reads as emphasis, code or a link), line breaks as spaces, {@code <} as {@code &lt;} (so that no text
     * reads as an HTML tag), control characters replaced ({@link Messages#printable}).
     */
    public static String markdownCell(String s) {
        return Messages.printable(s).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
                .replace("*", "\\*").replace("`", "\\`").replace("[", "\\[").replace("]", "\\]")
                .replace("<", "&lt;");
    }
}
