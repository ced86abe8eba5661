package org.trialmeta.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.repository.Messages;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.EffectSizes;
import org.trialmeta.stats.nma.NmaStudy;
import org.trialmeta.stats.nma.Network;
import org.trialmeta.stats.survival.summary.HazardRatioFromSummary;

/**
 * The rows of an {@code nma} CSV as a network on the analysis scale. Accepted forms (one row per arm, or per
 * contrast; any number of arms per study):
 * <ul>
 * <li>{@code study,treatment,events,n} (OR, RR, RD): arm estimates as metafor's {@code escalc} — log odds, log risk or
 *     risk, with 1/2 added to the events and non-events of every arm of a study that has an arm with no events or
 *     no non-events; a contrast's variance is the sum of its arms' (1/x + 1/(n−x), 1/x − 1/n, p(1−p)/n);</li>
 * <li>{@code study,treatment,mean,sd,n} (MD: arm variance sd²/n; SMD: Hedges' g of each pair of arms as escalc,
 *     the basic contrasts' covariance from the pairs' variances as netmeta's {@code multiarm});</li>
 * <li>{@code study,treatment_1,treatment_2,yi,vi} (any measure; yi = treatment_1 vs treatment_2 on the analysis
 *     scale, e.g. a log odds ratio) or, for HR, {@code study,treatment_1,treatment_2,hr,ci_lower,ci_upper[,level]}.
 *     A multi-arm study gives every pair of its arms once; the pairs must agree (y_jk = y_j0 − y_k0 within 0.001,
 *     netmeta's {@code tol.multiarm}) and their variances must fit together (a positive-definite covariance).</li>
 * </ul>
 * Treatments are sorted by name; studies keep their order of first appearance. Every problem is an
 * {@link InputException} naming the file, row, column, value and rule.
 *
 * @param network     the network (treatment index = position in its sorted names)
 * @param measure     the effect measure
 * @param form        how the rows were read, e.g. "arm-level events"
 * @param patients    participants per treatment (arm-level input), or null for contrast-level input
 * @param corrected   labels of the studies whose arms got the 1/2 zero-cell correction
 */
public record NmaInput(Network network, EffectMeasure measure, String form, int[] patients, List<String> corrected) {

    /** Multi-arm consistency tolerance on contrast estimates (netmeta {@code tol.multiarm}). */
    public static final double MULTIARM_TOLERANCE = 0.001;

    private static final List<List<String>> FORMS = List.of(List.of("study", "treatment", "events", "n"),
            List.of("study", "treatment", "mean", "sd", "n"), List.of("study", "treatment_1", "treatment_2", "yi", "vi"),
            List.of("study", "treatment_1", "treatment_2", "hr", "ci_lower", "ci_upper"));

    /** Reads and validates the rows for measure {@code m} (OR, RR, RD, MD, SMD, HR or GEN). */
    public static NmaInput read(CsvTable t, EffectMeasure m) {
        int form = t.requireOneOf("nma --measure " + m, FORMS);
        t.requireRows(2);
        String need = switch (m) {
            case OR, RR, RD -> form == 0 || form == 2 ? null : "study,treatment,events,n or study,treatment_1,treatment_2,yi,vi";
            case MD, SMD -> form == 1 || form == 2 ? null : "study,treatment,mean,sd,n or study,treatment_1,treatment_2,yi,vi";
            case HR -> form >= 2 ? null : "study,treatment_1,treatment_2,hr,ci_lower,ci_upper or ...,yi,vi (log HR)";
            case GEN -> form == 2 ? null : "study,treatment_1,treatment_2,yi,vi";
            default -> "OR, RR, RD, MD, SMD, HR or GEN";
        };
        if (need != null) {
            throw new InputException(t.name() + ": --measure " + m + " needs columns " + need);
        }
        return form < 2 ? arms(t, m, form == 0) : contrasts(t, m, form == 3);
    }

