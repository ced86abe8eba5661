package org.trialmeta.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialmeta.stats.ConfidenceLevel;

/**
 * One RevMan 5 analysis recomputed from its study data with the algorithms of Review Manager 5: Deeks JJ,
 * Higgins JPT. <i>Statistical algorithms in Review Manager 5</i>. Statistical Methods Group of The Cochrane
 * Collaboration, August 2010 (and Cochrane Handbook 5.1, section 9.4). Effects are computed on the analysis scale
 * (log for OR, RR, Peto OR and ratio measures of generic data; natural for RD, MD, SMD); callers exponentiate for
 * display.
 *
 * <h2>Study effects</h2>
 * Dichotomous data (a/n1 events in the experimental group, c/n2 in the control group, b = n1 − a, d = n2 − c):
 * <ul>
 * <li>Zero cells: a study with a zero in any of a, b, c, d gets 0.5 added to each of its four cells (so each
 * group size grows by 1) for the OR and RR and their standard errors and for the standard error of the RD; the
 * RD itself is a/n1 − c/n2 of the counts as given. A study with a = c = 0 (OR, RR) or b = d = 0 (OR) is
 * "Not estimable" and takes no part (RD: kept, RD = 0).</li>
 * <li>OR = ad/(bc), SE(ln OR) = √(1/a + 1/b + 1/c + 1/d); RR = (a/n1)/(c/n2),
 * SE(ln RR) = √(1/a + 1/c − 1/n1 − 1/n2); RD = a/n1 − c/n2, SE = √(ab/n1³ + cd/n2³).</li>
 * <li>Peto: O − E = a − n1(a + c)/N, V = n1 n2 (a + c)(b + d)/(N²(N − 1)), ln OR = (O − E)/V, SE = 1/√V; no
 * zero-cell correction; not estimable when V = 0.</li>
 * </ul>
 * Continuous data (a study with an SD of 0 or less in either group is "Not estimable"):
 * MD = m1 − m2, SE = √(sd1²/n1 + sd2²/n2). SMD is Hedges' adjusted g with RevMan's
 * approximations: s = √(((n1 − 1)sd1² + (n2 − 1)sd2²)/(N − 2)), g = (1 − 3/(4N − 9))(m1 − m2)/s,
 * SE(g) = √(N/(n1 n2) + g²/(2(N − 3.94))). Generic inverse variance: the estimate and SE as given. O − E and
 * variance: ln(effect) = (O − E)/V, SE = 1/√V.
 *
 * <h2>Pooling</h2>
 * <ul>
 * <li>Mantel-Haenszel (zero-cell studies enter with their corrected cells, N′ = N + 2 for them):
 * OR<sub>MH</sub> = Σ(a′d′/N′)/Σ(b′c′/N′) with the Robins-Breslow-Greenland variance of its log;
 * RR<sub>MH</sub> = Σ(a′n2′/N′)/Σ(c′n1′/N′) with the Greenland-Robins variance
 * Σ[(n1′n2′(a′ + c′) − a′c′N′)/N′²]/(ΣR ΣS); RD<sub>MH</sub> = Σ w RD/Σ w, w = n1′n2′/N′, with the
 * Greenland-Robins variance Σ[(a′b′n2′³ + c′d′n1′³)/(n1′n2′N′²)]/(Σw)². Weights shown: b′c′/N′ (OR),
 * c′n1′/N′ (RR), n1′n2′/N′ (RD).</li>
 * <li>Inverse variance (also Peto and O − E): θ = Σ wθ<sub>i</sub>/Σ w, w = 1/SE<sub>i</sub>², SE = 1/√Σw
 * (Peto: Σ(O − E)/ΣV, SE = 1/√ΣV).</li>
 * <li>Heterogeneity: Q = Σ w<sub>i</sub>(θ<sub>i</sub> − θ)² with inverse-variance weights and θ the method's
 * own fixed-effect estimate (the Mantel-Haenszel estimate for "M-H": unlike metafor's DerSimonian-Laird, which
 * uses the inverse-variance estimate), df = k − 1, I² = max(0, (Q − df)/Q)·100%.</li>
 * <li>Random effects (DerSimonian-Laird, for every method): τ² = max(0, (Q − df)/(Σw − Σw²/Σw)) from that Q,
 * then θ = Σ w*θ<sub>i</sub>/Σ w*, w* = 1/(SE<sub>i</sub>² + τ²), SE = 1/√Σw*; weights shown: w*.</li>
 * <li>CI θ ± z<sub>(1+level)/2</sub>·SE; Z = |θ|/SE with its two-sided normal p-value.</li>
 * <li>Subgroups: each subgroup is pooled on its own (its own τ²); the total pools every study of the analysis.
 * Test for subgroup differences: Q<sub>b</sub> = Σ<sub>j</sub>(θ<sub>j</sub> − θ̄)²/SE<sub>j</sub>² over the J
 * subgroups with an estimate (θ̄ their inverse-variance mean), df = J − 1, I² as above. For fixed-effect
 * inverse variance this equals Q − ΣQ<sub>j</sub>.</li>
 * </ul>
 * The same rules are those of R meta's {@code metabin(..., MH.exact = FALSE, RR.Cochrane = TRUE,
 * Q.Cochrane = TRUE)} and {@code metacont(..., method.smd = "Hedges", exact.smd = FALSE)}.
 */
