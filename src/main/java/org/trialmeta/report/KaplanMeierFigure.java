package org.trialmeta.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialmeta.present.DisplayUnit;
import org.trialmeta.stats.survival.KaplanMeierCurve;
import org.trialmeta.stats.survival.KaplanMeierRow;

/**
 * Turns fitted Kaplan-Meier curves (patient-level or reconstructed data) into a {@link SurvivalPlot}:
 * step curves from S(0) = 1, pointwise CI bands when the curves have them, a + at each time with a
 * censoring, and the numbers at risk at each axis tick (observations with time ≥ tick, as survfit's
 * {@code n.risk} at that time).
 */
public final class KaplanMeierFigure {

    private KaplanMeierFigure() {}

    /**
     * How to draw the curves.
     *
     * @param title      figure title ("" for none)
     * @param yLabel     y-axis label, e.g. "Progression-free survival"
     * @param timeUnit   unit on the time axis's label ("" for none)
     * @param inputDays  length of the input's time unit in days (1 when the axis shows input times as they are)
     * @param axisDays   length of the axis's time unit in days: times are drawn as t × inputDays / axisDays
     * @param ciBands    draw the pointwise CI bands (as survminer's {@code conf.int}, off by default there)
     * @param annotation lines printed on the plot (medians, log-rank p, hazard ratio); none for no block
     * @param footnotes  lines under the figure after the one on the estimates
     */
    public record Options(String title, String yLabel, String timeUnit, double inputDays, double axisDays,
            boolean ciBands, List<String> annotation, List<String> footnotes) {
        public Options {
            if (!(inputDays > 0 && axisDays > 0 && Double.isFinite(inputDays) && Double.isFinite(axisDays))) {
                throw new IllegalArgumentException("time unit lengths " + inputDays + ", " + axisDays
                        + " must be finite and > 0");
            }
            annotation = List.copyOf(annotation);
            footnotes = List.copyOf(footnotes);
        }

        /** Input times on the axis as they are, with the CI bands, without annotation. */
        public static Options plain(String title, String yLabel, String timeUnit) {
            return new Options(title, yLabel, timeUnit, 1, 1, true, List.of(), List.of());
        }
    }

    /**
     * The plot data of one curve per label.
     *
     * @param title    figure title ("" for none)
     * @param yLabel   y-axis label, e.g. "Progression-free survival"
     * @param timeUnit time unit for the axis label ("" for none)
     * @param labels   group names, one per curve
     * @param curves   the fitted curves
     */
    public static SurvivalPlotData data(String title, String yLabel, String timeUnit, List<String> labels,
            List<KaplanMeierCurve> curves) {
        return data(Options.plain(title, yLabel, timeUnit), labels, curves);
    }

