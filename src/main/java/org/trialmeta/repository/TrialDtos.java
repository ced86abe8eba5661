package org.trialmeta.repository;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.trialmeta.model.BinaryEndpoint;
import org.trialmeta.model.BiomarkerStatus;
import org.trialmeta.model.Compartment;
import org.trialmeta.model.Direction;
import org.trialmeta.model.EvidenceStatus;
import org.trialmeta.model.MagnitudeUnit;
import org.trialmeta.model.PValue;
import org.trialmeta.model.Phase;
import org.trialmeta.model.Setting;
import org.trialmeta.model.SourceKind;
import org.trialmeta.model.CurveClicks;
import org.trialmeta.model.SurvivalAxis;
import org.trialmeta.model.TimeToEventEndpoint;
import org.trialmeta.model.TimeUnit;
import org.trialmeta.repository.Checked.CrossChecked;
import org.trialmeta.repository.Checked.EnumValue;
import org.trialmeta.repository.Checked.IsoDate;
import org.trialmeta.repository.Checked.PublicationDate;
import org.trialmeta.repository.Checked.Rules;
import org.trialmeta.repository.Checked.Sink;

/**
 * The YAML schema of {@code trials/}: mutable transfer objects that Jackson fills and Hibernate
 * Validator checks before they become {@code org.trialmeta.model} records. Field names are the YAML
 * keys; enum values are lower-case constant names; dates are ISO text. Standard constraints carry the
 * rule as message (the loader prepends the value); {@link Checked} constraints carry value and rule.
 */
public final class TrialDtos {
    private TrialDtos() {}

    static final String ID = "[a-z0-9][a-z0-9._-]*";
    static final String ID_RULE = "ids use lower-case letters, digits, '.', '_' and '-'";
    static final String REQUIRED = "required";
    static final String COUNT = "must not be negative";
    static final String PERCENT = "percentages must be in [0, 100]";
    static final String LEVEL = "confidence level is a percentage in [50, 100), e.g. 95 (not 0.95)";
    static final String NOT_REACHED = "not_reached";
    static final String NOT_REPORTED = "not_reported";

