package org.trialmeta.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        if (labels.size() != curves.size() || curves.isEmpty()) {
            throw new IllegalArgumentException("labels (" + labels.size() + ") and curves (" + curves.size()
                    + ") must have the same, non-zero size");
        }
        double end = 0;
        for (KaplanMeierCurve c : curves) {
            end = Math.max(end, c.lastTime());
        }
        double[] ticks = ticks(end);
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
                time[i + 1] = r.time();
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
                    censors.add(r.time());
                }
            }
            int[] atRisk = new int[ticks.length];
            for (int t = 0; t < ticks.length; t++) {
                atRisk[t] = c.nRiskAt(ticks[t]);
            }
            bands |= hasCi;
            groups.add(new SurvivalPlotData.Group(labels.get(g), time, surv, hasCi ? lower : null, hasCi ? upper : null,
                    censors.stream().mapToDouble(Double::doubleValue).toArray(), atRisk));
        }
        String level = String.format(Locale.ROOT, "%.0f", curves.get(0).level() * 100);
        List<String> notes = List.of("Kaplan-Meier estimates" + (bands ? " with pointwise " + level + "% CIs ("
                + curves.get(0).confType().name().toLowerCase(Locale.ROOT).replace('_', '-') + " type)" : "")
                + "; + censored; numbers at risk at each tick.");
        return new SurvivalPlotData(title, "Time", timeUnit, yLabel, groups, ticks, bands, true, false, notes);
    }

    /** A figure ready for {@link FigureWriter}. */
    public static SurvivalPlot figure(String title, String yLabel, String timeUnit, List<String> labels,
            List<KaplanMeierCurve> curves) {
        return new SurvivalPlot(data(title, yLabel, timeUnit, labels, curves));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** 0 and round steps (1, 2, 2.5, 5 × 10^k) up to the first tick at or beyond {@code end}, 4–10 intervals. */
    static double[] ticks(double end) {
        if (!(end > 0)) {
            return new double[] {0, 1};
        }
        double raw = end / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * mag >= raw) {
                step = f * mag;
                break;
            }
        }
        int n = (int) Math.ceil(end / step - 1e-9);
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = Ticks.clean(i * step);
        }
        return t;
    }
}
