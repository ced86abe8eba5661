package org.trialmeta.repository;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trialmeta.model.AnalysisCut;
import org.trialmeta.model.Arm;
import org.trialmeta.model.BinaryEndpoint;
import org.trialmeta.model.BinaryOutcome;
import org.trialmeta.model.EstimateState;
import org.trialmeta.model.EvidenceStatus;
import org.trialmeta.model.HazardRatio;
import org.trialmeta.model.InputException;
import org.trialmeta.model.Intervention;
import org.trialmeta.model.Outcome;
import org.trialmeta.model.PValue;
import org.trialmeta.model.Percent;
import org.trialmeta.model.PercentInterval;
import org.trialmeta.model.Phase;
import org.trialmeta.model.Provenance;
import org.trialmeta.model.ReportedProportion;
import org.trialmeta.model.ResponseCount;
import org.trialmeta.model.Setting;
import org.trialmeta.model.Source;
import org.trialmeta.model.SourceKind;
import org.trialmeta.model.Subgroup;
import org.trialmeta.model.TimeEstimate;
import org.trialmeta.model.TimeInterval;
import org.trialmeta.model.TimeToEventEndpoint;
import org.trialmeta.model.TimeToEventOutcome;
import org.trialmeta.model.TimeUnit;
import org.trialmeta.model.Trial;

/**
 * Reads a ClinicalTrials.gov API v2 study record ({@code GET /api/v2/studies/NCT...}, JSON) and maps its posted
 * results into the trial model, each datum with its provenance: source = the NCT record (a {@link Source} of kind
 * {@link SourceKind#REGISTRY}), locator = the outcome measure, status {@link EvidenceStatus#SECONDARY} (results
 * posted by the sponsor, not peer reviewed, and often for another analysis population or cut than the paper's;
 * {@code check} compares them with the publication, rule {@code registry-vs-publication}).
 *
 * <p>Structure read (the API's data structure): {@code protocolSection.identificationModule} (nctId, acronym,
 * briefTitle), {@code designModule} (phases, designInfo), {@code conditionsModule}, {@code armsInterventionsModule}
 * (armGroups with interventionNames), and {@code resultsSection.outcomeMeasuresModule.outcomeMeasures[]}: title,
 * type, paramType (COUNT_OF_PARTICIPANTS, NUMBER, MEDIAN, ...), dispersionType (CONFIDENCE_95, ...), unitOfMeasure,
 * timeFrame, groups[] (id, title), denoms[].counts[] (groupId, value), classes[].categories[].measurements[]
 * (groupId, value, lowerLimit, upperLimit, comment) and analyses[] (groupIds, paramType, paramValue, ciPctValue,
 * ciLowerLimit, ciUpperLimit, pValue, statisticalMethod, estimateComment). Numbers are strings in the API; "NA"
 * is a value that could not be estimated (a median or CI end not reached).
 *
 * <p>Mapped: response rates (objective, complete, disease control; counts of participants, or percentages with
 * their CI) as binary outcomes; medians of OS, PFS, DOR, TTP and EFS with their CI, and a hazard-ratio analysis of
 * two groups as the first group's hazard ratio against the second (the order of {@code groupIds}; its
 * estimateComment is kept in the outcome's note). Every other measure is listed as skipped, with the reason.
 *
 * <p>Safe on hostile input: at most {@value #MAX_BYTES} bytes, nesting depth {@value #MAX_DEPTH}, strings of at
 * most {@value #MAX_STRING} characters, duplicate keys refused; anything malformed is an {@link InputException}
 * naming the file, the JSON path and the rule.
 */
public final class ClinicalTrialsGov {

