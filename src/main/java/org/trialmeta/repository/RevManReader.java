package org.trialmeta.repository;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.RevManReview.Comparison;
import org.trialmeta.repository.RevManReview.DataRow;
import org.trialmeta.repository.RevManReview.DataType;
import org.trialmeta.repository.RevManReview.Outcome;
import org.trialmeta.repository.RevManReview.Stored;
import org.trialmeta.repository.RevManReview.Study;
import org.trialmeta.repository.RevManReview.Subgroup;

/**
 * Reads a RevMan 5 review file ({@code .rm5}: XML, ISO-8859-1 or UTF-8 as its declaration says) into a
 * {@link RevManReview}, streaming with the JDK's StAX parser configured so that no document can make it read
 * anything else or expand entities: DTDs are not supported ({@link XMLInputFactory#SUPPORT_DTD} false) and a
 * document that has a {@code DOCTYPE} is refused outright, external entities are off, external DTD and schema
 * access is empty. Limits: {@link #MAX_BYTES} bytes, {@link #MAX_DEPTH} nested elements, {@link #MAX_ELEMENTS}
 * elements. Every refusal is an {@link InputException} of one line naming the file, the line, the element and
 * the rule.
 *
 * <p>Read: the title, the studies (id, name, year), and under {@code ANALYSES_AND_DATA} every comparison with its
 * {@code DICH_OUTCOME}, {@code CONT_OUTCOME}, {@code IV_OUTCOME} and {@code IPD_OUTCOME} (settings, labels,
 * subgroups, study data and stored results). {@code OTHER_OUTCOME} (no data to analyse) and the review text are
 * skipped.
 */
public final class RevManReader {

    /** Files larger than this are refused. */
    public static final long MAX_BYTES = 200L * 1024 * 1024;
    /** Deepest element nesting accepted (RevMan's own files nest about 15 deep). */
    public static final int MAX_DEPTH = 256;
    /** Most elements accepted in one file. */
    public static final long MAX_ELEMENTS = 20_000_000L;

    private static final String ROOT = "COCHRANE_REVIEW";

    private final String name;
    private XMLStreamReader xml;
    private final Deque<String> stack = new ArrayDeque<>();
    private long elements;

    private String title;
    private final Map<String, Study> studies = new LinkedHashMap<>();
    private final List<Comparison> comparisons = new ArrayList<>();

    // state of the comparison / outcome / subgroup being read
    private String cmpId;
    private String cmpNo;
    private String cmpName;
    private List<Outcome> outcomes;
    private OutcomeBuilder outcome;
    private StringBuilder text;
    private int textDepth;
    private String textTarget;

    private RevManReader(String name) {
        this.name = name;
    }

    /** Reads {@code file}; exit-2 errors ({@link InputException}) for anything that is not a readable RevMan review. */
    public static RevManReview read(Path file) {
        String display = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(display + ": is a directory, expected a RevMan 5 file (.rm5)");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(display + ": " + size + " bytes is more than the limit of " + MAX_BYTES
                        + " bytes for a RevMan file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return parse(display, in);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(display + ": no such file");
        } catch (IOException e) {
            throw new InputException(display + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Parses a review from {@code in} ({@code name} is used in messages). */
    public static RevManReview parse(String name, InputStream in) {
        return new RevManReader(name).run(in);
    }

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resource " + systemId + " refused");
        });
        return f;
    }