public final class RevMan5 {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    private static final double HALF = 0.5;

    private RevMan5() {}

    /** The kind of study data (RevMan's DICH, CONT, IV and IPD outcomes). */
    public enum DataType { DICHOTOMOUS, CONTINUOUS, GENERIC, OE }

    /** RevMan's statistical methods. */
    public enum Method { MH, IV, PETO }

    /** Effect measures computed from study data; generic and O − E data carry their own. */
    public enum Measure {
        OR(true), RR(true), RD(false), PETO_OR(true), MD(false), SMD(false),
        /** generic data on the log scale (OR, RR, HR, ratio of means, ...) */
        RATIO(true),
        /** generic data on the natural scale (MD, RD, ...) */
        DIFFERENCE(false);

        private final boolean ratio;

        Measure(boolean ratio) {
            this.ratio = ratio;
        }

        /** Whether the analysis scale is the log of the displayed one. */
        public boolean ratio() {
            return ratio;
        }
    }

    /** One study's data. */
    public sealed interface Data permits Binary, Continuous, Generic, ObservedExpected {}

    /** Events and totals per group (experimental first). */
    public record Binary(int events1, int total1, int events2, int total2) implements Data {}

    /** Means, standard deviations and sizes per group (experimental first). */
    public record Continuous(double mean1, double sd1, int total1, double mean2, double sd2, int total2) implements Data {}

    /** An estimate on the analysis scale (log for ratios) and its standard error. */
    public record Generic(double estimate, double se) implements Data {}

    /** O − E statistic and its variance V. */
    public record ObservedExpected(double oMinusE, double variance) implements Data {}

    /**
     * How an analysis is run.
     *
     * @param measure    effect measure
     * @param method     MH, IV or PETO
     * @param random     DerSimonian-Laird random effects (RevMan's "Random")
     * @param studyLevel confidence level of study CIs (fraction)
     * @param totalLevel confidence level of pooled CIs (fraction)
     */
    public record Settings(Measure measure, Method method, boolean random, double studyLevel, double totalLevel) {
        public Settings {
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(method, "method");
            ConfidenceLevel.check(studyLevel);
            ConfidenceLevel.check(totalLevel);
            if (method == Method.MH && !(measure == Measure.OR || measure == Measure.RR || measure == Measure.RD)) {
                throw new IllegalArgumentException("method MH needs measure OR, RR or RD, not " + measure);
            }
            if (method == Method.PETO && !(measure == Measure.PETO_OR || measure == Measure.RATIO)) {
                throw new IllegalArgumentException("method PETO needs measure PETO_OR (or RATIO for O-E data), not " + measure);
            }
        }
    }

    /**
     * One study's effect.
     *
     * @param estimable     false where RevMan shows "Not estimable" (every other field then NaN)
     * @param estimate      on the analysis scale
     * @param se            its standard error
     * @param lower         CI lower end (analysis scale, study level)
     * @param upper         CI upper end
     * @param zeroCorrected 0.5 was added to the cells
     * @param doubleZero    no events (or, for OR, no non-events) in both groups
     */
    public record StudyEffect(boolean estimable, double estimate, double se, double lower, double upper,
                              boolean zeroCorrected, boolean doubleZero) {}