    private static NmaInput arms(CsvTable t, EffectMeasure m, boolean binary) {
        String[] study = t.strings("study");
        String[] trt = t.labels("treatment");
        int[] n = t.counts("n");
        int[] events = binary ? t.counts("events") : null;
        double[] mean = binary ? null : t.doubles("mean");
        double[] sd = binary ? null : t.doubles("sd");
        for (int r = 0; r < study.length; r++) {
            if (n[r] < 1) {
                throw t.cellError("n", r, t.string("n", r), "an arm must have at least 1 participant");
            }
            if (binary && events[r] > n[r]) {
                throw t.cellError("events", r, t.string("events", r), "events must not exceed n = " + n[r]);
            }
            if (!binary && !(sd[r] > 0)) {
                throw t.cellError("sd", r, t.string("sd", r), "an SD must be greater than 0");
            }
            if (!binary && (Math.abs(mean[r]) > PoolInput.MAX_ABS_YI || sd[r] > PoolInput.MAX_ABS_YI)) {
                throw t.cellError("mean", r, t.string("mean", r), "means and SDs must be between -1e10 and 1e10");
            }
        }
        List<String> names = treatments(t, "treatment", trt, null);
        StudyRows byStudy = StudyRows.of(study);
        study = null; // each study's name is kept once, in byStudy
        List<NmaStudy> studies = new ArrayList<>();
        List<String> corrected = new ArrayList<>();
        int[] patients = new int[names.size()];
        for (int g = 0; g < byStudy.size(); g++) {
            String label = byStudy.name(g);
            List<Integer> rows = byStudy.rows(g);
            if (rows.size() < 2) {
                throw t.cellError("study", rows.get(0), label, "a study needs at least 2 arms (this study has 1)");
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int r : rows) {
                Integer before = seen.put(trt[r], r);
                if (before != null) {
                    throw t.cellError("treatment", r, trt[r], "duplicate arm: study '" + label
                            + "' already has this treatment on line " + CsvTable.lineOf(before));
                }
            }
            rows.sort((a, b) -> trt[a].compareTo(trt[b]));
            int a = rows.size();
            int[] ti = new int[a];
            for (int j = 0; j < a; j++) {
                ti[j] = names.indexOf(trt[rows.get(j)]);
                patients[ti[j]] += n[rows.get(j)];
            }
            if (binary) {
                boolean zero = rows.stream().anyMatch(r -> events[r] == 0 || events[r] == n[r]);
                if (zero) {
                    corrected.add(label);
                }
                double add = zero ? 0.5 : 0;
                double[] est = new double[a];
                double[] var = new double[a];
                for (int j = 0; j < a; j++) {
                    double x = events[rows.get(j)] + add;
                    double y = n[rows.get(j)] - events[rows.get(j)] + add;
                    double tot = x + y;
                    switch (m) {
                        case OR -> { est[j] = Math.log(x / y); var[j] = 1 / x + 1 / y; }
                        case RR -> { est[j] = Math.log(x / tot); var[j] = 1 / x - 1 / tot; }
                        default -> { est[j] = x / tot; var[j] = (x / tot) * (1 - x / tot) / tot; }
                    }
                }
                studies.add(study(t, rows, NmaStudy.fromArms(label, ti, est, var), label));
            } else if (m == EffectMeasure.MD) {
                double[] est = new double[a];
                double[] var = new double[a];
                for (int j = 0; j < a; j++) {
                    int r = rows.get(j);
                    est[j] = mean[r];
                    var[j] = sd[r] * sd[r] / n[r];
                }
                studies.add(study(t, rows, NmaStudy.fromArms(label, ti, est, var), label));
            } else {
                double[][] d = new double[a][a];
                double[][] v = new double[a][a];
                for (int j = 0; j < a; j++) {
                    for (int k = 0; k < j; k++) {
                        int rj = rows.get(j);
                        int rk = rows.get(k);
                        if (n[rj] + n[rk] < 4) {
                            throw t.cellError("n", rj, t.string("n", rj), "SMD needs n1 + n2 of at least 4 for every pair of arms");
                        }
                        EffectSizes es = EffectSizes.continuous(EffectMeasure.SMD, new double[] {mean[rj]},
                                new double[] {sd[rj]}, new int[] {n[rj]}, new double[] {mean[rk]}, new double[] {sd[rk]},
                                new int[] {n[rk]});
                        d[j][k] = es.yi()[0];
                        d[k][j] = -d[j][k];
                        v[j][k] = es.vi()[0];
                        v[k][j] = v[j][k];
                    }
                }
                studies.add(study(t, rows, NmaStudy.fromPairs(label, ti, d, v), label));
            }
        }
        return new NmaInput(new Network(names, studies), m, binary ? "arm-level events" : "arm-level means",
                patients, List.copyOf(corrected));
    }