    /** Largest record read (the largest posted records are a few megabytes). */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    static final int MAX_DEPTH = 64;
    static final int MAX_STRING = 1_000_000;
    private static final int MAX_MEASURES = 2000;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING).maxNumberLength(100).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ClinicalTrialsGov() {}

    /**
     * A study record mapped into the model.
     *
     * @param trial   the trial: one subgroup ({@code overall}), one cut ({@code registry}), an arm per results group
     * @param source  the registry record as a source (id: the NCT id in lower case)
     * @param skipped outcome measures not mapped, each with the reason
     */
    public record Record(Trial trial, Source source, List<String> skipped) {
        public Record {
            skipped = List.copyOf(skipped);
        }
    }

    /** Reads and maps {@code file}. */
    public static Record read(Path file) {
        String display = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InputException(display + ": " + (Files.exists(file) ? "not a regular file" : "file not found"));
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InputException(display + ": larger than " + MAX_BYTES + " bytes (limit)");
            }
            if (bytes.length == 0) {
                throw new InputException(display + ": empty file (a ClinicalTrials.gov study record is expected)");
            }
            root = readOne(display, bytes);
        } catch (InputException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new InputException(display + at(e.getLocation()) + ": " + ParserMessages.json(e));
        } catch (IOException e) {
            throw new InputException(display + ": not valid JSON (" + ParserMessages.plain(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InputException(display + ": not a ClinicalTrials.gov study record (a JSON object is expected)");
        }
        if (root.has("studies")) {
            JsonNode studies = root.get("studies");
            if (!studies.isArray() || studies.size() != 1) {
                throw new InputException(display + ": studies: " + (studies.isArray() ? studies.size() + " studies"
                        : "not a list") + " (give one study record)");
            }
            root = studies.get(0);
        }
        return new Mapper(display, root).map();
    }

    /** The one JSON value of {@code bytes}; anything but white space after it is refused (one record per file). */
    private static JsonNode readOne(String display, byte[] bytes) throws IOException {
        try (JsonParser p = MAPPER.createParser(bytes)) {
            JsonNode root = MAPPER.readTree(p);
            JsonLocation end = p.currentLocation();
            JsonToken next;
            try {
                next = p.nextToken();
            } catch (JsonProcessingException e) {
                next = JsonToken.NOT_AVAILABLE; // not even a token: still content after the record
            }
            if (next != null) {
                throw new InputException(display + at(end)
                        + ": content after the end of the JSON record (one record per file, nothing after it)");
            }
            return root;
        }
    }

    /** ": line L, column C" of a parser's location, or "" when it has none. */
    private static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : ": line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** Maps one record; every failure names the JSON path. */
    private static final class Mapper {
        private final String file;
        private final JsonNode root;
        private final List<String> skipped = new ArrayList<>();

        Mapper(String file, JsonNode root) {
            this.file = file;
            this.root = root;
        }

        private InputException bad(String path, String value, String rule) {
            return new InputException(file + ": " + path + ": " + value + " (" + rule + ")");
        }

        private String text(JsonNode node, String path, boolean required) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                if (required) {
                    throw bad(path, "missing", "required in a ClinicalTrials.gov study record");
                }
                return null;
            }
            if (!node.isValueNode()) {
                throw bad(path, node.isArray() ? "a list" : "an object", "must be text");
            }
            return node.asText();
        }

        Record map() {
            JsonNode protocol = root.path("protocolSection");
            String nct = text(protocol.path("identificationModule").path("nctId"),
                    "protocolSection.identificationModule.nctId", true).strip();
            if (!nct.matches("NCT\\d{8}")) {
                throw bad("protocolSection.identificationModule.nctId", "'" + nct + "'", "NCT followed by 8 digits");
            }
            String id = nct.toLowerCase(Locale.ROOT);
            JsonNode ident = protocol.path("identificationModule");
            String acronym = text(ident.path("acronym"), "acronym", false);
            String title = text(ident.path("briefTitle"), "protocolSection.identificationModule.briefTitle", false);
            String posted = text(protocol.path("statusModule").path("resultsFirstPostDateStruct").path("date"),
                    "resultsFirstPostDateStruct.date", false);
            Source source = new Source(id, "ClinicalTrials.gov " + nct + (title == null ? "" : ": " + title)
                    + (posted == null ? "" : " (results first posted " + posted + ")"), SourceKind.REGISTRY,
                    Optional.empty(), Optional.empty(), Optional.of("https://clinicaltrials.gov/study/" + nct),
                    Optional.of("read from an API v2 study record by trialmeta registry"),
                    Optional.ofNullable(posted).filter(d -> Source.lastDayOf(d).isPresent()));

            JsonNode measures = root.path("resultsSection").path("outcomeMeasuresModule").path("outcomeMeasures");
            if (!measures.isMissingNode() && !measures.isArray()) {
                throw bad("resultsSection.outcomeMeasuresModule.outcomeMeasures", "not a list", "a list of measures");
            }
            if (measures.size() > MAX_MEASURES) {
                throw bad("resultsSection.outcomeMeasuresModule.outcomeMeasures", measures.size() + " measures",
                        "at most " + MAX_MEASURES);
            }
            Map<String, String> groupTitles = new LinkedHashMap<>(); // arm id -> title
            Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
            Map<String, Integer> armN = new LinkedHashMap<>();
            for (int i = 0; i < measures.size(); i++) {
                measure(measures.get(i), "resultsSection.outcomeMeasuresModule.outcomeMeasures[" + i + "]", i, id,
                        groupTitles, outcomes, armN);
            }
            Map<String, List<String>> interventions = interventions(protocol.path("armsInterventionsModule"));
            List<Arm> arms = new ArrayList<>();
            for (Map.Entry<String, String> g : groupTitles.entrySet()) {
                List<String> agents = interventions.getOrDefault(normal(g.getValue()), List.of(g.getValue()));
                arms.add(new Arm(g.getKey(), g.getValue(), agents.stream()
                        .map(a -> new Intervention(a, Optional.empty(), Optional.empty())).toList(),
                        Optional.ofNullable(armN.get(g.getKey())), outcomes.getOrDefault(g.getKey(), List.of()),
                        Optional.empty()));
            }
            Trial trial = new Trial(id, acronym != null ? acronym : title != null ? title : nct, List.of(nct),
                    phase(protocol.path("designModule").path("phases")), design(protocol.path("designModule")),
                    Setting.CLINICAL, "human", Optional.empty(), conditions(protocol.path("conditionsModule")),
                    List.of(id), List.of(new Subgroup("overall", "Participants analysed", Optional.empty())),
                    List.of(new AnalysisCut("registry", "Results posted on ClinicalTrials.gov"
                            + (posted == null ? "" : " (" + posted + ")"), Optional.empty(), Optional.empty(),
                            Optional.of("the data cut-off of posted results is not part of the record"))),
                    arms, Optional.of("mapped from " + nct + " by trialmeta registry; review before curating"));
            return new Record(trial, source, skipped);
        }

        private void measure(JsonNode m, String path, int index, String source, Map<String, String> groupTitles,
                Map<String, List<Outcome>> outcomes, Map<String, Integer> armN) {
            if (!m.isObject()) {
                throw bad(path, "not an object", "an outcome measure is an object");
            }
            String title = text(m.path("title"), path + ".title", true);
            String kind = classify(title);
            if (kind == null) {
                skipped.add("measure " + (index + 1) + " '" + title + "': not a response rate or a time to event");
                return;
            }
            String paramType = text(m.path("paramType"), path + ".paramType", false);
            String unit = text(m.path("unitOfMeasure"), path + ".unitOfMeasure", false);
            String dispersion = text(m.path("dispersionType"), path + ".dispersionType", false);
            Map<String, String> groups = new LinkedHashMap<>(); // group id -> arm id
            JsonNode gs = m.path("groups");
            for (int g = 0; g < gs.size(); g++) {
                String gid = text(gs.get(g).path("id"), path + ".groups[" + g + "].id", true);
                String gtitle = text(gs.get(g).path("title"), path + ".groups[" + g + "].title", true);
                String arm = armId(gtitle);
                groupTitles.putIfAbsent(arm, gtitle.strip());
                groups.put(gid, arm);
            }
            Map<String, Integer> denoms = new LinkedHashMap<>();
            JsonNode ds = m.path("denoms");
            for (int d = 0; d < ds.size(); d++) {
                JsonNode counts = ds.get(d).path("counts");
                for (int c = 0; c < counts.size(); c++) {
                    String gid = text(counts.get(c).path("groupId"), path + ".denoms[" + d + "].counts[" + c + "].groupId",
                            true);
                    denoms.putIfAbsent(gid, count(counts.get(c).path("value"),
                            path + ".denoms[" + d + "].counts[" + c + "].value"));
                }
            }
            JsonNode classes = m.path("classes");
            if (classes.size() != 1 || classes.get(0).path("categories").size() != 1) {
                skipped.add("measure " + (index + 1) + " '" + title + "': " + classes.size()
                        + " classes (only a single class and category is mapped)");
                return;
            }
            JsonNode ms = classes.get(0).path("categories").get(0).path("measurements");
            String locator = "outcome measure " + (index + 1) + ": " + title
                    + timeFrame(text(m.path("timeFrame"), path + ".timeFrame", false));
            Provenance prov = Provenance.of(source, locator, EvidenceStatus.SECONDARY);
            double level = dispersionLevel(dispersion);
            boolean isTime = TIME_KINDS.contains(kind);
            if (isTime && !"MEDIAN".equals(paramType)) {
                skipped.add("measure " + (index + 1) + " '" + title + "': paramType " + paramType + " (a median is mapped)");
                return;
            }
            TimeUnit tu = isTime ? timeUnit(unit, path + ".unitOfMeasure") : null;
            Map<String, HazardRatio> hrs = isTime ? hazardRatios(m.path("analyses"), path + ".analyses", groups,
                    "measure " + (index + 1) + " '" + title + "'") : Map.of();
            for (int k = 0; k < ms.size(); k++) {
                String mp = path + ".classes[0].categories[0].measurements[" + k + "]";
                String gid = text(ms.get(k).path("groupId"), mp + ".groupId", true);
                String arm = groups.get(gid);
                if (arm == null) {
                    throw bad(mp + ".groupId", "'" + gid + "'", "must be one of the measure's groups " + groups.keySet());
                }
                Integer n = denoms.get(gid);
                if (n != null) {
                    armN.merge(arm, n, Math::max);
                }
                Outcome o;
                if (isTime) {
                    TimeEstimate median = time(ms.get(k).path("value"), mp + ".value", tu, text(ms.get(k).path("comment"),
                            mp + ".comment", false));
                    Optional<TimeInterval> ci = Optional.empty();
                    if (level > 0 && ms.get(k).has("lowerLimit")) {
                        TimeEstimate lo = time(ms.get(k).path("lowerLimit"), mp + ".lowerLimit", tu, null);
                        TimeEstimate hi = time(ms.get(k).path("upperLimit"), mp + ".upperLimit", tu, null);
                        if (lo.state() != EstimateState.NOT_REPORTED && hi.state() != EstimateState.NOT_REPORTED) {
                            ci = Optional.of(interval(lo, hi, level, mp));
                        }
                    }
                    o = new TimeToEventOutcome(TimeToEventEndpoint.valueOf(kind), "overall", "registry", median, ci,
                            Optional.empty(), Optional.empty(), Optional.ofNullable(n), Optional.ofNullable(hrs.get(arm)),
                            prov, Optional.ofNullable(hrs.containsKey(arm) ? "hazard ratio as posted: this group against"
                                    + " the other group of the analysis (groupIds order)" : null));
                } else {
                    o = binary(kind, paramType, unit, level, ms.get(k), mp, n, prov);
                    if (o == null) {
                        skipped.add("measure " + (index + 1) + " '" + title + "': paramType " + paramType + ", unit "
                                + unit + " (counts of participants or a percentage are mapped)");
                        return;
                    }
                }
                outcomes.computeIfAbsent(arm, a -> new ArrayList<>()).add(o);
            }
        }

        private BinaryOutcome binary(String kind, String paramType, String unit, double level, JsonNode meas, String mp,
                Integer n, Provenance prov) {
            BinaryEndpoint e = BinaryEndpoint.valueOf(kind);
            String u = unit == null ? "" : unit.toLowerCase(Locale.ROOT);
            if ("COUNT_OF_PARTICIPANTS".equals(paramType) || "NUMBER".equals(paramType) && u.contains("participants")
                    && !u.contains("percent")) {
                int k = count(meas.path("value"), mp + ".value");
                if (n == null) {
                    throw bad(mp, "no denominator", "a count of participants needs the measure's denoms");
                }
                if (k > n) {
                    throw bad(mp + ".value", k + " > denominator " + n, "participants must not exceed the analysed");
                }
                return new BinaryOutcome(e, "overall", "registry", Optional.of(new ResponseCount(k, n)), Optional.empty(),
                        Optional.empty(), Optional.empty(), prov, Optional.empty());
            }
            if (("NUMBER".equals(paramType) || "MEAN".equals(paramType)) && (u.contains("percent") || u.contains("%"))) {
                double p = number(meas.path("value"), mp + ".value");
                if (!(p >= 0 && p <= 100)) {
                    throw bad(mp + ".value", Checked.quote(meas.path("value").asText()), "a percentage in [0, 100]");
                }
                Optional<PercentInterval> ci = Optional.empty();
                if (level > 0 && meas.has("lowerLimit") && meas.has("upperLimit")) {
                    double lo = number(meas.path("lowerLimit"), mp + ".lowerLimit");
                    double hi = number(meas.path("upperLimit"), mp + ".upperLimit");
                    if (!(lo >= 0 && hi <= 100 && lo <= hi)) {
                        throw bad(mp, lo + "-" + hi, "a CI of a percentage lies in [0, 100] with lower <= upper");
                    }
                    ci = Optional.of(new PercentInterval(new Percent(lo), new Percent(hi), level));
                }
                return new BinaryOutcome(e, "overall", "registry", Optional.empty(), Optional.of(new ReportedProportion(
                        new Percent(p), ci, Optional.ofNullable(n), prov)), Optional.empty(), Optional.empty(), prov,
                        Optional.empty());
            }
            return null;
        }

        /**
         * The hazard ratios of a measure's two-group analyses, by the first group's arm. An analysis that names groups
         * the measure does not list (a record may post an analysis of another cohort's groups, or a reduced record may
         * lack them), a second hazard-ratio analysis of the same first group, or one of more than two groups is listed
         * as not mapped, with the reason.
         */
        private Map<String, HazardRatio> hazardRatios(JsonNode analyses, String path, Map<String, String> groups,
                String measure) {
            Map<String, HazardRatio> out = new LinkedHashMap<>();
            for (int a = 0; a < analyses.size(); a++) {
                JsonNode x = analyses.get(a);
                String ap = path + "[" + a + "]";
                String type = text(x.path("paramType"), ap + ".paramType", false);
                if (type == null || !type.toLowerCase(Locale.ROOT).contains("hazard")) {
                    continue;
                }
                JsonNode ids = x.path("groupIds");
                String what = measure + ", analysis " + (a + 1) + " (" + type + " " + x.path("paramValue").asText("?")
                        + ", groups " + ids + ")";
                if (ids.size() != 2) {
                    skipped.add(what + ": " + ids.size() + " groups (a hazard ratio of two groups is mapped)");
                    continue;
                }
                String first = groups.get(ids.get(0).asText());
                String second = groups.get(ids.get(1).asText());
                if (first == null || second == null) {
                    skipped.add(what + ": names groups the measure does not list " + groups.keySet());
                    continue;
                }
                if (out.containsKey(first)) {
                    skipped.add(what + ": a second hazard ratio of the same group (the first is mapped)");
                    continue;
                }
                double v = number(x.path("paramValue"), ap + ".paramValue");
                if (!(v > 0)) {
                    throw bad(ap + ".paramValue", Double.toString(v), "a hazard ratio is positive");
                }
                Optional<HazardRatio.RatioInterval> ci = Optional.empty();
                if (x.has("ciLowerLimit") && x.has("ciUpperLimit")
                        && !"NA".equalsIgnoreCase(x.path("ciLowerLimit").asText())
                        && !"NA".equalsIgnoreCase(x.path("ciUpperLimit").asText())) {
                    double lo = number(x.path("ciLowerLimit"), ap + ".ciLowerLimit");
                    double hi = number(x.path("ciUpperLimit"), ap + ".ciUpperLimit");
                    double level = x.has("ciPctValue") ? number(x.path("ciPctValue"), ap + ".ciPctValue") : 95;
                    if (!(lo > 0 && lo <= hi && level >= 50 && level < 100)) {
                        throw bad(ap, lo + "-" + hi + " at " + level + "%", "a ratio's CI is positive, lower <= upper,"
                                + " level in [50, 100)");
                    }
                    ci = Optional.of(new HazardRatio.RatioInterval(lo, hi, level));
                }
                Optional<PValue> p = Optional.empty();
                String pt = text(x.path("pValue"), ap + ".pValue", false);
                if (pt != null && !pt.isBlank()) {
                    try {
                        p = Optional.of(PValue.parse(pt));
                    } catch (IllegalArgumentException e) {
                        throw bad(ap + ".pValue", Checked.quote(pt), "a p-value such as 0.03 or <0.001");
                    }
                }
                out.putIfAbsent(first, new HazardRatio(v, ci, p, second));
            }
            return out;
        }

        private TimeEstimate time(JsonNode node, String path, TimeUnit unit, String comment) {
            String t = text(node, path, false);
            if (t == null || t.isBlank()) {
                return TimeEstimate.notReported(unit);
            }
            if (t.strip().equalsIgnoreCase("NA")) {
                // the API writes NA for a value that could not be estimated: for a survival median or CI end, not
                // reached (the record's comment usually says so)
                return TimeEstimate.notReached(unit);
            }
            double v = number(node, path);
            if (!(v > 0)) {
                throw bad(path, Checked.quote(t), "a time must be positive");
            }
            return TimeEstimate.of(v, unit);
        }

        private TimeInterval interval(TimeEstimate lo, TimeEstimate hi, double level, String path) {
            try {
                return new TimeInterval(lo, hi, level);
            } catch (IllegalArgumentException e) {
                throw bad(path, lo + "-" + hi, "CI lower must not exceed upper");
            }
        }

        private double number(JsonNode node, String path) {
            String t = text(node, path, true).strip();
            if (!t.matches("-?\\d{1,15}(?:\\.\\d{1,15})?")) {
                throw bad(path, Checked.quote(t.length() > 40 ? t.substring(0, 40) + "..." : t), "a number");
            }
            return Double.parseDouble(t);
        }

        private int count(JsonNode node, String path) {
            String t = text(node, path, true).strip();
            if (!t.matches("\\d{1,9}")) {
                throw bad(path, Checked.quote(t.length() > 40 ? t.substring(0, 40) + "..." : t), "a whole number >= 0");
            }
            return Integer.parseInt(t);
        }

        private TimeUnit timeUnit(String unit, String path) {
            String u = unit == null ? "" : unit.toLowerCase(Locale.ROOT);
            if (u.contains("month")) {
                return TimeUnit.MONTHS;
            }
            if (u.contains("week")) {
                return TimeUnit.WEEKS;
            }
            if (u.contains("day")) {
                return TimeUnit.DAYS;
            }
            throw bad(path, unit == null ? "missing" : Checked.quote(unit), "months, weeks or days for a median time");
        }

        private Map<String, List<String>> interventions(JsonNode module) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            JsonNode groups = module.path("armGroups");
            for (int i = 0; i < groups.size(); i++) {
                String label = text(groups.get(i).path("label"), "armGroups[" + i + "].label", false);
                JsonNode names = groups.get(i).path("interventionNames");
                List<String> agents = new ArrayList<>();
                for (int k = 0; k < names.size(); k++) {
                    String n = names.get(k).asText().replaceFirst("^[A-Za-z ]+:\\s*", "").strip();
                    if (!n.isEmpty()) {
                        agents.add(n);
                    }
                }
                if (label != null && !agents.isEmpty()) {
                    out.put(normal(label), agents);
                }
            }
            return out;
        }

        private static String timeFrame(String tf) {
            if (tf == null || tf.isBlank()) {
                return "";
            }
            String t = tf.strip();
            return " (time frame: " + (t.length() > 120 ? t.substring(0, 117) + "..." : t) + ")";
        }
    }

    private static final List<String> TIME_KINDS = List.of("OS", "PFS", "DOR", "TTP", "EFS");

    /**
     * The level of a CI from the API's dispersionType, or 0 when it is not a CI (or its level is not stated). Records
     * served by the API write the legacy text ("95% Confidence Interval", as in the FLAURA record NCT02296125); the
     * API's enumeration names the same CONFIDENCE_95; both are read.
     */
    static double dispersionLevel(String dispersion) {
        if (dispersion == null) {
            return 0;
        }
        String d = dispersion.strip();
        switch (d) {
            case "CONFIDENCE_80":
                return 80;
            case "CONFIDENCE_90":
                return 90;
            case "CONFIDENCE_95":
                return 95;
            case "CONFIDENCE_975":
                return 97.5;
            case "CONFIDENCE_99":
                return 99;
            default:
                break;
        }
        String lower = d.toLowerCase(Locale.ROOT);
        int pct = lower.indexOf('%');
        if (pct > 0 && lower.endsWith("confidence interval")
                && lower.substring(pct + 1, lower.length() - "confidence interval".length()).isBlank()) {
            String level = lower.substring(0, pct).strip();
            if (level.matches("\\d{2}(?:\\.\\d{1,3})?")) {
                double v = Double.parseDouble(level);
                return v >= 50 && v < 100 ? v : 0;
            }
        }
        return 0;
    }

    /** The endpoint an outcome measure's title names, or null. */
    static String classify(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        String words = " " + t.replaceAll("[^a-z0-9]+", " ") + " ";
        if (t.contains("duration of response") || t.contains("duration of objective response")) {
            return "DOR";
        }
        if (t.contains("progression-free survival") || t.contains("progression free survival")
                || words.contains(" pfs ")) {
            return "PFS";
        }
        if (t.contains("event-free survival") || t.contains("event free survival")) {
            return "EFS";
        }
        if (t.contains("time to progression") || t.contains("time to tumor progression")
                || t.contains("time to tumour progression")) {
            return "TTP";
        }
        if (t.contains("overall survival") && !t.contains("rate") && !t.contains("probability")
                || words.contains(" os ") && t.contains("median")) {
            return "OS";
        }
        if (t.contains("disease control")) {
            return "DCR";
        }
        if (t.contains("complete response") && !t.contains("partial")) {
            return "CR";
        }
        if (t.contains("objective response") || t.contains("overall response") || words.contains(" orr ")
                || t.contains("best overall response rate")) {
            return "ORR";
        }
        return null;
    }

    /** An arm id from a group title: lower case, words joined by '-', at most 60 characters. */
    static String armId(String title) {
        StringBuilder b = new StringBuilder();
        for (char c : title.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                b.append(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
            if (b.length() >= 60) {
                break;
            }
        }
        String s = b.toString().replaceAll("-+$", "");
        return s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0)) ? "group-" + Integer.toHexString(title.hashCode()) : s;
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static Phase phase(JsonNode phases) {
        List<String> p = new ArrayList<>();
        for (JsonNode x : phases) {
            p.add(x.asText());
        }
        if (p.contains("PHASE2") && p.contains("PHASE3")) {
            return Phase.PHASE_2_3;
        }
        if (p.contains("PHASE1") && p.contains("PHASE2")) {
            return Phase.PHASE_1_2;
        }
        if (p.contains("PHASE4")) {
            return Phase.PHASE_4;
        }
        if (p.contains("PHASE3")) {
            return Phase.PHASE_3;
        }
        if (p.contains("PHASE2")) {
            return Phase.PHASE_2;
        }
        if (p.contains("PHASE1") || p.contains("EARLY_PHASE1")) {
            return Phase.PHASE_1;
        }
        return Phase.NOT_APPLICABLE;
    }

    private static String design(JsonNode design) {
        JsonNode info = design.path("designInfo");
        List<String> parts = new ArrayList<>();
        for (String k : new String[] {"allocation", "interventionModel", "primaryPurpose"}) {
            if (info.path(k).isTextual()) {
                parts.add(info.path(k).asText().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        String masking = info.path("maskingInfo").path("masking").asText("");
        if (!masking.isEmpty()) {
            parts.add("masking " + masking.toLowerCase(Locale.ROOT));
        }
        return parts.isEmpty() ? "as registered on ClinicalTrials.gov" : String.join(", ", parts);
    }

    private static String conditions(JsonNode module) {
        List<String> c = new ArrayList<>();
        for (JsonNode x : module.path("conditions")) {
            c.add(x.asText());
        }
        return c.isEmpty() ? "not stated in the record" : String.join("; ", c);
    }
}
