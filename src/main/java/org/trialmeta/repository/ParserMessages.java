package org.trialmeta.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;

/**
 * The one place where a JSON parser's (Jackson) or an XML parser's (the JDK's StAX) complaint becomes words for
 * the user: a limit as the limit ("a string longer than 1,000,000 characters (limit)"), a non-standard construct
 * as the rule it breaks ("comments are not JSON"), anything else as the parser's own sentence without the names
 * of its features, settings, classes or message codes ({@code StreamReadConstraints.getMaxStringLength()},
 * {@code Feature 'ALLOW_COMMENTS'}, {@code JAXP00010002}), which mean nothing to the user.
 */
final class ParserMessages {

    /** Longest parser sentence shown. */
    private static final int MAX_CHARS = 160;

    private ParserMessages() {}

    /** Jackson's limit messages: "String value length (1045672) exceeds the maximum allowed (1000000, from `...`)". */
    private static final Pattern LIMIT = Pattern.compile("^(.*?) \\(([\\d,]+)\\) exceeds the maximum allowed \\(([\\d,]+)");

    /**
     * A Jackson stream limit as a rule, e.g. "nested deeper than 64 levels (limit)"; the parser's words without
     * its setting's name when the limit is not one of the known ones.
     */
    static String limit(StreamConstraintsException e) {
        String m = firstLine(e.getOriginalMessage());
        Matcher x = LIMIT.matcher(m);
        if (!x.find()) {
            return plain(m) + " (limit)";
        }
        long max = Long.parseLong(x.group(3).replace(",", ""));
        String what = x.group(1).toLowerCase(Locale.ROOT);
        String n = String.format(Locale.ROOT, "%,d", max);
        if (what.contains("nesting depth")) {
            return "nested deeper than " + n + " levels (limit)";
        } else if (what.startsWith("string")) {
            return "a string longer than " + n + " characters (limit)";
        } else if (what.startsWith("number")) {
            return "a number longer than " + n + " characters (limit)";
        } else if (what.startsWith("name")) {
            return "a key longer than " + n + " characters (limit)";
        } else if (what.startsWith("document length")) {
            return "longer than " + n + " characters (limit)";
        } else if (what.startsWith("token count")) {
            return "more than " + n + " tokens (limit)";
        }
        return plain(x.group(1)) + " above " + n + " (limit)";
    }

    /**
     * What is wrong with a JSON text, as a value and a rule: a limit as {@link #limit}, a comment as
     * "a comment (comments are not JSON)", {@code NaN} as "'NaN' (not a JSON number)", else
     * "not valid JSON (the parser's words)". The caller adds the file and the place.
     */
    static String json(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException c) {
            return limit(c);
        }
        if (e.getCause() instanceof StreamConstraintsException c) {
            return limit(c);
        }
        String m = firstLine(e.getOriginalMessage());
        if (m.contains("ALLOW_COMMENTS") || m.contains("ALLOW_YAML_COMMENTS")) {
            return "a comment (comments are not JSON)";
        }
        Matcher token = Pattern.compile("^Non-standard token '([^']*)'").matcher(m);
        if (token.find()) {
            return Messages.quoted(token.group(1)) + " (not a JSON number)";
        }
        if (m.contains("ALLOW_SINGLE_QUOTES")) {
            return "a string in single quotes (JSON strings are in double quotes)";
        }
        if (m.contains("ALLOW_UNQUOTED_FIELD_NAMES")) {
            return "a key without quotes (JSON keys are in double quotes)";
        }
        return "not valid JSON (" + plain(m) + ")";
    }

    /** The known JDK limit on attributes: {@code JAXP00010002: Element "A" has more than "10,000" attributes, ...}. */
    private static final Pattern ATTRIBUTES = Pattern.compile("JAXP00010002:.*?more than \"([\\d,.]+)\" attributes");
    /** A JDK parser's message code, e.g. {@code JAXP00010002:}. */
    private static final Pattern JAXP_CODE = Pattern.compile("\\bJAXP\\d+:\\s*");
    /** The JDK's name for the setting of a limit: {@code set by "jdk.xml.maxGeneralEntitySizeLimit"}. */
    private static final Pattern SET_BY = Pattern.compile("\\s*(?:set|imposed) by (?:\"[^\"]*\"|the JDK)");

    /**
     * What is wrong with an XML text as a rule (StAX's message without its "ParseError at" prefix, its code and
     * the JDK's setting names): "an element with more than 10,000 attributes (limit)", else
     * "malformed XML (the parser's words)".
     */
    static String xml(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("Message:");
        if (i >= 0) {
            m = m.substring(i + 8);
        }
        m = m.strip().replaceAll("\\s*\\R\\s*", " ");
        Matcher a = ATTRIBUTES.matcher(m);
        if (a.find()) {
            return "an element with more than " + a.group(1) + " attributes (limit)";
        }
        if (JAXP_CODE.matcher(m).find() && m.contains("limit")) {
            // another of the JDK's limits (entity expansion, name length, depth): its sentence, without the setting
            return plain(SET_BY.matcher(m).replaceAll("").replaceAll("[,;]? *(?:this|\"[^\"]*\") is the limit\\.?", ""))
                    .replaceAll("\\.$", "") + " (limit)";
        }
        return "malformed XML (" + plain(m) + ")";
    }

    /**
     * A parser's sentence without the internals it names: parenthesised remarks that name a feature or a setting
     * (in backticks or as {@code Feature 'X'}), message codes ({@code JAXP00010002:}) and qualified class names.
     */
    static String plain(String message) {
        String m = firstLine(message);
        m = m.replaceAll("\\s*\\([^()]*(?:`|Feature '|jdk\\.xml\\.)[^()]*\\)", "");
        m = m.replaceAll("[,;:]?\\s*(?:enable|not allowed as per|see) `[^`]*`[^.;)]*", "");
        m = JAXP_CODE.matcher(m).replaceAll("");
        m = m.replaceAll("\"?jdk\\.xml\\.[A-Za-z]+\"?", "a limit");
        m = m.replaceAll("Feature '[A-Z_]+'", "an option");
        return Messages.cut(Messages.withoutClassNames(m), MAX_CHARS);
    }

    private static String firstLine(String m) {
        String s = String.valueOf(m);
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