    /**
     * A pooled result (the total or a subgroup).
     *
     * @param k       studies that contribute (estimable)
     * @param estimate pooled estimate, analysis scale (NaN when k = 0)
     * @param se      its standard error
     * @param lower   CI lower end (total level)
     * @param upper   CI upper end
     * @param z       |estimate|/se
     * @param pZ      two-sided p-value of z
     * @param tau2    DerSimonian-Laird τ² (NaN for fixed-effect models)
     * @param chi2    heterogeneity Q
     * @param df      k − 1 (0 when k ≤ 1)
     * @param pChi2   p-value of Q (NaN when df = 0)
     * @param i2      I² in percent (NaN when df = 0)
     * @param weight  sum of the weights of its studies in the model that gives the displayed weights
     */
    public record Pooled(int k, double estimate, double se, double lower, double upper, double z, double pZ,
                         double tau2, double chi2, int df, double pChi2, double i2, double weight) {}

    /** Test for subgroup differences. */
    public record SubgroupTest(double chi2, int df, double p, double i2) {}

    /**
     * An analysis.
     *
     * @param settings      as run
     * @param studies       per study, in input order
     * @param subgroupOf    per study, the index of its subgroup (or −1 when there are none)
     * @param weightPercent per study, its share of the weights in percent (0 for a study that is not estimable)
     * @param total         every study pooled
     * @param subgroups     per subgroup, its studies pooled ({@code weight} in percent of the total)
     * @param subgroupTest  test for subgroup differences (null without subgroups)
     */
    public record Result(Settings settings, List<StudyEffect> studies, int[] subgroupOf, double[] weightPercent,
                         Pooled total, List<Pooled> subgroups, SubgroupTest subgroupTest) {}

    /**
     * Runs an analysis.
     *
     * @param data        studies
     * @param subgroupOf  per study, its subgroup index 0..subgroups−1, or null for an analysis without subgroups
     * @param subgroups   number of subgroups (0 without)
     * @param withinSubgroupWeights when true, study weights are shares of their subgroup (RevMan's subtotals-only
     *                    analyses); otherwise shares of the total
     */
    public static Result analyse(List<? extends Data> data, int[] subgroupOf, int subgroups, Settings s,
                                 boolean withinSubgroupWeights) {
        int n = data.size();
        int[] groupOf = subgroupOf == null ? new int[n] : subgroupOf.clone();
        if (subgroupOf == null) {
            java.util.Arrays.fill(groupOf, -1);
        } else if (subgroupOf.length != n) {
            throw new IllegalArgumentException("subgroupOf has " + subgroupOf.length + " entries for " + n + " studies");
        }
        List<StudyEffect> effects = new ArrayList<>(n);
        for (Data d : data) {
            effects.add(effect(d, s));
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        double[] totalWeights = new double[n];
        Pooled total = pool(data, effects, all, s, totalWeights);
        List<Pooled> groups = new ArrayList<>();
        double[] weightPercent = new double[n];
        SubgroupTest test = null;
        if (subgroupOf != null) {
            double[][] groupWeights = new double[subgroups][];
            for (int j = 0; j < subgroups; j++) {
                int[] idx = members(groupOf, j);
                groupWeights[j] = new double[n];
                groups.add(pool(data, effects, idx, s, groupWeights[j]));
            }
            for (int i = 0; i < n; i++) {
                int g = groupOf[i];
                if (g < 0 || g >= subgroups) {
                    throw new IllegalArgumentException("study " + i + " has subgroup " + g + " outside 0.." + (subgroups - 1));
                }
                weightPercent[i] = withinSubgroupWeights ? share(groupWeights[g][i], groups.get(g).weight())
                        : share(totalWeights[i], total.weight());
            }
            List<Pooled> withPercent = new ArrayList<>();
            for (int j = 0; j < subgroups; j++) {
                double w = 0;
                for (int i = 0; i < n; i++) {
                    if (groupOf[i] == j) {
                        w += weightPercent[i];
                    }
                }
                Pooled p = groups.get(j);
                withPercent.add(new Pooled(p.k(), p.estimate(), p.se(), p.lower(), p.upper(), p.z(), p.pZ(), p.tau2(),
                        p.chi2(), p.df(), p.pChi2(), p.i2(), w));
            }
            groups = withPercent;
            test = subgroupTest(groups);
        } else {
            for (int i = 0; i < n; i++) {
                weightPercent[i] = share(totalWeights[i], total.weight());
            }
        }
        return new Result(s, List.copyOf(effects), groupOf, weightPercent, total, List.copyOf(groups), test);
    }

    private static double share(double w, double sum) {
        return w > 0 && sum > 0 ? w / sum * 100 : 0; // a share times 100: never above 100 (a study alone)
    }

    private static int[] members(int[] groupOf, int j) {
        int c = 0;
        for (int g : groupOf) {
            if (g == j) {
                c++;
            }
        }
        int[] idx = new int[c];
        c = 0;
        for (int i = 0; i < groupOf.length; i++) {
            if (groupOf[i] == j) {
                idx[c++] = i;
            }
        }
        return idx;
    }

    // ---------------------------------------------------------------- study effects

    /** The effect of one study with RevMan's rules (see the class comment). */
    public static StudyEffect effect(Data d, Settings s) {
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - ConfidenceLevel.alpha(s.studyLevel()) / 2);
        double[] es;
        if (d instanceof Binary b) {
            es = binary(b, s);
        } else if (d instanceof Continuous c) {
            es = continuous(c, s.measure());
        } else if (d instanceof Generic g) {
            es = new double[] {g.estimate(), g.se(), 0};
        } else {
            ObservedExpected o = (ObservedExpected) d;
            es = o.variance() > 0 ? new double[] {o.oMinusE() / o.variance(), 1 / Math.sqrt(o.variance()), 0} : null;
        }
        boolean doubleZero = d instanceof Binary b && isDoubleZero(b, s.measure());
        if (es == null || !Double.isFinite(es[0]) || !(es[1] > 0) || !Double.isFinite(es[1])) {
            return new StudyEffect(false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, doubleZero);
        }
        return new StudyEffect(true, es[0], es[1], es[0] - z * es[1], es[0] + z * es[1], es[2] > 0, doubleZero);
    }