    private static NmaInput contrasts(CsvTable t, EffectMeasure m, boolean hazardRatios) {
        String[] study = t.strings("study");
        String[] t1 = t.labels("treatment_1");
        String[] t2 = t.labels("treatment_2");
        int k = study.length;
        double[] yi = new double[k];
        double[] vi = new double[k];
        String yCol = hazardRatios ? "hr" : "yi";
        String vCol = hazardRatios ? "ci_upper" : "vi";
        if (hazardRatios) {
            double[] hr = t.doubles("hr");
            double[] lo = t.doubles("ci_lower");
            double[] hi = t.doubles("ci_upper");
            double[] level = t.hasColumn("level") ? t.doubles("level") : null;
            for (int r = 0; r < k; r++) {
                double lev = level == null ? 95 : level[r];
                if (!(lev > 1 && lev < 100)) {
                    throw t.cellError("level", r, t.string("level", r), "a confidence level in percent, e.g. 95");
                }
                if (!(hr[r] > 0 && lo[r] > 0 && lo[r] <= hr[r] && hi[r] >= hr[r] && hi[r] > lo[r])) {
                    throw t.cellError("hr", r, t.string("hr", r), "needs 0 < ci_lower <= hr <= ci_upper, ci_lower < ci_upper");
                }
                var l = HazardRatioFromSummary.fromHazardRatioCi(hr[r], new Interval(lo[r], hi[r]), lev / 100);
                yi[r] = l.logHr();
                vi[r] = l.variance();
            }
        } else {
            yi = t.doubles("yi");
            vi = t.doubles("vi");
        }
        for (int r = 0; r < k; r++) {
            if (!(vi[r] >= PoolInput.MIN_VI && vi[r] <= PoolInput.MAX_VI)) {
                throw t.cellError(vCol, r, t.string(vCol, r), "a sampling variance must be between 1e-20 and 1e20");
            }
            if (!(Math.abs(yi[r]) <= PoolInput.MAX_ABS_YI)) {
                throw t.cellError(yCol, r, t.string(yCol, r), "an estimate must be between -1e10 and 1e10");
            }
            if (t1[r].equals(t2[r])) {
                throw t.cellError("treatment_2", r, t2[r], "a contrast compares two different treatments");
            }
        }
        List<String> names = treatments(t, "treatment_1", t1, t2);
        List<NmaStudy> studies = new ArrayList<>();
        StudyRows byStudy = StudyRows.of(study);
        study = null; // each study's name is kept once, in byStudy
        for (int g = 0; g < byStudy.size(); g++) {
            String label = byStudy.name(g);
            List<Integer> rows = byStudy.rows(g);
            TreeSet<String> armSet = new TreeSet<>();
            for (int r : rows) {
                armSet.add(t1[r]);
                armSet.add(t2[r]);
            }
            List<String> arms = new ArrayList<>(armSet);
            int a = arms.size();
            double[][] d = new double[a][a];
            double[][] v = new double[a][a];
            int[][] from = new int[a][a];
            for (int r : rows) {
                int i = arms.indexOf(t1[r]);
                int j = arms.indexOf(t2[r]);
                if (from[i][j] != 0) {
                    throw t.cellError("treatment_2", r, t2[r], "duplicate contrast: study '" + label + "' compares "
                            + t1[r] + " and " + t2[r] + " already on line " + CsvTable.lineOf(from[i][j] - 1));
                }
                from[i][j] = r + 1;
                from[j][i] = r + 1;
                d[i][j] = yi[r];
                d[j][i] = -yi[r];
                v[i][j] = vi[r];
                v[j][i] = vi[r];
            }
            int pairs = a * (a - 1) / 2;
            if (rows.size() != pairs) {
                throw t.cellError("study", rows.get(0), label, "a study with " + a + " arms needs all " + pairs
                        + " pairs of arms (netmeta's rule for multi-arm studies), found " + rows.size());
            }
            for (int i = 1; i < a; i++) {
                for (int j = i + 1; j < a; j++) {
                    double implied = d[j][0] - d[i][0];
                    if (Math.abs(d[j][i] - implied) > MULTIARM_TOLERANCE) {
                        int r = from[i][j] - 1;
                        throw t.cellError(yCol, r, t.string(yCol, r), "contradicts the study's other contrasts: "
                                + arms.get(j) + " vs " + arms.get(i) + " should be " + String.format(Locale.ROOT, "%.6g",
                                        t1[r].equals(arms.get(j)) ? implied : -implied)
                                + " from the contrasts with " + arms.get(0) + " (tolerance 0.001)");
                    }
                }
            }
            int[] ti = arms.stream().mapToInt(names::indexOf).toArray();
            studies.add(study(t, rows, NmaStudy.fromPairs(label, ti, d, v), label));
        }
        String form = hazardRatios ? "contrast-level hazard ratios" : "contrast-level estimates";
        return new NmaInput(new Network(names, studies), m, form, null, List.of());
    }