    private RevManReview run(InputStream raw) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 8192);
            xml = utf8(in) ? factory().createXMLStreamReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))
                    : factory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                int ev = xml.next();
                switch (ev) {
                    case XMLStreamConstants.DTD -> throw refuse("(DOCTYPE)",
                            "a document type declaration is not allowed in a RevMan review (DTDs, entity declarations and "
                                    + "external entities are refused)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw refuse(top(),
                            "entity reference &" + xml.getLocalName() + "; is not allowed (only XML's predefined entities)");
                    case XMLStreamConstants.START_ELEMENT -> start(xml.getLocalName());
                    case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName());
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (text != null) {
                            text.append(xml.getText());
                        }
                    }
                    default -> { }
                }
            }
            if (elements == 0) {
                throw new InputException(name + ": no " + ROOT + " element: not a RevMan 5 review");
            }
            return new RevManReview(name, title == null ? "" : title, studies, comparisons, 0, false);
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException) {
                Location loc = e.getLocation();
                throw new InputException(name + (loc == null ? "" : ": line " + loc.getLineNumber()) + ": not valid UTF-8"
                        + " text, as its XML declaration says (save the file as UTF-8)");
            }
            throw malformed(e);
        } catch (IOException e) {
            // reading the head of the review to find its encoding; as read() words a file it cannot read
            throw new InputException(name + ": cannot read (" + e.getMessage() + ")", e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader that already failed
                }
            }
        }
    }

    /**
     * Whether the review is UTF-8 (a UTF-8 byte order mark, which is skipped, or an XML declaration that names UTF-8 or
     * no encoding): such a file is decoded here, strictly, and an invalid byte is one line saying so. Given the bytes,
     * the JDK's parser prints its own "[Fatal Error]" line to standard error before it fails. Any other encoding (a
     * declaration naming ISO-8859-1, a UTF-16 byte order mark) is left to the parser.
     */
    private static boolean utf8(BufferedInputStream in) throws IOException {
        in.mark(512);
        byte[] head = in.readNBytes(512);
        in.reset();
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            in.skipNBytes(3);
            return true;
        }
        if (head.length >= 2 && (head[0] == 0 || head[1] == 0 || (head[0] & 0xff) >= 0xFE)) {
            return false; // UTF-16 or UTF-32, with or without a byte order mark
        }
        String start = new String(head, StandardCharsets.ISO_8859_1);
        if (!start.startsWith("<?xml")) {
            return true;
        }
        int end = start.indexOf("?>");
        Matcher m = ENCODING.matcher(end < 0 ? start : start.substring(0, end));
        return !m.find() || m.group(1).equalsIgnoreCase("UTF-8") || m.group(1).equalsIgnoreCase("UTF8");
    }

    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private InputException malformed(XMLStreamException e) {
        Location loc = e.getLocation();
        String where = loc == null ? "" : ": line " + loc.getLineNumber() + ", column " + loc.getColumnNumber();
        return new InputException(name + where + ": element " + top() + ": " + ParserMessages.xml(e), e);
    }

    private String top() {
        return stack.isEmpty() ? "(document)" : stack.peek();
    }

    private InputException refuse(String element, String rule) {
        return new InputException(name + ": line " + xml.getLocation().getLineNumber() + ": element " + element + ": " + rule);
    }

    private String parent() {
        if (stack.size() < 2) {
            return "";
        }
        var it = stack.iterator();
        it.next();
        return it.next();
    }

    private void captureText(String target) {
        text = new StringBuilder();
        textDepth = stack.size();
        textTarget = target;
    }

    private void start(String el) {
        if (stack.isEmpty() && !el.equals(ROOT)) {
            throw refuse(el, "not a RevMan 5 review (root element " + el + ", expected " + ROOT + ")");
        }
        stack.push(el);
        if (++elements > MAX_ELEMENTS) {
            throw refuse(el, "more than " + MAX_ELEMENTS + " elements (limit for a RevMan file)");
        }
        if (stack.size() > MAX_DEPTH) {
            throw refuse(el, "nested more than " + MAX_DEPTH + " elements deep (limit for a RevMan file)");
        }
        String parent = parent();
        switch (el) {
            case "TITLE" -> {
                if (title == null && parent.equals("COVER_SHEET")) {
                    captureText("title");
                }
            }
            case "STUDY" -> {
                String id = attr("ID");
                if (id != null && !id.isEmpty()) {
                    studies.put(id, new Study(id, nn(attr("NAME")), nn(attr("YEAR"))));
                }
            }
            case "COMPARISON" -> {
                cmpId = required(el, "ID");
                cmpNo = nn(attr("NO"));
                cmpName = "";
                outcomes = new ArrayList<>();
            }
            case "DICH_OUTCOME", "CONT_OUTCOME", "IV_OUTCOME", "IPD_OUTCOME" -> {
                if (outcomes == null) {
                    throw refuse(el, "outcome outside a COMPARISON");
                }
                outcome = new OutcomeBuilder(DataType.valueOf(el.substring(0, el.indexOf('_'))), el);
            }
            case "DICH_SUBGROUP", "CONT_SUBGROUP", "IV_SUBGROUP", "IPD_SUBGROUP" -> {
                if (outcome == null) {
                    throw refuse(el, "subgroup outside an outcome");
                }
                outcome.subgroups.add(new Subgroup(required(el, "ID"), nn(attr("NO")), "", stored(el),
                        xml.getLocation().getLineNumber()));
                outcome.subgroup = outcome.subgroups.size() - 1;
            }
            case "DICH_DATA", "CONT_DATA", "IV_DATA", "IPD_DATA" -> {
                if (outcome == null) {
                    throw refuse(el, "study data outside an outcome");
                }
                outcome.data.add(dataRow(el));
            }
            case "NAME" -> {
                if (parent.equals("COMPARISON") || parent.endsWith("_OUTCOME") || parent.endsWith("_SUBGROUP")) {
                    captureText("name:" + parent);
                }
            }
            case "GROUP_LABEL_1", "GROUP_LABEL_2", "GRAPH_LABEL_1", "GRAPH_LABEL_2", "EFFECT_MEASURE" -> {
                if (outcome != null && parent.endsWith("_OUTCOME")) {
                    captureText(el);
                }
            }
            default -> { }
        }
    }

    private void end(String el) {
        if (text != null && stack.size() == textDepth) {
            String t = text.toString().strip().replaceAll("\\s+", " ");
            text = null;
            assignText(t);
        }
        stack.pop();
        switch (el) {
            case "COMPARISON" -> {
                comparisons.add(new Comparison(cmpId, cmpNo, cmpName, outcomes));
                outcomes = null;
            }
            case "DICH_OUTCOME", "CONT_OUTCOME", "IV_OUTCOME", "IPD_OUTCOME" -> {
                outcomes.add(outcome.build());
                outcome = null;
            }
            case "DICH_SUBGROUP", "CONT_SUBGROUP", "IV_SUBGROUP", "IPD_SUBGROUP" -> outcome.subgroup = -1;
            default -> { }
        }
    }

    private void assignText(String t) {
        switch (textTarget) {
            case "title" -> title = t;
            case "name:COMPARISON" -> cmpName = t;
            case "GROUP_LABEL_1" -> outcome.groupLabel1 = t;
            case "GROUP_LABEL_2" -> outcome.groupLabel2 = t;
            case "GRAPH_LABEL_1" -> outcome.graphLabel1 = t;
            case "GRAPH_LABEL_2" -> outcome.graphLabel2 = t;
            case "EFFECT_MEASURE" -> outcome.effectMeasure = t;
            default -> {
                if (textTarget.endsWith("_SUBGROUP")) {
                    Subgroup s = outcome.subgroups.get(outcome.subgroups.size() - 1);
                    outcome.subgroups.set(outcome.subgroups.size() - 1, new Subgroup(s.id(), s.no(), t, s.stored(), s.line()));
                } else if (textTarget.endsWith("_OUTCOME")) {
                    outcome.name = t;
                }
            }
        }
    }

    private final class OutcomeBuilder {
        final DataType type;
        final String id;
        final String no;
        String name = "";
        String effectMeasure;
        final String method;
        final boolean random;
        final String totals;
        final double ciStudy;
        final double ciTotal;
        final boolean swap;
        final boolean logData;
        final boolean subgroupTest;
        String groupLabel1 = "";
        String groupLabel2 = "";
        String graphLabel1 = "";
        String graphLabel2 = "";
        final Stored stored;
        final List<Subgroup> subgroups = new ArrayList<>();
        final List<DataRow> data = new ArrayList<>();
        int subgroup = -1;
        final int line;

        OutcomeBuilder(DataType type, String el) {
            this.type = type;
            id = required(el, "ID");
            no = nn(attr("NO"));
            effectMeasure = attr("EFFECT_MEASURE");
            method = nn(attr("METHOD")).toUpperCase(Locale.ROOT);
            random = yes(attr("RANDOM"));
            totals = attr("TOTALS") == null ? "YES" : attr("TOTALS").toUpperCase(Locale.ROOT);
            ciStudy = level(el, "CI_STUDY");
            ciTotal = level(el, "CI_TOTAL");
            swap = yes(attr("SWAP_EVENTS"));
            logData = yes(attr("LOG_DATA"));
            subgroupTest = attr("SUBGROUP_TEST") == null || yes(attr("SUBGROUP_TEST"));
            stored = stored(el);
            line = xml.getLocation().getLineNumber();
        }

        Outcome build() {
            return new Outcome(type, id, no, name, effectMeasure == null ? "" : effectMeasure, method, random, totals,
                    ciStudy, ciTotal, swap, logData, subgroupTest, groupLabel1, groupLabel2, graphLabel1, graphLabel2,
                    stored, subgroups, data, line);
        }
    }

    private double level(String el, String attribute) {
        Double v = number(el, attribute);
        if (v == null) {
            return 95;
        }
        if (!validLevel(v)) {
            throw refuse(el, "attribute " + attribute + " '" + attr(attribute) + "' " + LEVEL_RULE);
        }
        return v;
    }

    /** The rule of a review's CI level (.rm5 attribute or CSV-export column), in percent. */
    static final String LEVEL_RULE = "must be a confidence level in percent, strictly between 0 and 100";

    /** Whether {@code percent} is a CI level a review may give: strictly between 0 and 100. */
    static boolean validLevel(double percent) {
        return percent > 0 && percent < 100;
    }

    private DataRow dataRow(String el) {
        return new DataRow(required(el, "STUDY_ID"), outcome.subgroup, number(el, "EVENTS_1"), number(el, "TOTAL_1"),
                number(el, "MEAN_1"), number(el, "SD_1"), number(el, "EVENTS_2"), number(el, "TOTAL_2"),
                number(el, "MEAN_2"), number(el, "SD_2"), number(el, "O_E"), number(el, "VAR"),
                number(el, "EFFECT_SIZE"), number(el, "SE"), stored(el), xml.getLocation().getLineNumber());
    }

    private Stored stored(String el) {
        String est = attr("ESTIMABLE");
        return new Stored(number(el, "EFFECT_SIZE"), number(el, "CI_START"), number(el, "CI_END"), number(el, "Z"),
                number(el, "P_Z"), number(el, "CHI2"), number(el, "DF"), number(el, "P_CHI2"), number(el, "I2"),
                number(el, "TAU2"), number(el, "Q"), number(el, "P_Q"), number(el, "I2_Q"), number(el, "WEIGHT"),
                number(el, "SE"), est == null ? null : yes(est));
    }

    private String attr(String attribute) {
        return xml.getAttributeValue(null, attribute);
    }

    private String required(String el, String attribute) {
        String v = attr(attribute);
        if (v == null || v.isBlank()) {
            throw refuse(el, "attribute " + attribute + " is required");
        }
        return v;
    }

    /** The attribute as a number, null when absent or empty; exit 2 when it is not a finite number. */
    private Double number(String el, String attribute) {
        String v = attr(attribute);
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw refuse(el, "attribute " + attribute + " '" + v + "' is not a finite number");
            }
        }
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw refuse(el, "attribute " + attribute + " '" + v + "' is not a finite number");
        }
    }

    private static boolean yes(String v) {
        return v != null && v.strip().equalsIgnoreCase("YES");
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