    /** a = c = 0 (any measure) or, for odds ratios, b = d = 0. */
    static boolean isDoubleZero(Binary b, Measure m) {
        boolean noEvents = b.events1() == 0 && b.events2() == 0;
        boolean allEvents = b.events1() == b.total1() && b.events2() == b.total2();
        return noEvents || ((m == Measure.OR || m == Measure.PETO_OR) && allEvents);
    }

    private static boolean valid(Binary b) {
        return b.total1() > 0 && b.total2() > 0 && b.events1() >= 0 && b.events2() >= 0
                && b.events1() <= b.total1() && b.events2() <= b.total2();
    }

    private static boolean hasZeroCell(Binary b) {
        return b.events1() == 0 || b.events2() == 0 || b.events1() == b.total1() || b.events2() == b.total2();
    }

    /** {estimate, se, corrected?1:0} or null when not estimable. */
    private static double[] binary(Binary b, Settings s) {
        if (!valid(b)) {
            return null;
        }
        Measure m = s.measure();
        if (m == Measure.PETO_OR || s.method() == Method.PETO) {
            double[] oev = peto(b);
            return oev[1] > 0 ? new double[] {oev[0] / oev[1], 1 / Math.sqrt(oev[1]), 0} : null;
        }
        if (m != Measure.RD && isDoubleZero(b, m)) {
            return null;
        }
        double k = hasZeroCell(b) ? HALF : 0;
        double a = b.events1() + k;
        double bb = b.total1() - b.events1() + k;
        double c = b.events2() + k;
        double dd = b.total2() - b.events2() + k;
        double n1 = a + bb;
        double n2 = c + dd;
        return switch (m) {
            case OR -> new double[] {Math.log(a * dd / (bb * c)), Math.sqrt(1 / a + 1 / bb + 1 / c + 1 / dd), k};
            case RR -> new double[] {Math.log((a / n1) / (c / n2)), Math.sqrt(1 / a + 1 / c - 1 / n1 - 1 / n2), k};
            case RD -> new double[] {(double) b.events1() / b.total1() - (double) b.events2() / b.total2(),
                Math.sqrt(a * bb / (n1 * n1 * n1) + c * dd / (n2 * n2 * n2)), k};
            default -> throw new IllegalArgumentException("measure " + m + " is not one of dichotomous data");
        };
    }