    /** {@code sources.yaml}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class SourcesFile {
        @NotNull(message = REQUIRED) @Valid public List<@NotNull(message = REQUIRED) SourceDto> sources;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "citation", "kind", "published", "doi", "pmid", "url", "note"})
    public static final class SourceDto {
        @NotBlank(message = REQUIRED) @Pattern(regexp = ID, message = ID_RULE) public String id;
        @NotBlank(message = REQUIRED) public String citation;
        @NotNull(message = REQUIRED) @EnumValue(SourceKind.class) public String kind;
        @PublicationDate public String published;
        @Pattern(regexp = "10\\.\\S+/\\S+", message = "a DOI looks like 10.1038/nm.4123 (no https://doi.org/ prefix)")
        public String doi;
        @Pattern(regexp = "\\d+", message = "a PMID is digits only") public String pmid;
        @Pattern(regexp = "https?://\\S+", message = "a URL starts with http:// or https://") public String url;
        public String note;
    }

    /** One trial file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "name", "registryIds", "phase", "design", "setting", "species", "modelSystem",
        "indication", "sources", "note", "subgroups", "cuts", "arms", "curves"})
    public static final class TrialDto {
        @NotBlank(message = REQUIRED) @Pattern(regexp = ID, message = ID_RULE) public String id;
        @NotBlank(message = REQUIRED) public String name;
        public List<@NotBlank(message = REQUIRED) String> registryIds;
        @NotNull(message = REQUIRED) @EnumValue(Phase.class) public String phase;
        @NotBlank(message = REQUIRED) public String design;
        @NotNull(message = REQUIRED) @EnumValue(Setting.class) public String setting;
        @NotBlank(message = REQUIRED) public String species;
        public String modelSystem;
        @NotBlank(message = REQUIRED) public String indication;
        @NotNull(message = REQUIRED) public List<@NotBlank(message = REQUIRED) String> sources;
        public String note;
        @NotNull(message = REQUIRED) @Size(min = 1, message = "at least one subgroup (e.g. overall) is required")
        @Valid public List<@NotNull(message = REQUIRED) SubgroupDto> subgroups;
        @NotNull(message = REQUIRED) @Size(min = 1, message = "at least one analysis cut is required")
        @Valid public List<@NotNull(message = REQUIRED) CutDto> cuts;
        @NotNull(message = REQUIRED) @Size(min = 1, message = "at least one arm is required")
        @Valid public List<@NotNull(message = REQUIRED) ArmDto> arms;
        /** Kaplan-Meier curves digitised from the publications' figures; optional. */
        @Valid public List<@NotNull(message = REQUIRED) CurveDto> curves;
    }

    /** Largest number at risk at time 0 of a digitised curve (as {@code reconstruct}: one record per patient). */
    static final int MAX_CURVE_PATIENTS = 1_000_000;
    /** Most columns of a numbers-at-risk table. */
    static final int MAX_AT_RISK_COLUMNS = 1000;

    /**
     * A Kaplan-Meier curve read off a published figure: the points file (relative to the trials directory), the
     * figure's numbers at risk, the totals printed with it, the figure's provenance and the digitisation.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"arm", "endpoint", "subgroup", "cut", "unit", "file", "scale", "clicks", "atRisk", "n", "events",
        "provenance", "digitisation", "note"})
    @Rules
    public static final class CurveDto implements CrossChecked {
        @NotBlank(message = REQUIRED) public String arm;
        @NotNull(message = REQUIRED) @EnumValue(TimeToEventEndpoint.class) public String endpoint;
        @NotBlank(message = REQUIRED) public String subgroup;
        @NotBlank(message = REQUIRED) public String cut;
        @NotNull(message = REQUIRED) @EnumValue(TimeUnit.class) public String unit;
        /** The points file, relative to the trials directory. */
        @NotBlank(message = REQUIRED) public String file;
        /** auto (default), proportion or percent. */
        @EnumValue(SurvivalAxis.class) public String scale;
        /** auto (default), corners or feet: how the figure was clicked. */
        @EnumValue(CurveClicks.class) public String clicks;
        @Valid public AtRiskDto atRisk;
        @PositiveOrZero(message = COUNT) public Integer n;
        @PositiveOrZero(message = COUNT) public Integer events;
        @NotNull(message = REQUIRED) @Valid public ProvenanceDto provenance;
        @NotNull(message = REQUIRED) @Valid public DigitisationDto digitisation;
        public String note;

        @Override
        public void check(Sink sink) {
            Integer first = atRisk != null && atRisk.n != null && !atRisk.n.isEmpty() ? atRisk.n.get(0) : null;
            if (atRisk == null && n == null) {
                sink.add("n", "missing", "without an atRisk table the number of patients n is required");
            }
            if (n != null && first != null && !n.equals(first)) {
                sink.add("n", n + " (atRisk.n[0] is " + first + ")", "n must equal the number at risk at time 0");
            }
            if (first != null && (first < 1 || first > MAX_CURVE_PATIENTS)) {
                return; // reported at atRisk.n[0]
            }
            Integer patients = first != null ? first : n;
            if (n != null && n > MAX_CURVE_PATIENTS) {
                sink.add("n", String.valueOf(n), "at most " + MAX_CURVE_PATIENTS + " patients");
            }
            if (events != null && patients != null && events > patients) {
                sink.add("events", events + " > n " + patients, "events must not exceed the number of patients");
            }
            // ProvenanceDto requires a locator unless the status is derived; a curve's always names its figure
            if (provenance != null && "derived".equals(provenance.status)
                    && (provenance.locator == null || provenance.locator.isBlank())) {
                sink.add("provenance.locator", "missing", "name the figure the curve was read from, e.g. Figure 2A");
            }
        }
    }

    /** The numbers at risk printed under a figure: times (first 0, increasing) and counts (never rising). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"time", "n"})
    @Rules
    public static final class AtRiskDto implements CrossChecked {
        @NotNull(message = REQUIRED) @Size(min = 1, max = MAX_AT_RISK_COLUMNS, message = "1 to 1000 columns")
        public List<@NotNull(message = REQUIRED) Double> time;
        @NotNull(message = REQUIRED) @Size(min = 1, max = MAX_AT_RISK_COLUMNS, message = "1 to 1000 columns")
        public List<@NotNull(message = REQUIRED) Integer> n;

        @Override
        public void check(Sink sink) {
            if (time == null || n == null || time.contains(null) || n.contains(null)) {
                return;
            }
            if (time.size() != n.size()) {
                sink.add("n", "a list of " + n.size(), "as many counts as times (" + time.size() + ")");
                return;
            }
            if (time.isEmpty()) {
                return;
            }
            if (time.get(0) != 0) {
                sink.add("time[0]", Values.show(time.get(0)), "the first column is time 0");
            }
            if (n.get(0) < 1 || n.get(0) > MAX_CURVE_PATIENTS) {
                sink.add("n[0]", String.valueOf(n.get(0)), "between 1 and " + MAX_CURVE_PATIENTS + " at risk at time 0");
                return;
            }
            for (int i = 1; i < time.size(); i++) {
                if (n.get(i) < 0) {
                    sink.add("n[" + i + "]", String.valueOf(n.get(i)), COUNT);
                    return;
                }
                if (!(time.get(i) > time.get(i - 1))) {
                    sink.add("time[" + i + "]", Values.show(time.get(i)) + " after " + Values.show(time.get(i - 1)),
                            "times must be strictly increasing");
                    return;
                }
                if (n.get(i) > n.get(i - 1)) {
                    sink.add("n[" + i + "]", n.get(i) + " after " + n.get(i - 1), "numbers at risk never rise");
                    return;
                }
            }
        }
    }

    /** Who digitised a curve, with what tool, when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"by", "tool", "date", "note"})
    public static final class DigitisationDto {
        @NotBlank(message = REQUIRED) public String by;
        @NotBlank(message = REQUIRED) public String tool;
        @NotNull(message = REQUIRED) @IsoDate public String date;
        public String note;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "name", "biomarker"})
    public static final class SubgroupDto {
        @NotBlank(message = REQUIRED) @Pattern(regexp = ID, message = ID_RULE) public String id;
        @NotBlank(message = REQUIRED) public String name;
        @Valid public BiomarkerDto biomarker;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "status", "definition"})
    public static final class BiomarkerDto {
        @NotBlank(message = REQUIRED) public String name;
        @NotNull(message = REQUIRED) @EnumValue(BiomarkerStatus.class) public String status;
        public String definition;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "label", "cutoff", "provenance", "note"})
    @Rules
    public static final class CutDto implements CrossChecked {
        @NotBlank(message = REQUIRED) @Pattern(regexp = ID, message = ID_RULE) public String id;
        @NotBlank(message = REQUIRED) public String label;
        @IsoDate public String cutoff;
        @Valid public ProvenanceDto provenance;
        public String note;

        @Override
        public void check(Sink sink) {
            if (cutoff != null && provenance == null) {
                sink.add("provenance", "missing", "a cut-off date needs its provenance");
            }
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "name", "control", "n", "interventions", "note", "outcomes"})
    public static final class ArmDto {
        @NotBlank(message = REQUIRED) @Pattern(regexp = ID, message = ID_RULE) public String id;
        @NotBlank(message = REQUIRED) public String name;
        /** {@code true} for the reference (vehicle/placebo/standard-of-care) arm; absent means false. */
        public Boolean control;
        @PositiveOrZero(message = COUNT) public Integer n;
        @NotNull(message = REQUIRED) @Size(min = 1, message = "at least one intervention is required")
        @Valid public List<@NotNull(message = REQUIRED) InterventionDto> interventions;
        public String note;
        @NotNull(message = REQUIRED) @Valid public List<@NotNull(message = REQUIRED) OutcomeDto> outcomes;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"agent", "dose", "schedule"})
    public static final class InterventionDto {
        @NotBlank(message = REQUIRED) public String agent;
        public String dose;
        public String schedule;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"source", "locator", "cutoff", "status", "derivedFrom", "method", "note"})
    @Rules
    public static final class ProvenanceDto implements CrossChecked {
        @NotBlank(message = REQUIRED) public String source;
        public String locator;
        @IsoDate public String cutoff;
        @NotNull(message = REQUIRED) @EnumValue(EvidenceStatus.class) public String status;
        public List<@NotBlank(message = REQUIRED) String> derivedFrom;
        public String method;
        public String note;

        @Override
        public void check(Sink sink) {
            if (status == null) {
                return;
            }
            boolean derived = EvidenceStatus.DERIVED == Enums.parse(EvidenceStatus.class, status);
            boolean hasFrom = derivedFrom != null && !derivedFrom.isEmpty();
            if (derived && !hasFrom) {
                sink.add("derivedFrom", derivedFrom == null ? "missing" : "[]",
                        "a derived datum must name what it was derived from");
            }
            if (derived && (method == null || method.isBlank())) {
                sink.add("method", "missing", "a derived datum must say how it was derived");
            }
            if (!derived && hasFrom) {
                sink.add("derivedFrom", derivedFrom.toString(), "only a datum with status derived has derivedFrom");
            }
            if (!derived && method != null) {
                sink.add("method", Checked.quote(method), "only a datum with status derived has a method");
            }
            if (!derived && (locator == null || locator.isBlank())) {
                sink.add("locator", "missing", "required unless the status is derived: table, figure, page or text");
            }
        }
    }

    /** An outcome; {@code kind} selects the type. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = BinaryDto.class, name = "binary"),
        @JsonSubTypes.Type(value = TimeToEventDto.class, name = "time_to_event"),
        @JsonSubTypes.Type(value = BiomarkerChangeDto.class, name = "biomarker_change")})
    public abstract static class OutcomeDto {
        @NotBlank(message = REQUIRED) public String subgroup;
        @NotBlank(message = REQUIRED) public String cut;
        @NotNull(message = REQUIRED) @Valid public ProvenanceDto provenance;
        public String note;
    }

    /** Stands in for an outcome whose kind was missing or unknown (already reported); never valid. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class InvalidOutcomeDto extends OutcomeDto {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"endpoint", "subgroup", "cut", "responders", "evaluable", "criteria", "confirmed",
        "reported", "provenance", "note"})
    @Rules
    public static final class BinaryDto extends OutcomeDto implements CrossChecked {
        @NotNull(message = REQUIRED) @EnumValue(BinaryEndpoint.class) public String endpoint;
        @PositiveOrZero(message = COUNT) public Integer responders;
        @PositiveOrZero(message = COUNT) public Integer evaluable;
        public String criteria;
        public Boolean confirmed;
        @Valid public ReportedDto reported;

        @Override
        public void check(Sink sink) {
            if (responders != null && evaluable != null && responders > evaluable) {
                sink.add("responders", responders + " > evaluable " + evaluable, "responders must not exceed evaluable");
            }
            if (responders != null && evaluable == null) {
                sink.add("evaluable", "missing", "responders and evaluable go together");
            }
            if (responders == null && evaluable != null) {
                sink.add("responders", "missing", "responders and evaluable go together");
            }
            if (responders == null && evaluable == null && reported == null) {
                sink.add("responders", "missing", "a binary outcome needs responders/evaluable or reported");
            }
        }
    }

    /**
     * A percentage as printed. A percentage outside its own CI is loaded as published: the reviewer check reports
     * it ({@code estimate-in-ci}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"percent", "ci", "n", "provenance"})
    public static final class ReportedDto {
        @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = PERCENT)
        @DecimalMax(value = "100", message = PERCENT) public Double percent;
        @Valid public PercentCiDto ci;
        @PositiveOrZero(message = COUNT) public Integer n;
        /** When absent the reported figure shares the outcome's provenance. */
        @Valid public ProvenanceDto provenance;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"lower", "upper", "level"})
    @Rules
    public static final class PercentCiDto implements CrossChecked {
        @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = PERCENT)
        @DecimalMax(value = "100", message = PERCENT) public Double lower;
        @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = PERCENT)
        @DecimalMax(value = "100", message = PERCENT) public Double upper;
        @NotNull(message = REQUIRED) @DecimalMin(value = "50", message = LEVEL)
        @DecimalMax(value = "100", inclusive = false, message = LEVEL) public Double level;

        @Override
        public void check(Sink sink) {
            if (lower != null && upper != null && lower > upper) {
                sink.add("lower", Values.show(lower) + " > upper " + Values.show(upper), "CI lower must not exceed upper");
            }
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"endpoint", "subgroup", "cut", "unit", "median", "ci", "range", "events", "n",
        "hazardRatio", "provenance", "note"})
    @Rules
    public static final class TimeToEventDto extends OutcomeDto implements CrossChecked {
        @NotNull(message = REQUIRED) @EnumValue(TimeToEventEndpoint.class) public String endpoint;
        @NotNull(message = REQUIRED) @EnumValue(TimeUnit.class) public String unit;
        /** A positive number, {@code not_reached} or {@code not_reported}. */
        @NotNull(message = "required: a positive number, not_reached or not_reported") public Object median;
        @Valid public TimeCiDto ci;
        @Valid public TimeRangeDto range;
        @PositiveOrZero(message = COUNT) public Integer events;
        @PositiveOrZero(message = COUNT) public Integer n;
        @Valid public HazardRatioDto hazardRatio;

        @Override
        public void check(Sink sink) {
            Double m = Values.time(sink, "median", median, true);
            if (events != null && n != null && events > n) {
                sink.add("events", events + " > n " + n, "events must not exceed n");
            }
            if (ci != null) {
                Double lo = Values.time(sink, "ci.lower", ci.lower, false);
                Double hi = Values.time(sink, "ci.upper", ci.upper, false);
                boolean loReached = !NOT_REACHED.equals(Values.state(ci.lower));
                if (lo != null && hi != null && lo > hi || !loReached && hi != null) {
                    sink.add("ci.lower", Values.show(ci.lower) + " > upper " + Values.show(ci.upper),
                            "CI lower must not exceed upper");
                }
                // a median outside its CI is loaded as published: the reviewer check reports it (median-in-ci)
            }
            if (range != null) {
                Double lo = Values.time(sink, "range.min", range.min, false);
                Double hi = Values.time(sink, "range.max", range.max, false);
                boolean loReached = !NOT_REACHED.equals(Values.state(range.min));
                if (lo != null && hi != null && lo > hi || !loReached && hi != null) {
                    sink.add("range.min", Values.show(range.min) + " > max " + Values.show(range.max),
                            "range min must not exceed max");
                }
            }
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"lower", "upper", "level"})
    public static final class TimeCiDto {
        @NotNull(message = "required: a positive number or not_reached") public Object lower;
        @NotNull(message = "required: a positive number or not_reached") public Object upper;
        @NotNull(message = REQUIRED) @DecimalMin(value = "50", message = LEVEL)
        @DecimalMax(value = "100", inclusive = false, message = LEVEL) public Double level;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"min", "max"})
    public static final class TimeRangeDto {
        @NotNull(message = "required: a positive number or not_reached") public Object min;
        @NotNull(message = "required: a positive number or not_reached") public Object max;
    }

    /**
     * A hazard ratio as printed, with its CI and p-value when given. A ratio outside its CI, a CI that is not
     * symmetric on the log scale or a p-value the CI contradicts is loaded as published: the reviewer check
     * reports it ({@code ratio-in-ci}, {@code ratio-ci-symmetry}, {@code p-from-ci}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"value", "ci", "p", "comparator"})
    @Rules
    public static final class HazardRatioDto implements CrossChecked {
        @NotNull(message = REQUIRED) @Positive(message = "a hazard ratio must be positive") public Double value;
        @Valid public RatioCiDto ci;
        /** A number in [0, 1] or text such as {@code <0.001}. */
        public Object p;
        @NotBlank(message = REQUIRED) public String comparator;

        @Override
        public void check(Sink sink) {
            if (p != null && Values.pValue(p) == null) {
                sink.add("p", Values.show(p), "a p-value is a number in [0, 1] or text such as <0.001");
            }
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"lower", "upper", "level"})
    @Rules
    public static final class RatioCiDto implements CrossChecked {
        @NotNull(message = REQUIRED) @Positive(message = "a ratio must be positive") public Double lower;
        @NotNull(message = REQUIRED) @Positive(message = "a ratio must be positive") public Double upper;
        @NotNull(message = REQUIRED) @DecimalMin(value = "50", message = LEVEL)
        @DecimalMax(value = "100", inclusive = false, message = LEVEL) public Double level;

        @Override
        public void check(Sink sink) {
            if (lower != null && upper != null && lower > upper) {
                sink.add("lower", Values.show(lower) + " > upper " + Values.show(upper), "CI lower must not exceed upper");
            }
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"marker", "subgroup", "cut", "compartment", "direction", "magnitude", "provenance", "note"})
    @Rules
    public static final class BiomarkerChangeDto extends OutcomeDto implements CrossChecked {
        @NotBlank(message = REQUIRED) public String marker;
        @NotNull(message = "required (use not_reported when the source does not say)")
        @EnumValue(Compartment.class) public String compartment;
        @NotNull(message = REQUIRED) @EnumValue(Direction.class) public String direction;
        @Valid public MagnitudeDto magnitude;

        @Override
        public void check(Sink sink) {
            if (magnitude != null && magnitude.value != null && magnitude.value > 100 && magnitude.unit != null
                    && Enums.parse(MagnitudeUnit.class, magnitude.unit) == MagnitudeUnit.PERCENT
                    && direction != null && Enums.parse(Direction.class, direction) == Direction.DECREASED) {
                sink.add("magnitude.value", Values.show(magnitude.value), "a percentage decrease must be at most 100");
            }
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"value", "unit"})
    public static final class MagnitudeDto {
        @NotNull(message = REQUIRED) @PositiveOrZero(message = "must not be negative; the direction gives the sign")
        public Double value;
        @NotNull(message = REQUIRED) @EnumValue(MagnitudeUnit.class) public String unit;
    }

    /** Formatting and parsing of values for messages. */
    static final class Values {
        private Values() {}

        /** A value as the user wrote it: 26 not 26.0, text quoted, null as "missing". */
        static String show(Object v) {
            if (v == null) {
                return "missing";
            }
            if (v instanceof Double d) {
                if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
                    return String.format(Locale.ROOT, "%d", d.longValue());
                }
                return d.toString();
            }
            if (v instanceof Float f) {
                return show(f.doubleValue());
            }
            if (v instanceof Number || v instanceof Boolean) {
                return v.toString();
            }
            if (v instanceof String s) {
                return s.equals(NOT_REACHED) || s.equals(NOT_REPORTED) ? s : Checked.quote(s);
            }
            if (v instanceof java.util.Collection<?> c) {
                return "a list of " + c.size();
            }
            if (v instanceof java.util.Map<?, ?>) {
                return "a mapping";
            }
            return Checked.quote(v.toString());
        }

        /** The p-value in {@code v} (a number in [0, 1] or text such as "<0.001"), or null when it is none. */
        static PValue pValue(Object v) {
            try {
                if (v instanceof Number num) {
                    double d = num.doubleValue();
                    return Double.isFinite(d) && d >= 0 && d <= 1 ? PValue.equal(d) : null;
                }
                if (v instanceof String s && s.length() <= 40) {
                    return PValue.parse(s);
                }
                return null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /** not_reached / not_reported when {@code v} is that text (case-insensitive), else null. */
        static String state(Object v) {
            if (v instanceof String s) {
                String t = s.strip().toLowerCase(Locale.ROOT);
                if (t.equals(NOT_REACHED) || t.equals(NOT_REPORTED)) {
                    return t;
                }
            }
            return null;
        }

        /**
         * The positive number in {@code v}, or null when it is a state or invalid (then reported to
         * the sink).
         */
        static Double time(Sink sink, String property, Object v, boolean allowNotReported) {
            if (v == null) {
                return null;
            }
            String state = state(v);
            if (NOT_REACHED.equals(state) || NOT_REPORTED.equals(state) && allowNotReported) {
                return null;
            }
            String allowed = allowNotReported ? "a positive number, not_reached or not_reported"
                    : "a positive number or not_reached";
            if (v instanceof Number num) {
                double d = num.doubleValue();
                if (!(d > 0) || !Double.isFinite(d)) {
                    sink.add(property, show(v), "must be positive");
                    return null;
                }
                return d;
            }
            sink.add(property, show(v), "must be " + allowed);
            return null;
        }
    }
}
