package org.trialmeta.analysis;

import java.util.List;
import org.trialmeta.model.TextColumn;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.EffectSizes;
import org.trialmeta.stats.meta.ZeroCellCorrection;
import org.trialmeta.stats.survival.summary.HazardRatioFromSummary;

/**
 * The study rows of a {@code pool} CSV, validated for the effect measure. Accepted columns (first the names
 * metafor uses, then the names writers and RevMan use; experimental group first):
 * <ul>
 * <li>OR, RR, RD: {@code study,ai,n1i,ci,n2i} or {@code study,events_1,total_1,events_2,total_2};</li>
 * <li>PLO, PFT, PAS, PR, PLN: {@code study,xi,ni};</li>
 * <li>MD, SMD, ROM: {@code study,m1i,sd1i,n1i,m2i,sd2i,n2i} or {@code study,mean_1,sd_1,total_1,mean_2,sd_2,total_2};</li>
 * <li>HR: {@code study,hr,ci_lower,ci_upper[,level]} (level in percent, default 95), {@code study,loghr,se} or
 *     {@code study,o_minus_e,v} (the log-rank O − E and its variance), converted as Tierney et al. 2007;</li>
 * <li>GEN: {@code study,yi,vi}.</li>
 * </ul>
 * Every problem is an {@link org.trialmeta.model.InputException} naming the file, row, column, value and rule.
 *
 * @param names   study labels, in input order (one compact column, not a {@code String} per study: on 10⁶ studies
 *                the Strings were most of what the collector copied)
 * @param measure the effect measure
 * @param data    the study data
 * @param rows    the CSV data row (0-based) of each study, or null when study i is row i (as read), for messages
 */
public record PoolInput(TextColumn names, EffectMeasure measure, Data data, int[] rows) {

    /** The studies of the CSV's rows, in order. */
    public PoolInput(TextColumn names, EffectMeasure measure, Data data) {
        this(names, measure, data, null);
    }

    /** The CSV line of study {@code i} (the header is line 1). */
    public int line(int i) {
        return CsvTable.lineOf(rows == null ? i : rows[i]);
    }

    /**
     * Range of generic estimates |yi| and sampling variances vi accepted with GEN and HR. Weights 1/vi enter the
     * estimators up to the fourth power; outside these ranges double-precision sums overflow or cancel and the
     * fit would be NaN. No effect size on any published scale comes near them.
     */
    public static final double MAX_ABS_YI = 1e10;
    public static final double MIN_VI = 1e-20;
    public static final double MAX_VI = 1e20;

    /** The study data of one kind of measure. */
    public sealed interface Data {
    }

    /** Events and totals per group (experimental first). */
    public record TwoByTwo(int[] ai, int[] n1i, int[] ci, int[] n2i) implements Data {
    }

    /** Events and totals of single groups. */
    public record Proportions(int[] xi, int[] ni) implements Data {
    }

    /** Means, SDs and sizes per group (experimental first). */
    public record Means(double[] m1i, double[] sd1i, int[] n1i, double[] m2i, double[] sd2i, int[] n2i) implements Data {
    }

    /**
     * Estimates on the analysis scale with their sampling variances, as given (GEN) or converted (HR).
     *
     * @param route how they were obtained, e.g. "log HR and SE"
     */
    public record Given(double[] yi, double[] vi, String route) implements Data {
    }

    /** Events of group 1 (2×2) or of the single groups (proportions). */
    public int[] ai() {
        return data instanceof TwoByTwo t ? t.ai() : ((Proportions) data).xi();
    }

    /** Size of group 1 (2×2) or of the single groups (proportions). */
    public int[] n1i() {
        return data instanceof TwoByTwo t ? t.n1i() : ((Proportions) data).ni();
    }

    /** Events of group 2 (2×2 only). */
    public int[] ci() {
        return ((TwoByTwo) data).ci();
    }

    /** Size of group 2 (2×2 only). */
    public int[] n2i() {
        return ((TwoByTwo) data).n2i();
    }

    /** The effect sizes with metafor's default zero-cell correction. */
    public EffectSizes effectSizes() {
        return effectSizes(ZeroCellCorrection.metaforDefault(measure));
    }

    /** The effect sizes (as metafor {@code escalc(measure, ..., add =, to =)}). */
    public EffectSizes effectSizes(ZeroCellCorrection correction) {
        if (data instanceof TwoByTwo t) {
            return EffectSizes.twoGroup(measure, t.ai(), t.n1i(), t.ci(), t.n2i(), correction);
        }
        if (data instanceof Proportions p) {
            return EffectSizes.proportion(measure, p.xi(), p.ni(), correction);
        }
        if (data instanceof Means m) {
            return EffectSizes.continuous(measure, m.m1i(), m.sd1i(), m.n1i(), m.m2i(), m.sd2i(), m.n2i());
        }
        Given g = (Given) data;
        return EffectSizes.generic(measure, g.yi(), g.vi());
    }