    /** {O − E, V} of a 2×2 table (hypergeometric). */
    static double[] peto(Binary b) {
        double n1 = b.total1();
        double n2 = b.total2();
        double nn = n1 + n2;
        double events = b.events1() + b.events2();
        double none = nn - events;
        double oe = b.events1() - n1 * events / nn;
        double v = nn > 1 ? n1 * n2 * events * none / (nn * nn * (nn - 1)) : 0;
        return new double[] {oe, v};
    }

    private static double[] continuous(Continuous c, Measure m) {
        // SD 0 in either group: "Not estimable" (as R meta's metacont, which gives such studies no weight; an MD
        // with one SD 0 would otherwise enter with the other group's variance alone)
        if (!(c.total1() > 0 && c.total2() > 0 && c.sd1() > 0 && c.sd2() > 0
                && Double.isFinite(c.mean1()) && Double.isFinite(c.mean2()))) {
            return null;
        }
        double n1 = c.total1();
        double n2 = c.total2();
        if (m == Measure.MD) {
            return new double[] {c.mean1() - c.mean2(), Math.sqrt(c.sd1() * c.sd1() / n1 + c.sd2() * c.sd2() / n2), 0};
        }
        if (m != Measure.SMD) {
            throw new IllegalArgumentException("measure " + m + " is not one of continuous data");
        }
        double nn = n1 + n2;
        if (nn <= 3) {
            return null;
        }
        double s = Math.sqrt(((n1 - 1) * c.sd1() * c.sd1() + (n2 - 1) * c.sd2() * c.sd2()) / (nn - 2));
        if (!(s > 0)) {
            return null;
        }
        double g = (1 - 3 / (4 * nn - 9)) * (c.mean1() - c.mean2()) / s;
        return new double[] {g, Math.sqrt(nn / (n1 * n2) + g * g / (2 * (nn - 3.94))), 0};
    }

    // ---------------------------------------------------------------- pooling

    /**
     * Pools the studies {@code idx}; writes the weight of each (in the model whose weights RevMan shows) into
     * {@code weightsOut}.
     */
    static Pooled pool(List<? extends Data> data, List<StudyEffect> effects, int[] idx, Settings s, double[] weightsOut) {
        double zTotal = STANDARD_NORMAL.inverseCumulativeProbability(1 - ConfidenceLevel.alpha(s.totalLevel()) / 2);
        int k = 0;
        double sw = 0;
        double swy = 0;
        double sw2 = 0;
        for (int i : idx) {
            StudyEffect e = effects.get(i);
            if (e.estimable()) {
                k++;
                double w = 1 / (e.se() * e.se());
                sw += w;
                swy += w * e.estimate();
                sw2 += w * w;
            }
        }
        if (k == 0) {
            return new Pooled(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, 0, Double.NaN, Double.NaN, 0);
        }
        double fixed;
        double fixedSe;
        if (s.method() == Method.MH) {
            double[] mh = mantelHaenszel(data, effects, idx, s.measure(), weightsOut);
            fixed = mh[0];
            fixedSe = mh[1];
        } else {
            fixed = swy / sw;
            fixedSe = Math.sqrt(1 / sw);
            for (int i : idx) {
                StudyEffect e = effects.get(i);
                weightsOut[i] = e.estimable() ? 1 / (e.se() * e.se()) : 0;
            }
        }
        double q = 0;
        for (int i : idx) {
            StudyEffect e = effects.get(i);
            if (e.estimable()) {
                double r = e.estimate() - fixed;
                q += r * r / (e.se() * e.se());
            }
        }
        int df = k - 1;
        double pq = df > 0 ? ChiSquaredDistribution.of(df).survivalProbability(q) : Double.NaN;
        double i2 = df > 0 ? (q > df ? 100 * (q - df) / q : 0) : Double.NaN;
        double est = fixed;
        double se = fixedSe;
        double tau2 = Double.NaN;
        double weight = 0;
        if (s.random()) {
            tau2 = df > 0 ? Math.max(0, (q - df) / (sw - sw2 / sw)) : 0;
            double rw = 0;
            double rwy = 0;
            for (int i : idx) {
                StudyEffect e = effects.get(i);
                double w = e.estimable() ? 1 / (e.se() * e.se() + tau2) : 0;
                weightsOut[i] = w;
                rw += w;
                rwy += w * (e.estimable() ? e.estimate() : 0);
            }
            est = rwy / rw;
            se = Math.sqrt(1 / rw);
        }
        for (int i : idx) {
            weight += weightsOut[i];
        }
        double z = Math.abs(est) / se;
        double pz = 2 * STANDARD_NORMAL.survivalProbability(z);
        return new Pooled(k, est, se, est - zTotal * se, est + zTotal * se, z, pz, tau2, q, df, pq, i2, weight);
    }