    private static NmaStudy study(CsvTable t, List<Integer> rows, NmaStudy s, String label) {
        if (!s.positiveDefinite()) {
            throw t.cellError("study", rows.get(0), label, "the variances of this multi-arm study's contrasts do not fit "
                    + "together (their covariance is not positive definite)");
        }
        return s;
    }

    /**
     * The rows of each study, studies in the order of their first row, each study's rows in file order: study g's rows
     * are {@code rows[start[g]]} to {@code rows[start[g + 1] - 1]}. Two int arrays and a name per study, where a map
     * of lists of boxed row numbers took about 160 bytes a study (16 MB for a network of 100,000 studies).
     */
    private record StudyRows(String[] names, int[] start, int[] rows) {

        static StudyRows of(String[] study) {
            Map<String, Integer> index = new HashMap<>();
            List<String> names = new ArrayList<>();
            int[] group = new int[study.length];
            for (int r = 0; r < study.length; r++) {
                Integer g = index.get(study[r]);
                if (g == null) {
                    g = names.size();
                    index.put(study[r], g);
                    names.add(study[r]);
                }
                group[r] = g;
            }
            int[] start = new int[names.size() + 1];
            for (int g : group) {
                start[g + 1]++;
            }
            for (int g = 0; g < names.size(); g++) {
                start[g + 1] += start[g];
            }
            int[] next = Arrays.copyOf(start, names.size());
            int[] rows = new int[study.length];
            for (int r = 0; r < study.length; r++) {
                rows[next[group[r]]++] = r;
            }
            return new StudyRows(names.toArray(String[]::new), start, rows);
        }

        int size() {
            return names.length;
        }

        String name(int g) {
            return names[g];
        }

        /** Study g's rows, in file order (a list of its own: the caller may sort it). */
        List<Integer> rows(int g) {
            List<Integer> out = new ArrayList<>(start[g + 1] - start[g]);
            for (int i = start[g]; i < start[g + 1]; i++) {
                out.add(rows[i]);
            }
            return out;
        }
    }

    /**
     * The sorted treatment names; refuses two names that differ only in case or spaces ("Placebo", "placebo "), a
     * likely typo that would split one treatment in two.
     */
    private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");

    private static List<String> treatments(CsvTable t, String column, String[] a, String[] b) {
        TreeSet<String> names = new TreeSet<>();
        Map<String, String> folded = new HashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (int pass = 0; pass < (b == null ? 1 : 2); pass++) {
            String[] col = pass == 0 ? a : b;
            String colName = pass == 0 ? column : "treatment_2";
            for (int r = 0; r < col.length; r++) {
                String key = WHITE_SPACE.matcher(col[r].toLowerCase(Locale.ROOT)).replaceAll("");
                String other = folded.putIfAbsent(key, col[r]);
                if (other != null && !other.equals(col[r])) {
                    throw t.cellError(colName, r, col[r], "treatment name differs from '" + other + "' (line "
                            + CsvTable.lineOf(firstRow.get(key)) + ") only in case or spaces; spell each treatment one way");
                }
                firstRow.putIfAbsent(key, r);
                names.add(col[r]);
            }
        }
        if (names.size() > Network.MAX_TREATMENTS) {
            // refused before anything is fitted: the fit's time grows with the cube of the treatments
            String where = b == null ? "column " + Messages.quoted(column) + " names "
                    : "columns " + Messages.quoted(column) + " and 'treatment_2' name ";
            throw new InputException(t.name() + ": " + where + names.size() + " treatments (a network meta-analysis"
                    + " compares at most " + Network.MAX_TREATMENTS + "; are they the treatments?)");
        }
        return new ArrayList<>(names);
    }
}
