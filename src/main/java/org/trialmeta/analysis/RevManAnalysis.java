package org.trialmeta.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.repository.RevManReview;
import org.trialmeta.repository.RevManReview.DataRow;
import org.trialmeta.repository.RevManReview.Outcome;
import org.trialmeta.stats.meta.RevMan5;

/**
 * One RevMan analysis (an outcome of a comparison) recomputed from its study data with {@link RevMan5}: the
 * mapping of RevMan's settings and data rows onto the statistics, and the result. Nothing stored in the file is
 * used for the numbers.
 *
 * @param id          outcome id, e.g. CMP-001.01
 * @param comparison  comparison name
 * @param name        outcome name
 * @param dataType    dichotomous, continuous, generic or oe
 * @param measure     effect measure as RevMan displays it: OR, RR, RD, PETO_OR, MD, SMD, HR, ...
 * @param method      MH, IV or PETO
 * @param outcome     the outcome as read (labels, stored results, data rows)
 * @param studyLabels per data row, "Author Year"
 * @param subgroupNames subgroup names (empty without subgroups)
 * @param subgroupIds subgroup ids
 * @param result      the recomputed analysis (studies in data-row order)
 */
public record RevManAnalysis(String id, String comparison, String name, String dataType, String measure, String method,
                             Outcome outcome, List<String> studyLabels, List<String> subgroupNames,
                             List<String> subgroupIds, RevMan5.Result result) {

    /** Whether effects are displayed as ratios (exp of the analysis scale). */
    public boolean ratio() {
        return result.settings().measure().ratio();
    }

    /** Every analysis of a review, in file order. */
    public static List<RevManAnalysis> of(RevManReview review) {
        List<RevManAnalysis> out = new ArrayList<>();
        for (RevManReview.Comparison c : review.comparisons()) {
            for (Outcome o : c.outcomes()) {
                out.add(of(review, c.name(), o));
            }
        }
        return out;
    }

    /** One outcome of {@code review}. */
    public static RevManAnalysis of(RevManReview review, String comparison, Outcome o) {
        String code = measureCode(o);
        RevMan5.Method method = method(review, o, code);
        RevMan5.Measure measure = measure(review, o, code, method);
        var settings = new RevMan5.Settings(measure, method, o.random(), o.ciStudy() / 100, o.ciTotal() / 100);
        List<RevMan5.Data> data = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int[] groups = new int[o.data().size()];
        for (int i = 0; i < o.data().size(); i++) {
            DataRow r = o.data().get(i);
            data.add(data(o, r));
            RevManReview.Study s = review.studies().get(r.studyId());
            labels.add(s != null ? s.label() : r.studyId().replaceFirst("^STD-", ""));
            groups[i] = r.subgroup();
        }
        boolean sub = !o.subgroups().isEmpty();
        if (sub) {
            for (int i = 0; i < groups.length; i++) {
                if (groups[i] < 0) {
                    String what = "study " + o.data().get(i).studyId() + " of outcome " + o.id()
                            + " is outside every subgroup of an outcome with subgroups";
                    throw new InputException(review.source() + ": line " + o.data().get(i).line() + (review.csv()
                            ? ", column Subgroup Number: '0' (" + what + ")" : ": element " + o.type() + "_DATA: " + what));
                }
            }
        }
        var result = RevMan5.analyse(data, sub ? groups : null, o.subgroups().size(), settings,
                sub && !o.totals().equals("YES"));
        return new RevManAnalysis(o.id(), comparison, o.name(), dataType(o.type()), code, methodName(method), o,
                labels, o.subgroups().stream().map(RevManReview.Subgroup::name).toList(),
                o.subgroups().stream().map(RevManReview.Subgroup::id).toList(), result);
    }

    /**
     * {@code pool --compat revman5}: the user's CSV studies as one RevMan analysis.
     *
     * @param studies  the CSV's studies (OR, RR, RD: 2×2; MD, SMD: means; GEN: yi and vi; HR: log HR and its variance)
     * @param groups   per study its subgroup, or null
     * @param method   MH, MH-DL (M-H random), IV or FE, DL (IV random), PETO; null for RevMan's default (MH for
     *                 2×2 data, IV otherwise)
     * @param level    confidence level (fraction)
     * @param source   file name, for messages
     */
    public static RevManAnalysis fromPool(PoolInput studies, String[] groups, String method, double level, String source) {
        String m = studies.measure().name();
        RevManReview.DataType type = switch (m) {
            case "OR", "RR", "RD" -> RevManReview.DataType.DICH;
            case "MD", "SMD" -> RevManReview.DataType.CONT;
            case "GEN", "HR" -> RevManReview.DataType.IV;
            default -> throw new InputException("--compat revman5: --measure " + m
                    + " is not one of RevMan 5's (OR, RR, RD, MD, SMD, HR, GEN)");
        };
        String meth = method == null ? (type == RevManReview.DataType.DICH ? "MH" : "IV")
                : method.strip().toUpperCase(Locale.ROOT);
        boolean random = meth.equals("MH-DL") || meth.equals("DL");
        String revmanMethod = switch (meth) {
            case "MH", "MH-DL" -> "MH";
            case "IV", "FE", "DL" -> "IV";
            case "PETO" -> "PETO";
            default -> throw new InputException("--compat revman5: --method '" + method
                    + "' (allowed: MH, MH-DL, IV, FE, DL, PETO)");
        };
        if (!revmanMethod.equals("IV") && type != RevManReview.DataType.DICH) {
            throw new InputException("--compat revman5: --method " + meth + " needs 2x2 data (--measure OR, RR, RD)");
        }
        if (revmanMethod.equals("PETO") && (random || !m.equals("OR"))) {
            throw new InputException("--compat revman5: --method PETO needs --measure OR (fixed effect)");
        }
        List<RevManReview.Subgroup> subgroups = new ArrayList<>();
        List<String> groupNames = new ArrayList<>();
        if (groups != null) {
            for (String g : groups) {
                if (!groupNames.contains(g)) {
                    groupNames.add(g);
                    subgroups.add(new RevManReview.Subgroup(String.format(Locale.ROOT, "pool.%02d", groupNames.size()),
                            Integer.toString(groupNames.size()), g, RevManReview.Stored.NONE, 0));
                }
            }
        }
        List<DataRow> rows = new ArrayList<>();
        Map<String, RevManReview.Study> named = new LinkedHashMap<>();
        for (int i = 0; i < studies.names().size(); i++) {
            String id = "line " + org.trialmeta.repository.CsvTable.lineOf(i);
            named.put(id, new RevManReview.Study(id, studies.names().get(i), ""));
            int sg = groups == null ? -1 : groupNames.indexOf(groups[i]);
            rows.add(switch (type) {
                case DICH -> new DataRow(id, sg, (double) studies.ai()[i], (double) studies.n1i()[i], null, null,
                        (double) studies.ci()[i], (double) studies.n2i()[i], null, null, null, null, null, null,
                        RevManReview.Stored.NONE, 0);
                case CONT -> {
                    PoolInput.Means d = (PoolInput.Means) studies.data();
                    yield new DataRow(id, sg, null, (double) d.n1i()[i], d.m1i()[i], d.sd1i()[i], null, (double) d.n2i()[i],
                            d.m2i()[i], d.sd2i()[i], null, null, null, null, RevManReview.Stored.NONE, 0);
                }
                default -> {
                    PoolInput.Given d = (PoolInput.Given) studies.data();
                    double y = m.equals("HR") ? Math.exp(d.yi()[i]) : d.yi()[i];
                    yield new DataRow(id, sg, null, null, null, null, null, null, null, null, null, null, y,
                            Math.sqrt(d.vi()[i]), RevManReview.Stored.NONE, 0);
                }
            });
        }
        double pct = Math.round(level * 1e10) / 1e8;
        String measure = revmanMethod.equals("PETO") ? "PETO_OR" : m.equals("GEN") ? "" : m;
        Outcome o = new Outcome(type, "pool", "1", source, measure, revmanMethod, random, "YES", pct, pct, false,
                m.equals("HR"), true, "Experimental", "Control", "Favours experimental", "Favours control",
                RevManReview.Stored.NONE, subgroups, rows, 0);
        RevManReview review = new RevManReview(source, "", named, List.of(), 0, false);
        return of(review, "pool --compat revman5", o);
    }

    static String dataType(RevManReview.DataType t) {
        return switch (t) {
            case DICH -> "dichotomous";
            case CONT -> "continuous";
            case IV -> "generic";
            case IPD -> "oe";
        };
    }

    private static String methodName(RevMan5.Method m) {
        return m.name();
    }

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("odds ratio", "OR");
        NAMES.put("risk ratio", "RR");
        NAMES.put("relative risk", "RR");
        NAMES.put("risk difference", "RD");
        NAMES.put("mean difference", "MD");
        NAMES.put("std. mean difference", "SMD");
        NAMES.put("standardized mean difference", "SMD");
        NAMES.put("standardised mean difference", "SMD");
        NAMES.put("hazard ratio", "HR");
        NAMES.put("peto odds ratio", "PETO_OR");
        NAMES.put("ratio of means", "ROM");
        NAMES.put("rate ratio", "RATE_RATIO");
    }

    /** RevMan's effect measure as a short code (OR, RR, RD, PETO_OR, MD, SMD, HR, ...), or the name as written. */
    static String measureCode(Outcome o) {
        String m = o.effectMeasure().strip();
        String code = NAMES.get(m.toLowerCase(Locale.ROOT));
        if (code != null) {
            return code;
        }
        return m.isEmpty() ? "" : m.toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    private static RevMan5.Method method(RevManReview review, Outcome o, String code) {
        String m = o.method();
        if (o.type() == RevManReview.DataType.IPD) {
            return RevMan5.Method.PETO;
        }
        if (code.equals("PETO_OR") || m.equals("PETO")) {
            if (o.type() != RevManReview.DataType.DICH) {
                return RevMan5.Method.IV;
            }
            return RevMan5.Method.PETO;
        }
        if (m.equals("MH") && o.type() == RevManReview.DataType.DICH) {
            return RevMan5.Method.MH;
        }
        if (m.isEmpty() || m.equals("IV") || m.equals("MH")) {
            return RevMan5.Method.IV;
        }
        throw refuse(review, o, "METHOD", "Statistical Method", o.method(), "is not one of MH, IV, PETO");
    }

    private static RevMan5.Measure measure(RevManReview review, Outcome o, String code, RevMan5.Method method) {
        switch (o.type()) {
            case DICH -> {
                if (method == RevMan5.Method.PETO) {
                    return RevMan5.Measure.PETO_OR;
                }
                return switch (code) {
                    case "OR" -> RevMan5.Measure.OR;
                    case "RR" -> RevMan5.Measure.RR;
                    case "RD" -> RevMan5.Measure.RD;
                    default -> throw refuse(review, o, "EFFECT_MEASURE", "Effect Measure", o.effectMeasure(),
                            "is not one of OR, RR, RD, PETO_OR for dichotomous data");
                };
            }
            case CONT -> {
                return switch (code) {
                    case "MD" -> RevMan5.Measure.MD;
                    case "SMD" -> RevMan5.Measure.SMD;
                    default -> throw refuse(review, o, "EFFECT_MEASURE", "Effect Measure", o.effectMeasure(),
                            "is not one of MD, SMD for continuous data");
                };
            }
            case IPD -> {
                return RevMan5.Measure.RATIO;
            }
            default -> {
                return genericIsRatio(o, code) ? RevMan5.Measure.RATIO : RevMan5.Measure.DIFFERENCE;
            }
        }
    }

    /** Generic data are ratios when RevMan marks them as entered on the log scale (or, unmarked, by name). */
    static boolean genericIsRatio(Outcome o, String code) {
        return o.logData() || code.equals("OR") || code.equals("RR") || code.equals("HR") || code.equals("PETO_OR")
                || code.equals("ROM") || code.contains("RATIO");
    }

    /**
     * The refusal of an outcome's setting, in the terms of the file it came from: the element and attribute of a
     * {@code .rm5}, the line and column of RevMan's CSV export (as every other CSV message).
     */
    private static InputException refuse(RevManReview review, Outcome o, String attribute, String column, String value,
            String rule) {
        if (review.csv()) {
            return new InputException(review.source() + ": line " + o.line() + ", column " + column + ": '"
                    + CsvTable.shown(value) + "' (" + rule.replaceFirst("^is ", "") + ")");
        }
        return new InputException(review.source() + ": line " + o.line() + ": element " + o.type() + "_OUTCOME "
                + o.id() + ": " + attribute + " '" + value + "' " + rule);
    }

    /** A data row as RevMan5 data; missing or impossible numbers give a study that is not estimable. */
    static RevMan5.Data data(Outcome o, DataRow r) {
        return switch (o.type()) {
            case DICH -> {
                int e1 = count(r.events1());
                int n1 = count(r.total1());
                int e2 = count(r.events2());
                int n2 = count(r.total2());
                yield o.swapEvents() && e1 >= 0 && n1 >= 0 && e2 >= 0 && n2 >= 0
                        ? new RevMan5.Binary(n1 - e1, n1, n2 - e2, n2) : new RevMan5.Binary(e1, n1, e2, n2);
            }
            case CONT -> new RevMan5.Continuous(num(r.mean1()), num(r.sd1()), count(r.total1()), num(r.mean2()),
                    num(r.sd2()), count(r.total2()));
            case IV -> {
                double y = num(r.estimate());
                boolean ratio = genericIsRatio(o, measureCode(o));
                yield new RevMan5.Generic(ratio ? (y > 0 ? Math.log(y) : Double.NaN) : y, num(r.se()));
            }
            case IPD -> new RevMan5.ObservedExpected(num(r.oMinusE()), num(r.variance()));
        };
    }

    /** A count, or −1 when absent, negative or not whole (the study is then not estimable). */
    static int count(Double v) {
        if (v == null || v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            return -1;
        }
        return v.intValue();
    }

    private static double num(Double v) {
        return v == null ? Double.NaN : v;
    }
}