    /** {ln OR / ln RR / RD, SE} of the Mantel-Haenszel estimate; MH weights into {@code weightsOut}. */
    private static double[] mantelHaenszel(List<? extends Data> data, List<StudyEffect> effects, int[] idx, Measure m,
                                           double[] weightsOut) {
        double sr = 0;
        double ss = 0;
        double sp = 0;
        double sPR = 0;
        double sPSQR = 0;
        double sQS = 0;
        double sRD = 0;
        for (int i : idx) {
            weightsOut[i] = 0;
            if (!effects.get(i).estimable()) {
                continue;
            }
            Binary b = (Binary) data.get(i);
            double k = hasZeroCell(b) ? HALF : 0;
            double a = b.events1() + k;
            double bb = b.total1() - b.events1() + k;
            double c = b.events2() + k;
            double dd = b.total2() - b.events2() + k;
            double n1 = a + bb;
            double n2 = c + dd;
            double nn = n1 + n2;
            switch (m) {
                case OR -> {
                    double r = a * dd / nn;
                    double sOr = bb * c / nn;
                    double p = (a + dd) / nn;
                    double qq = (bb + c) / nn;
                    sr += r;
                    ss += sOr;
                    sPR += p * r;
                    sPSQR += p * sOr + qq * r;
                    sQS += qq * sOr;
                    weightsOut[i] = sOr;
                }
                case RR -> {
                    double r = a * n2 / nn;
                    double sRr = c * n1 / nn;
                    sr += r;
                    ss += sRr;
                    sp += (n1 * n2 * (a + c) - a * c * nn) / (nn * nn);
                    weightsOut[i] = sRr;
                }
                case RD -> {
                    double w = n1 * n2 / nn;
                    ss += w;
                    sRD += w * effects.get(i).estimate();
                    sp += (a * bb * n2 * n2 * n2 + c * dd * n1 * n1 * n1) / (n1 * n2 * nn * nn);
                    weightsOut[i] = w;
                }
                default -> throw new IllegalArgumentException("Mantel-Haenszel is not defined for " + m);
            }
        }
        return switch (m) {
            case OR -> new double[] {Math.log(sr / ss),
                Math.sqrt(sPR / (2 * sr * sr) + sPSQR / (2 * sr * ss) + sQS / (2 * ss * ss))};
            case RR -> new double[] {Math.log(sr / ss), Math.sqrt(sp / (sr * ss))};
            default -> new double[] {sRD / ss, Math.sqrt(sp / (ss * ss))};
        };
    }

    /** Test for subgroup differences from the subgroups' pooled estimates (see the class comment). */
    static SubgroupTest subgroupTest(List<Pooled> groups) {
        double sw = 0;
        double swy = 0;
        int j = 0;
        for (Pooled p : groups) {
            if (p.k() > 0 && p.se() > 0) {
                double w = 1 / (p.se() * p.se());
                sw += w;
                swy += w * p.estimate();
                j++;
            }
        }
        if (j == 0) {
            return new SubgroupTest(Double.NaN, 0, Double.NaN, Double.NaN);
        }
        double mean = swy / sw;
        double q = 0;
        for (Pooled p : groups) {
            if (p.k() > 0 && p.se() > 0) {
                double r = p.estimate() - mean;
                q += r * r / (p.se() * p.se());
            }
        }
        int df = j - 1;
        double pq = df > 0 ? ChiSquaredDistribution.of(df).survivalProbability(q) : Double.NaN;
        double i2 = df > 0 ? (q > df ? 100 * (q - df) / q : 0) : Double.NaN;
        return new SubgroupTest(q, df, pq, i2);
    }
}
