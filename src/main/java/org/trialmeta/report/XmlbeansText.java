package org.trialmeta.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Element text written as XMLBeans' saver writes it (Apache XMLBeans 5, {@code Saver.entitizeContent}, with POI's
 * options: no pretty printing, no character substitutions), so a part written here is byte for byte the part POI
 * would save:
 * <ul>
 *   <li>text with no {@code <}, {@code &}, {@code ]]>}, carriage return or character XML forbids is written as it is;
 *   <li>text longer than 32 characters with more than 5 {@code <} or {@code &} is one CDATA section, in which each
 *       {@code ]]>} becomes {@code ]]]]>><![CDATA[} (the section is closed after {@code ]]}, the {@code >} written
 *       as text and a new section opened);
 *   <li>otherwise {@code <} is {@code &lt;}, {@code &} is {@code &amp;}, the {@code >} of {@code ]]>} is
 *       {@code &gt;} and a carriage return is {@code &#13;};
 *   <li>a character XML 1.0 forbids (controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) is
 *       {@code ?}. XMLBeans leaves the first two characters of a CDATA section unchecked and so writes a forbidden
 *       character there as it is, which makes the part unreadable; here it is {@code ?} there too.
 * </ul>
 * Surrogates are written as they are; the writer's UTF-8 encoder turns an unpaired one into {@code ?}, as XMLBeans'
 * does.
 */
final class XmlbeansText {

    /** XMLBeans' defaults ({@code XmlOptions.setSaveCDataLengthThreshold}, {@code ...EntityCountThreshold}). */
    private static final int CDATA_LENGTH = 32;
    private static final int CDATA_ENTITIES = 5;

    private XmlbeansText() {}

    /** Writes {@code s} as the content of an element. */
    static void content(String s, Writer out) throws IOException {
        int n = s.length();
        int entities = 0;
        boolean replace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '&') {
                entities++;
            } else if (closesCdata(s, i) || c == '\r' || bad(c)) {
                replace = true;
            }
        }
        if (entities == 0 && !replace) {
            out.write(s);
        } else if (n > CDATA_LENGTH && entities > CDATA_ENTITIES) {
            cdata(s, out);
        } else {
            int from = 0;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                String e = c == '<' ? "&lt;" : c == '&' ? "&amp;"
                        : closesCdata(s, i) ? "&gt;"
                        : c == '\r' ? "&#13;" : bad(c) ? "?" : null;
                if (e != null) {
                    out.write(s, from, i - from);
                    out.write(e);
                    from = i + 1;
                }
            }
            out.write(s, from, n - from);
        }
    }

    private static void cdata(String s, Writer out) throws IOException {
        out.write("<![CDATA[");
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String e = closesCdata(s, i) ? "]]>><![CDATA["
                    : bad(c) ? "?" : null;
            if (e != null) {
                out.write(s, from, i - from);
                out.write(e);
                from = i + 1;
            }
        }
        out.write(s, from, s.length() - from);
        out.write("]]>");
    }

    /** Whether {@code s.charAt(i)} is the {@code >} of a {@code ]]>}. */
    private static boolean closesCdata(String s, int i) {
        return s.charAt(i) == '>' && i >= 2 && s.charAt(i - 1) == ']' && s.charAt(i - 2) == ']';
    }

    /** A character XML 1.0 does not allow in text ({@code Saver.isBadChar}: surrogates pass). */
    private static boolean bad(char c) {
        return !(c >= 0x20 && c <= 0xFFFD || c == '\t' || c == '\n' || c == '\r');
    }
}