    /**
     * The plot data of one curve per label, drawn as {@code o} says. Ticks are round numbers of the axis's unit
     * ({@link #ticks(double, DisplayUnit)}: 6- or 12-month steps on a month axis); the numbers at risk at a tick count the observations whose input time is at least the tick converted back
     * (tick × axisDays / inputDays).
     */
    public static SurvivalPlotData data(Options o, List<String> labels, List<KaplanMeierCurve> curves) {
        String title = o.title();
        String yLabel = o.yLabel();
        String timeUnit = o.timeUnit();
        java.util.function.DoubleUnaryOperator axis = t -> t * o.inputDays() / o.axisDays();
        if (labels.size() != curves.size() || curves.isEmpty()) {
            throw new IllegalArgumentException("labels (" + labels.size() + ") and curves (" + curves.size()
                    + ") must have the same, non-zero size");
        }
        double end = 0;
        for (KaplanMeierCurve c : curves) {
            end = Math.max(end, axis.applyAsDouble(c.lastTime()));
        }
        double[] ticks = ticks(end, DisplayUnit.fromName(timeUnit));
        boolean bands = false;
        List<SurvivalPlotData.Group> groups = new ArrayList<>();
        for (int g = 0; g < curves.size(); g++) {
            KaplanMeierCurve c = curves.get(g);
            List<KaplanMeierRow> rows = c.rows();
            int m = rows.size() + 1;
            double[] time = new double[m];
            double[] surv = new double[m];
            double[] lower = new double[m];
            double[] upper = new double[m];
            boolean hasCi = true;
            time[0] = 0;
            surv[0] = 1;
            lower[0] = 1;
            upper[0] = 1;
            List<Double> censors = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                KaplanMeierRow r = rows.get(i);
                time[i + 1] = axis.applyAsDouble(r.time());
                surv[i + 1] = r.surv();
                if (r.lower().isPresent() && r.upper().isPresent()) {
                    lower[i + 1] = clamp(r.lower().getAsDouble());
                    upper[i + 1] = clamp(r.upper().getAsDouble());
                } else if (r.surv() == 0) {
                    lower[i + 1] = 0;
                    upper[i + 1] = 0;
                } else {
                    hasCi = false;
                }
                if (r.nCensor() > 0) {
                    censors.add(axis.applyAsDouble(r.time()));
                }
            }
            int[] atRisk = new int[ticks.length];
            for (int t = 0; t < ticks.length; t++) {
                atRisk[t] = c.nRiskAt(ticks[t] * o.axisDays() / o.inputDays());
            }
            hasCi &= o.ciBands();
            bands |= hasCi;
            groups.add(new SurvivalPlotData.Group(labels.get(g), time, surv, hasCi ? lower : null, hasCi ? upper : null,
                    censors.stream().mapToDouble(Double::doubleValue).toArray(), atRisk));
        }
        String level = String.format(Locale.ROOT, "%.0f", curves.get(0).level() * 100);
        List<String> notes = new ArrayList<>();
        notes.add("Kaplan-Meier estimates" + (bands ? " with pointwise " + level + "% CIs ("
                + curves.get(0).confType().name().toLowerCase(Locale.ROOT).replace('_', '-') + " type)" : "")
                + "; crosses: censored; numbers at risk at each tick.");
        notes.addAll(o.footnotes());
        return new SurvivalPlotData(title, "Time", timeUnit, yLabel, groups, ticks, bands, true, false, notes,
                o.annotation());
    }

    /** A figure ready for {@link FigureWriter}. */
    public static SurvivalPlot figure(String title, String yLabel, String timeUnit, List<String> labels,
            List<KaplanMeierCurve> curves) {
        return new SurvivalPlot(data(title, yLabel, timeUnit, labels, curves));
    }

    /** A figure ready for {@link FigureWriter}, drawn as {@code o} says in {@code style}. */
    public static SurvivalPlot figure(Options o, List<String> labels, List<KaplanMeierCurve> curves, FigureStyle style) {
        return new SurvivalPlot(data(o, labels, curves), style);
    }

    /** The least f × 10^k (f from {@code factors}, ascending, ending with 10) at or above {@code raw}. */
    private static double niceStep(double raw, double[] factors) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : factors) {
            if (f * mag >= raw) {
                return f * mag;
            }
        }
        return 10 * mag;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** At most this many intervals between ticks. */
    private static final int MAX_INTERVALS = 6;
    private static final double[] PLAIN = {1, 2, 2.5, 5, 10};
    private static final double[] ONE_TWO_FIVE = {1, 2, 5, 10};
    /** Month steps as survminer users choose {@code break.time.by}: a quarter, half a year, whole years. */
    private static final double[] MONTH_STEPS = {1, 2, 3, 6, 12, 24, 36, 48, 60};

    /** 0 and round steps (1, 2, 2.5, 5 × 10^k) up to the first tick at or beyond {@code end}, at most 6 intervals. */
    static double[] ticks(double end) {
        return ticks(end, null);
    }

    /**
     * 0 and steps that read as time in the axis's {@code unit} (null: plain numbers), up to the first tick at or beyond
     * {@code end}, at most 6 intervals, as a survminer user would set {@code ggsurvplot(break.time.by = )}:
     * months by 1, 2 or 3 on an axis of up to a year and by 6, 12, 24, 36, 48 or 60 (then whole decades of years)
     * on a longer one; days, weeks and years by 1, 2 or 5 × 10^k (200 days, 50 weeks, 2 years), by plain steps
     * below one unit (0.5 years). Without a unit: 1, 2, 2.5 or 5 × 10^k.
     */
    static double[] ticks(double end, DisplayUnit unit) {
        if (!(end > 0)) {
            return new double[] {0, 1};
        }
        double raw = end / MAX_INTERVALS;
        double step;
        if (unit == DisplayUnit.MONTHS && end >= 2) {
            step = Double.NaN;
            for (double s : MONTH_STEPS) {
                if (s >= raw && (end <= 12 || s >= 6)) {
                    step = s;
                    break;
                }
            }
            if (Double.isNaN(step)) {
                step = 12 * niceStep(raw / 12, ONE_TWO_FIVE);
            }
        } else if (unit != null && raw >= 1) {
            step = niceStep(raw, ONE_TWO_FIVE);
        } else {
            step = niceStep(raw, PLAIN);
        }
        int n = (int) Math.ceil(end / step - 1e-9);
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = Ticks.clean(i * step);
        }
        return t;
    }
}