    /** The rows of {@code rows} only (in that order), e.g. one group of a {@code --by} analysis. */
    public PoolInput rows(int[] rows) {
        TextColumn n = names.pick(rows);
        Data d;
        if (data instanceof TwoByTwo t) {
            d = new TwoByTwo(pick(t.ai(), rows), pick(t.n1i(), rows), pick(t.ci(), rows), pick(t.n2i(), rows));
        } else if (data instanceof Proportions p) {
            d = new Proportions(pick(p.xi(), rows), pick(p.ni(), rows));
        } else if (data instanceof Means m) {
            d = new Means(pick(m.m1i(), rows), pick(m.sd1i(), rows), pick(m.n1i(), rows), pick(m.m2i(), rows),
                    pick(m.sd2i(), rows), pick(m.n2i(), rows));
        } else {
            Given g = (Given) data;
            d = new Given(pick(g.yi(), rows), pick(g.vi(), rows), g.route());
        }
        int[] r = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            r[i] = this.rows == null ? rows[i] : this.rows[rows[i]];
        }
        return new PoolInput(n, measure, d, r);
    }

    private static int[] pick(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static final List<List<String>> TWO_BY_TWO = List.of(List.of("study", "ai", "n1i", "ci", "n2i"),
            List.of("study", "events_1", "total_1", "events_2", "total_2"));
    private static final List<List<String>> MEANS = List.of(List.of("study", "m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"),
            List.of("study", "mean_1", "sd_1", "total_1", "mean_2", "sd_2", "total_2"));
    private static final List<List<String>> HAZARD_RATIOS = List.of(List.of("study", "hr", "ci_lower", "ci_upper"),
            List.of("study", "loghr", "se"), List.of("study", "o_minus_e", "v"));

    /** Reads and validates the columns that {@code m} needs. */
    public static PoolInput read(CsvTable t, EffectMeasure m) {
        return switch (m.kind()) {
            case TWO_GROUP -> {
                List<String> c = TWO_BY_TWO.get(t.requireOneOf("--measure " + m, TWO_BY_TWO));
                t.requireRows(1);
                int[] ai = t.counts(c.get(1));
                int[] n1i = t.counts(c.get(2));
                int[] ci = t.counts(c.get(3));
                int[] n2i = t.counts(c.get(4));
                for (int r = 0; r < ai.length; r++) {
                    checkGroup(t, r, c.get(1), ai[r], c.get(2), n1i[r]);
                    checkGroup(t, r, c.get(3), ci[r], c.get(4), n2i[r]);
                }
                yield new PoolInput(t.textColumn("study"), m, new TwoByTwo(ai, n1i, ci, n2i));
            }
            case SINGLE_PROPORTION -> {
                t.requireColumns("study", "xi", "ni").requireRows(1);
                int[] xi = t.counts("xi");
                int[] ni = t.counts("ni");
                for (int r = 0; r < xi.length; r++) {
                    checkGroup(t, r, "xi", xi[r], "ni", ni[r]);
                }
                yield new PoolInput(t.textColumn("study"), m, new Proportions(xi, ni));
            }
            case CONTINUOUS -> {
                List<String> c = MEANS.get(t.requireOneOf("--measure " + m, MEANS));
                t.requireRows(1);
                double[] m1 = t.doubles(c.get(1));
                double[] sd1 = t.doubles(c.get(2));
                int[] n1 = t.counts(c.get(3));
                double[] m2 = t.doubles(c.get(4));
                double[] sd2 = t.doubles(c.get(5));
                int[] n2 = t.counts(c.get(6));
                for (int r = 0; r < m1.length; r++) {
                    checkMeans(t, r, m, c, m1[r], sd1[r], n1[r], m2[r], sd2[r], n2[r]);
                }
                yield new PoolInput(t.textColumn("study"), m, new Means(m1, sd1, n1, m2, sd2, n2));
            }
            case HAZARD_RATIO -> new PoolInput(readNames(t), m, hazardRatios(t, m));
            case GENERIC -> {
                t.requireColumns("study", "yi", "vi").requireRows(1);
                double[] yi = t.doubles("yi");
                double[] vi = t.doubles("vi");
                checkGiven(t, "yi", yi, "vi", vi);
                yield new PoolInput(t.textColumn("study"), m, new Given(yi, vi, "yi and vi as given"));
            }
        };
    }

    private static TextColumn readNames(CsvTable t) {
        t.requireOneOf("--measure HR", HAZARD_RATIOS);
        t.requireRows(1);
        return t.textColumn("study");
    }

    /** The three published forms of a hazard ratio (Tierney et al. 2007, Trials 8:16), in that order of preference. */
    private static Given hazardRatios(CsvTable t, EffectMeasure m) {
        int route = t.requireOneOf("--measure " + m, HAZARD_RATIOS);
        int k = t.rowCount();
        double[] yi = new double[k];
        double[] vi = new double[k];
        switch (route) {
            case 0 -> {
                double[] hr = t.doubles("hr");
                double[] lo = t.doubles("ci_lower");
                double[] hi = t.doubles("ci_upper");
                double[] level = t.hasColumn("level") ? t.doubles("level") : null;
                for (int r = 0; r < k; r++) {
                    if (!(hr[r] > 0)) {
                        throw t.cellError("hr", r, t.string("hr", r), "a hazard ratio must be greater than 0");
                    }
                    if (!(lo[r] > 0 && lo[r] <= hr[r])) {
                        throw t.cellError("ci_lower", r, t.string("ci_lower", r), "must be greater than 0 and at most hr");
                    }
                    if (!(hi[r] >= hr[r] && hi[r] > lo[r])) {
                        throw t.cellError("ci_upper", r, t.string("ci_upper", r), "must be at least hr and above ci_lower");
                    }
                    double lev = level == null ? 95 : level[r];
                    if (!(lev > 1 && lev < 100)) {
                        throw t.cellError("level", r, t.string("level", r), "a confidence level in percent, e.g. 95");
                    }
                    var l = HazardRatioFromSummary.fromHazardRatioCi(hr[r], new Interval(lo[r], hi[r]), lev / 100);
                    yi[r] = l.logHr();
                    vi[r] = l.variance();
                }
                checkGiven(t, "hr", yi, "ci_upper", vi);
                return new Given(yi, vi, "HR and CI: ln HR, Var = ((ln U - ln L)/(2 z))^2");
            }
            case 1 -> {
                double[] se = t.doubles("se");
                double[] lhr = t.doubles("loghr");
                for (int r = 0; r < k; r++) {
                    if (!(se[r] > 0)) {
                        throw t.cellError("se", r, t.string("se", r), "a standard error must be greater than 0");
                    }
                    yi[r] = lhr[r];
                    vi[r] = se[r] * se[r];
                }
                checkGiven(t, "loghr", yi, "se", vi);
                return new Given(yi, vi, "log HR and SE");
            }
            default -> {
                double[] oe = t.doubles("o_minus_e");
                double[] v = t.doubles("v");
                for (int r = 0; r < k; r++) {
                    if (!(v[r] > 0)) {
                        throw t.cellError("v", r, t.string("v", r), "the log-rank variance must be greater than 0");
                    }
                    yi[r] = oe[r] / v[r];
                    vi[r] = 1 / v[r];
                }
                checkGiven(t, "o_minus_e", yi, "v", vi);
                return new Given(yi, vi, "log-rank O - E and V: ln HR = (O - E)/V, Var = 1/V");
            }
        }
    }

    private static void checkGiven(CsvTable t, String yColumn, double[] yi, String vColumn, double[] vi) {
        for (int r = 0; r < yi.length; r++) {
            if (!(vi[r] > 0)) {
                throw t.cellError(vColumn, r, t.string(vColumn, r), "a sampling variance must be greater than 0");
            }
            if (vi[r] < MIN_VI || vi[r] > MAX_VI) {
                throw t.cellError(vColumn, r, t.string(vColumn, r), "a sampling variance must be between 1e-20 and 1e20");
            }
            if (!(Math.abs(yi[r]) <= MAX_ABS_YI)) {
                throw t.cellError(yColumn, r, t.string(yColumn, r), "an estimate must be between -1e10 and 1e10");
            }
        }
    }

    private static void checkGroup(CsvTable t, int row, String events, int e, String total, int n) {
        if (n < 1) {
            throw t.cellError(total, row, t.string(total, row), "a group must have at least 1 participant");
        }
        if (e > n) {
            throw t.cellError(events, row, t.string(events, row), "events must not exceed " + total + " = " + n);
        }
    }

    private static void checkMeans(CsvTable t, int r, EffectMeasure m, List<String> c, double m1, double sd1, int n1,
            double m2, double sd2, int n2) {
        if (n1 < 1 || (m == EffectMeasure.SMD && n1 + n2 < 4)) {
            throw t.cellError(c.get(3), r, t.string(c.get(3), r), m == EffectMeasure.SMD
                    ? "SMD needs groups of at least 1 and n1 + n2 of at least 4" : "a group must have at least 1 participant");
        }
        if (n2 < 1) {
            throw t.cellError(c.get(6), r, t.string(c.get(6), r), "a group must have at least 1 participant");
        }
        if (sd1 < 0 || (sd1 == 0 && sd2 == 0)) {
            throw t.cellError(c.get(2), r, t.string(c.get(2), r), sd1 < 0 ? "an SD must not be negative"
                    : "SDs of 0 in both groups give no variance");
        }
        if (sd2 < 0) {
            throw t.cellError(c.get(5), r, t.string(c.get(5), r), "an SD must not be negative");
        }
        if (m == EffectMeasure.ROM && !(m1 > 0)) {
            throw t.cellError(c.get(1), r, t.string(c.get(1), r), "ROM needs positive means");
        }
        if (m == EffectMeasure.ROM && !(m2 > 0)) {
            throw t.cellError(c.get(4), r, t.string(c.get(4), r), "ROM needs positive means");
        }
        if (Math.abs(m1) > MAX_ABS_YI || Math.abs(m2) > MAX_ABS_YI || sd1 > MAX_ABS_YI || sd2 > MAX_ABS_YI) {
            throw t.cellError(c.get(1), r, t.string(c.get(1), r), "means and SDs must be between -1e10 and 1e10");
        }
    }
}
