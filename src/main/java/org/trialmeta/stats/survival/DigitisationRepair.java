package org.trialmeta.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Prepares a digitised Kaplan-Meier curve and its numbers-at-risk table for {@link GuyotReconstruction}: repairs
 * what is digitising error, lists every repair with the points it touched ({@link Repair}), and refuses
 * ({@link DigitisationException}) only what cannot be read as a survival curve.
 *
 * <p>In order:
 * <ol>
 *   <li>scale: a 0–100 axis is divided by 100 ({@link SurvivalScale}, detected when {@code AUTO});</li>
 *   <li>times below 0 by at most the time tolerance are set to 0; survival above 1 (below 0) by at most the
 *       survival tolerance is set to 1 (0); points at time 0 within the tolerance of 1 are set to 1;</li>
 *   <li>points are sorted by time, at one time from the highest survival to the lowest (a drop is read from its
 *       top to its bottom), and exact copies removed;</li>
 *   <li>where survival rises, unless a point lies more than the survival tolerance above one read more than the
 *       time tolerance before it (no reading error explains that: refused): a rise to the next point that is steeper
 *       than it is long in the figure's proportions (rise &gt; advance / time axis) and within the time tolerance is
 *       one drop whose foot was clicked a little before its top; both are placed at the mean of their two times
 *       (the best estimate of the drop's time from two clicks on it), the top above the foot. Remaining rises
 *       (a level read twice, the second click a little higher) are replaced by the non-increasing least-squares
 *       fit ({@link IsotonicRegression}, pool-adjacent-violators: the mean of the readings of one level);</li>
 *   <li>the clicking style ({@link ClickStyle}: both corners of each drop, or its foot only) is taken as given or
 *       detected; for a curve clicked at both corners, a click ending a flat stretch (at the level of the click
 *       before it) followed by a later, lower click that is not one drop with it is the top of a drop whose foot was
 *       not clicked: the foot is added at the top's time, at the later click's level ({@link RepairKind#MISSING_FOOT};
 *       not where the level differs by more than the curve's own flats do, or the fall exceeds its largest drop);
 *       Guyot et al.'s reading, kept for curves clicked at the feet, would put the drop at the later click;</li>
 *   <li>(0, 1) is added in front unless present;</li>
 *   <li>at-risk rows: zeros after the first zero are removed, rows after the last digitised time are removed (the
 *       first of them says how many are still at risk at the end, {@link PreparedCurve#remainingAtEnd}), and an
 *       at-risk interval without a point gets one at its start carrying the last survival forward (the curve is
 *       flat there; the fall in the numbers at risk is then censoring, as Guyot et al.'s algorithm reads a flat
 *       stretch).</li>
 * </ol>
 * Refused: values outside [−tolerance, 1 + tolerance] after scaling, times below −tolerance, rises beyond both
 * tolerances, and (at {@code AUTO}) a scale that cannot be told. The time axis, to which the time tolerance is
 * relative, is taken as the larger of the last digitised time and the last at-risk time (the at-risk table is
 * printed along the whole axis). At-risk counts that rise are refused by
 * {@link AtRiskTable}.
 */
public final class DigitisationRepair {

    private DigitisationRepair() {}

    /** A point being prepared: its input position, what was read and its current value. */
    private static final class Point {
        final int index;
        final double readTime;
        final double readValue;
        double time;
        double surv;

        Point(int index, double readTime, double readValue, double time, double surv) {
            this.index = index;
            this.readTime = readTime;
            this.readValue = readValue;
            this.time = time;
            this.surv = surv;
        }

        Repair.Touched touched(double newTime, double newValue) {
            return new Repair.Touched(index, readTime, readValue, newTime, newValue);
        }
    }

    private static final Comparator<Point> ORDER =
            Comparator.<Point>comparingDouble(p -> p.time).thenComparing(p -> -p.surv);

    /**
     * Prepares {@code curve} and {@code atRisk}.
     *
     * @param scale     the scale of the survival values, or {@link SurvivalScale#AUTO}
     * @param tolerance the largest departures read as digitising error
     * @throws DigitisationException when the input cannot be interpreted, naming the point or row
     */
    public static PreparedCurve prepare(DigitisedCurve curve, AtRiskTable atRisk, SurvivalScale scale,
            DigitisingTolerance tolerance) {
        return prepare(curve, atRisk, scale, ClickStyle.AUTO, tolerance);
    }

    /**
     * Prepares {@code curve} and {@code atRisk}.
     *
     * @param scale     the scale of the survival values, or {@link SurvivalScale#AUTO}
     * @param clicks    how the figure was clicked, or {@link ClickStyle#AUTO}
     * @param tolerance the largest departures read as digitising error
     * @throws DigitisationException when the input cannot be interpreted, naming the point or row
     */
    public static PreparedCurve prepare(DigitisedCurve curve, AtRiskTable atRisk, SurvivalScale scale,
            ClickStyle clicks, DigitisingTolerance tolerance) {
        java.util.Objects.requireNonNull(clicks, "clicks");
        double[] t0 = curve.time();
        double[] s0 = curve.survival();
        List<Repair> repairs = new ArrayList<>();
        SurvivalScale used = scale == SurvivalScale.AUTO ? detect(s0) : scale;
        double divisor = used == SurvivalScale.PERCENT ? 100 : 1;
        if (used == SurvivalScale.PERCENT) {
            repairs.add(new Repair(RepairKind.SCALE_PERCENT, Repair.Source.CURVE, (scale == SurvivalScale.AUTO
                    ? "0-100 axis detected (largest value " + num(max(s0)) + ", median " + num(median(s0)) + ")"
                    : "0-100 axis (--scale percent)") + ": all " + s0.length + " survival values divided by 100",
                    List.of()));
        }
        List<Point> pts = new ArrayList<>(t0.length);
        for (int i = 0; i < t0.length; i++) {
            pts.add(new Point(i, t0[i], s0[i], t0[i], s0[i] / divisor));
        }
        double axis = atRisk.time()[atRisk.size() - 1];
        for (Point p : pts) {
            axis = Math.max(axis, p.time);
        }
        ranges(pts, tolerance, axis, used, repairs);
        sortAndDeduplicate(pts, repairs);
        monotone(pts, tolerance, axis, repairs);
        double tolTime = tolerance.timeFraction() * axis;
        ClickStyle.Used style = clickStyle(pts, clicks, tolTime, axis);
        if (style.style() == ClickStyle.CORNERS) {
            missingFeet(pts, style, tolTime, axis, repairs);
        }
        if (!(pts.get(0).time == 0 && pts.get(0).surv == 1)) {
            pts.add(0, new Point(-1, Double.NaN, Double.NaN, 0, 1));
            repairs.add(new Repair(RepairKind.ORIGIN, Repair.Source.CURVE, "start (0, 1) added in front of the first"
                    + " point (" + num(pts.get(1).time) + ", " + num(pts.get(1).surv) + ")",
                    List.of(new Repair.Touched(-1, Double.NaN, Double.NaN, 0, 1))));
        }
        return atRisk(pts, atRisk, used, scale == SurvivalScale.AUTO, style, repairs);
    }

    /** Whether {@code a} to {@code b} is one drop: a fall within the time tolerance, steeper than long. */
    private static boolean drop(Point a, Point b, double tolTime, double axis) {
        double fall = a.surv - b.surv;
        double advance = b.time - a.time;
        return fall > 0 && advance <= tolTime && advance / axis < fall;
    }

    /** Whether {@code before} lies at the level of {@code top}: closer to it than half the fall from top to after. */
    private static boolean atLevel(Point before, Point top, Point after) {
        return Math.abs(before.surv - top.surv) <= (top.surv - after.surv) / 2;
    }

    /** The clicking style given, or detected as {@link ClickStyle} describes, with the counts behind it. */
    private static ClickStyle.Used clickStyle(List<Point> pts, ClickStyle given, double tolTime, double axis) {
        int drops = 0;
        int corners = 0;
        for (int k = 2; k < pts.size(); k++) {
            Point before = pts.get(k - 2);
            Point top = pts.get(k - 1);
            Point foot = pts.get(k);
            if (drop(top, foot, tolTime, axis) && !drop(before, top, tolTime, axis)) {
                drops++;
                corners += atLevel(before, top, foot) ? 1 : 0;
            }
        }
        return new ClickStyle.Used(given == ClickStyle.AUTO ? ClickStyle.decide(drops, corners) : given,
                given == ClickStyle.AUTO, drops, corners);
    }

    /**
     * On a curve clicked at both corners: where a click ends a flat stretch (it is not the foot of a drop, and lies at
     * the level of the click before it) and the next click is later and lower without being one drop with it, the
     * drop's foot was not clicked; it is added at the top's time at the later click's level. "At the level": within
     * half the fall that follows (as the detection), and within the spread of the curve's own flats ({@link
     * #levelSpread}), so that a foot whose drop's top was missed (a whole small drop below the click before it) is
     * not taken for a top. The fall must be no larger than the largest drop clicked on the curve: one missing click
     * explains one drop, and a larger fall is a stretch read without clicks (several drops, timing unknown), left to
     * Guyot's reading. Linear in the points, plus a sort of the flats.
     */
    /**
     * How far apart two readings of one level lie on this curve: the 90th percentile (nearest rank) of |ΔS| over its
     * flats between two drops (the foot of one drop and the top of the next, each pair next to a drop on both sides);
     * 0 with fewer than {@link ClickStyle#MIN_DROPS} such flats (only exact levels then count).
     */
    private static double levelSpread(List<Point> pts, double tolTime, double axis) {
        List<Double> d = new ArrayList<>();
        for (int k = 1; k + 2 < pts.size(); k++) {
            Point foot = pts.get(k);
            Point top = pts.get(k + 1);
            if (top.time > foot.time && drop(pts.get(k - 1), foot, tolTime, axis) && !drop(foot, top, tolTime, axis)
                    && drop(top, pts.get(k + 2), tolTime, axis)) {
                d.add(Math.abs(foot.surv - top.surv));
            }
        }
        if (d.size() < ClickStyle.MIN_DROPS) {
            return 0;
        }
        d.sort(null);
        return d.get((int) Math.ceil(0.9 * d.size()) - 1);
    }

    private static void missingFeet(List<Point> pts, ClickStyle.Used style, double tolTime, double axis,
            List<Repair> repairs) {
        double spread = levelSpread(pts, tolTime, axis);
        double largest = 0;
        for (int k = 1; k < pts.size(); k++) {
            if (drop(pts.get(k - 1), pts.get(k), tolTime, axis)) {
                largest = Math.max(largest, pts.get(k - 1).surv - pts.get(k).surv);
            }
        }
        List<Repair.Touched> tops = new ArrayList<>();
        List<Point> out = new ArrayList<>(pts.size() + 16);
        for (int k = 0; k < pts.size(); k++) {
            Point b = pts.get(k);
            if (k >= 2) {
                Point before = out.get(out.size() - 2);
                Point top = out.get(out.size() - 1);
                if (b.surv < top.surv && b.time > top.time && !drop(top, b, tolTime, axis)
                        && !drop(before, top, tolTime, axis) && before.time < top.time && atLevel(before, top, b)
                        && Math.abs(before.surv - top.surv) <= spread && top.surv - b.surv <= largest) {
                    out.add(new Point(-1, Double.NaN, Double.NaN, top.time, b.surv));
                    tops.add(top.touched(top.time, b.surv));
                }
            }
            out.add(b);
        }
        pts.clear();
        pts.addAll(out);
        add(repairs, RepairKind.MISSING_FOOT, tops, "drop(s) whose foot was not clicked: the curve is clicked at both"
                + " corners of its drops (" + (style.detected() ? "detected: " : "--clicks corners; ")
                + style.cornerPairs() + " of " + style.drops() + " drops), and a click ending a flat stretch is"
                + " followed by a later, lower click that is not one drop with it; a foot added at the top's time and"
                + " the later click's level (listed: the top, with the foot's time and level)");
    }

    /** The scale of {@code s} as {@link SurvivalScale#AUTO} decides it. */
    static SurvivalScale detect(double[] s) {
        double max = max(s);
        if (max <= SurvivalScale.PERCENT_ABOVE) {
            return SurvivalScale.PROPORTION;
        }
        double median = median(s);
        if (median > SurvivalScale.PERCENT_ABOVE) {
            return SurvivalScale.PERCENT;
        }
        int at = 0;
        for (int i = 0; i < s.length; i++) {
            at = s[i] == max ? i : at;
        }
        throw new DigitisationException(Repair.Source.CURVE, at, "survival", "scale cannot be told: this value is"
                + " above " + num(SurvivalScale.PERCENT_ABOVE) + " but most are fractions (median " + num(median)
                + "); correct it, or give --scale proportion or --scale percent");
    }

    private static void ranges(List<Point> pts, DigitisingTolerance tol, double axis, SurvivalScale used,
            List<Repair> repairs) {
        double tolTime = tol.timeFraction() * axis;
        List<Repair.Touched> negative = new ArrayList<>();
        List<Repair.Touched> above = new ArrayList<>();
        List<Repair.Touched> below = new ArrayList<>();
        List<Repair.Touched> start = new ArrayList<>();
        String scaled = used == SurvivalScale.PERCENT ? " (after dividing by 100)" : "";
        for (Point p : pts) {
            if (p.time < 0) {
                if (!(p.time >= -tolTime)) {
                    throw new DigitisationException(Repair.Source.CURVE, p.index, "time", "a time must not be"
                            + " negative (more than the digitising tolerance, " + pct(tol.timeFraction())
                            + " of the time axis " + num(axis) + ", below 0)");
                }
                p.time = 0;
                negative.add(p.touched(p.time, p.surv));
            }
            if (p.surv > 1) {
                if (!(p.surv <= 1 + tol.survival())) {
                    throw new DigitisationException(Repair.Source.CURVE, p.index, "survival", "survival "
                            + num(p.surv) + scaled + " is above 1 by more than the digitising tolerance "
                            + num(tol.survival()) + (used == SurvivalScale.PROPORTION
                            ? " (read as fractions; for a 0-100 axis give --scale percent)" : ""));
                }
                p.surv = 1;
                above.add(p.touched(p.time, p.surv));
            } else if (p.surv < 0) {
                if (!(p.surv >= -tol.survival())) {
                    throw new DigitisationException(Repair.Source.CURVE, p.index, "survival", "survival "
                            + num(p.surv) + scaled + " is below 0 by more than the digitising tolerance "
                            + num(tol.survival()));
                }
                p.surv = 0;
                below.add(p.touched(p.time, p.surv));
            }
            if (p.time == 0 && p.surv < 1 && p.surv >= 1 - tol.survival()) {
                p.surv = 1;
                start.add(p.touched(p.time, p.surv));
            }
        }
        add(repairs, RepairKind.NEGATIVE_TIME, negative, "time(s) below 0 by at most " + pct(tol.timeFraction())
                + " of the time axis set to 0");
        add(repairs, RepairKind.ABOVE_ONE, above, "survival above 1 by at most " + num(tol.survival()) + " set to 1");
        add(repairs, RepairKind.BELOW_ZERO, below, "survival below 0 by at most " + num(tol.survival()) + " set to 0");
        add(repairs, RepairKind.START_AT_ONE, start, "survival at time 0 within " + num(tol.survival())
                + " of 1 set to 1");
    }

    private static void sortAndDeduplicate(List<Point> pts, List<Repair> repairs) {
        List<Repair.Touched> moved = new ArrayList<>();
        Point highest = null;
        for (Point p : pts) {
            if (highest != null && ORDER.compare(p, highest) < 0) {
                moved.add(p.touched(p.time, p.surv));
            } else {
                highest = p;
            }
        }
        pts.sort(ORDER);
        add(repairs, RepairKind.SORTED, moved, "point(s) out of time order (or, at one time, below a later point)"
                + " sorted into place");
        List<Repair.Touched> copies = new ArrayList<>();
        for (int k = pts.size() - 1; k > 0; k--) {
            Point p = pts.get(k);
            Point q = pts.get(k - 1);
            if (p.time == q.time && p.surv == q.surv) {
                copies.add(0, p.touched(Double.NaN, Double.NaN));
                pts.remove(k);
            }
        }
        add(repairs, RepairKind.DUPLICATE, copies, "point(s) read twice (same time and survival): copies removed");
    }

    /**
     * A rise is digitising error when the two readings could lie on one non-increasing curve after moving each by
     * the tolerances: a point is refused only when it is more than the survival tolerance above a point read more
     * than the time tolerance before it (on a steep stretch, a click a pixel to the left reads a higher survival).
     */
    private static void monotone(List<Point> pts, DigitisingTolerance tol, double axis, List<Repair> repairs) {
        double tolTime = tol.timeFraction() * axis;
        Point lowestBefore = null;
        int j = 0;
        boolean rises = false;
        Point lowest = pts.get(0);
        for (Point p : pts) {
            while (pts.get(j).time < p.time - tolTime) {
                if (lowestBefore == null || pts.get(j).surv < lowestBefore.surv) {
                    lowestBefore = pts.get(j);
                }
                j++;
            }
            if (lowestBefore != null && p.surv - lowestBefore.surv > tol.survival()) {
                throw new DigitisationException(Repair.Source.CURVE, p.index, "survival", "survival " + num(p.surv)
                        + " at time " + num(p.time) + " is " + num(p.surv - lowestBefore.surv) + " above the "
                        + num(lowestBefore.surv) + " read at time " + num(lowestBefore.time) + ": a Kaplan-Meier curve"
                        + " never rises, and a rise of more than the digitising tolerance (" + num(tol.survival())
                        + " in survival, " + pct(tol.timeFraction()) + " of the time axis in time) is not a reading"
                        + " error (a point of another curve?)");
            }
            rises |= p.surv > lowest.surv;
            if (p.surv < lowest.surv) {
                lowest = p;
            }
        }
        if (!rises) {
            return;
        }
        List<Repair.Touched> footFirst = new ArrayList<>();
        for (int k = 1; k < pts.size(); k++) {
            Point foot = pts.get(k - 1);
            Point top = pts.get(k);
            double rise = top.surv - foot.surv;
            double advance = top.time - foot.time;
            if (rise > 0 && advance <= tolTime && advance / axis < rise) {
                double mid = (foot.time + top.time) / 2;
                double low = foot.surv;
                foot.time = mid;
                foot.surv = top.surv;
                top.time = mid;
                top.surv = low;
                footFirst.add(foot.touched(foot.time, foot.surv));
                footFirst.add(top.touched(top.time, top.surv));
                k++;
            }
        }
        footFirst.sort(Comparator.comparingInt(Repair.Touched::index));
        add(repairs, RepairKind.FOOT_FIRST, footFirst, "point(s) where a steep rise within " + pct(tol.timeFraction())
                + " of the time axis is one drop whose foot was clicked before its top: both corners placed at the"
                + " mean of their two times, the top above the foot");
        double[] y = new double[pts.size()];
        for (int k = 0; k < y.length; k++) {
            y[k] = pts.get(k).surv;
        }
        double[] fit = IsotonicRegression.decreasing(y, null);
        List<Repair.Touched> changed = new ArrayList<>();
        for (int k = 0; k < y.length; k++) {
            Point p = pts.get(k);
            if (fit[k] != y[k]) {
                p.surv = fit[k];
                changed.add(p.touched(p.time, p.surv));
            }
        }
        add(repairs, RepairKind.ISOTONIC, changed, "point(s) where survival rises (within the digitising tolerance)"
                + " replaced by the non-increasing least-squares fit (pool-adjacent-violators)");
    }

    private static PreparedCurve atRisk(List<Point> pts, AtRiskTable table, SurvivalScale used, boolean detected,
            ClickStyle.Used clicks, List<Repair> repairs) {
        double[] rt = table.time();
        int[] rn = table.nRisk();
        int rows = rt.length;
        int firstZero = 0;
        while (firstZero < rows && rn[firstZero] != 0) {
            firstZero++;
        }
        List<Repair.Touched> zeros = new ArrayList<>();
        for (int i = firstZero + 1; i < rows; i++) {
            zeros.add(new Repair.Touched(i, rt[i], rn[i], Double.NaN, Double.NaN));
        }
        if (!zeros.isEmpty()) {
            rows = firstZero + 1;
            add(repairs, RepairKind.AT_RISK_TRAILING_ZEROS, zeros, "at-risk row(s) of 0 after the first 0 (time "
                    + num(rt[firstZero]) + ") removed", Repair.Source.AT_RISK);
        }
        double lastTime = pts.get(pts.size() - 1).time;
        int kept = rows;
        while (kept > 1 && rt[kept - 1] > lastTime) {
            kept--;
        }
        int remaining = 0;
        double until = lastTime;
        if (kept < rows) {
            List<Repair.Touched> beyond = new ArrayList<>();
            for (int i = kept; i < rows; i++) {
                beyond.add(new Repair.Touched(i, rt[i], rn[i], Double.NaN, Double.NaN));
            }
            remaining = rn[kept];
            until = rt[kept];
            add(repairs, RepairKind.AT_RISK_BEYOND_CURVE, beyond, "at-risk row(s) after the last digitised time "
                    + num(lastTime) + " removed; the " + remaining + " at risk at " + num(rt[kept])
                    + " stay at risk to the end and are censored at " + num(rt[kept]), Repair.Source.AT_RISK);
        }
        double[] keptTime = Arrays.copyOf(rt, kept);
        int[] keptN = Arrays.copyOf(rn, kept);
        List<Repair.Touched> flat = new ArrayList<>();
        for (int i = 0; i + 1 < kept; i++) {
            int k = 0;
            while (k < pts.size() && pts.get(k).time < keptTime[i]) {
                k++;
            }
            if (k == pts.size() || pts.get(k).time >= keptTime[i + 1]) {
                double carried = pts.get(k - 1).surv;
                pts.add(k, new Point(-1, Double.NaN, Double.NaN, keptTime[i], carried));
                flat.add(new Repair.Touched(i, keptTime[i], keptN[i], keptTime[i], carried));
            }
        }
        add(repairs, RepairKind.FLAT_INTERVAL, flat, "at-risk interval(s) without a digitised point: survival "
                + "carried forward to the interval's start (a flat curve; its fall in numbers at risk is censoring)",
                Repair.Source.AT_RISK);
        double[] t = new double[pts.size()];
        double[] s = new double[pts.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = pts.get(k).time;
            s[k] = pts.get(k).surv;
        }
        return new PreparedCurve(t, s, new AtRiskTable(keptTime, keptN), remaining, until, used, detected, clicks,
                repairs);
    }

    private static void add(List<Repair> repairs, RepairKind kind, List<Repair.Touched> touched, String what) {
        add(repairs, kind, touched, what, Repair.Source.CURVE);
    }

    private static void add(List<Repair> repairs, RepairKind kind, List<Repair.Touched> touched, String what,
            Repair.Source source) {
        if (!touched.isEmpty()) {
            repairs.add(new Repair(kind, source, touched.size() + " " + what, touched));
        }
    }

    private static double max(double[] s) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double median(double[] s) {
        double[] c = s.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }

    /** A number in a message: up to 6 significant digits, no trailing zeros. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String pct(double fraction) {
        return num(100 * fraction) + "%";
    }
}
