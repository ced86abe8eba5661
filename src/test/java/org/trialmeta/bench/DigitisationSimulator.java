package org.trialmeta.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.trialmeta.stats.survival.KaplanMeierCurve;
import org.trialmeta.stats.survival.KaplanMeierRow;

/**
 * Digitisations of a known Kaplan-Meier curve as a reader of the published figure would make them, written as the
 * files {@code reconstruct} reads. The figure: x-axis 0 to {@code xMax} over {@link #WIDTH} pixels, y-axis 0 to 1
 * over {@link #HEIGHT} pixels (a 2-column journal figure at about 150 dpi), numbers at risk at every x tick.
 *
 * <p><b>Clean</b>: both corners of every drop (top and bottom) and the end of the curve, each read to the nearest
 * pixel; CSV with a header; survival as fractions.
 *
 * <p><b>Noisy</b> (what a hand digitisation of a journal PDF gives): each corner clicked with probability 0.85
 * (missed clicks: a drop read late or merged with the next); every click off by N(0, 1 pixel) in each direction; the
 * first click at (0, 1 + |N(0, 2 pixels)|) (above 1); with probability 0.3 the clicking stops at 80–100% of the
 * curve (at-risk rows beyond the last point); 3% of clicks saved twice; 5% of neighbours swapped (out of order);
 * half of the arms read on a 0–100 axis; the file written as CSV with a header, as WebPlotDigitizer's headerless
 * {@code x,y} export, or with semicolons and decimal commas (one third each); with probability 0.3 two more
 * at-risk rows of 0 appended (trailing zeros). Long flat stretches of the curve get no clicks (only drops are
 * clicked), so at-risk intervals without a point occur wherever the curve is flat across one.
 *
 * <p><b>Noisy with a gap</b>: as noisy, and no click at all over a random 10% of the x-axis (a part of the curve
 * the reader skipped, whatever happens there): the harshest case, reported separately.
 */
final class DigitisationSimulator {

    static final int WIDTH = 500;
    static final int HEIGHT = 350;

    /** The files of one digitised arm, and what was done to make them. */
    record Files(String curve, String atRisk, String description) {}

    private DigitisationSimulator() {}

    /** A "nice" axis end and tick step (1, 2, 2.5 or 5 × 10^k) giving 5–10 ticks. */
    static double[] axis(double lastTime) {
        double raw = lastTime / 6;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = p;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= raw) {
                step = m * p;
                break;
            }
        }
        return new double[] {Math.ceil(lastTime / step) * step, step};
    }

    static Files clean(KaplanMeierCurve km) {
        double[] ax = axis(km.lastTime());
        List<double[]> pts = corners(km, null);
        StringBuilder c = new StringBuilder("time,survival\n");
        for (double[] p : pts) {
            c.append(num(pixelX(p[0], ax[0]))).append(',').append(num(pixelY(p[1]))).append('\n');
        }
        return new Files(c.toString(), atRisk(km, ax, false), "clean");
    }

    static Files noisy(KaplanMeierCurve km, SplittableRandom r, boolean gap) {
        double[] ax = axis(km.lastTime());
        double px = ax[0] / WIDTH;
        double py = 1.0 / HEIGHT;
        List<String> what = new ArrayList<>();
        List<double[]> pts = corners(km, r);
        if (gap) {
            double a = r.nextDouble() * 0.9 * km.lastTime();
            pts.removeIf(p -> p[0] > a && p[0] < a + 0.1 * ax[0]);
            what.add("gap " + num(a) + "-" + num(a + 0.1 * ax[0]));
        }
        if (r.nextDouble() < 0.3) {
            double stop = (0.8 + 0.2 * r.nextDouble()) * km.lastTime();
            pts.removeIf(p -> p[0] > stop);
            what.add("stopped early");
        }
        List<double[]> read = new ArrayList<>();
        read.add(new double[] {0, 1 + Math.abs(r.nextGaussian()) * 2 * py});
        for (double[] p : pts) {
            if (p[0] == 0 && p[1] == 1) {
                continue;
            }
            double[] q = {pixelX(p[0] + r.nextGaussian() * px, ax[0]), pixelY(p[1] + r.nextGaussian() * py)};
            read.add(q);
            if (r.nextDouble() < 0.03) {
                read.add(q.clone());
            }
        }
        for (int i = 1; i + 1 < read.size(); i++) {
            if (r.nextDouble() < 0.05) {
                double[] t = read.get(i);
                read.set(i, read.get(i + 1));
                read.set(i + 1, t);
            }
        }
        boolean percent = r.nextBoolean();
        int format = r.nextInt(3);
        what.add(percent ? "0-100" : "0-1");
        what.add(format == 0 ? "CSV" : format == 1 ? "WPD x,y" : "semicolon decimal comma");
        StringBuilder c = new StringBuilder(format == 0 ? "time,survival\n" : "");
        for (double[] p : read) {
            String x = num(p[0]);
            String y = num(percent ? 100 * p[1] : p[1]);
            c.append(format == 2 ? x.replace('.', ',') + ";" + y.replace('.', ',') : x + "," + y).append('\n');
        }
        boolean zeros = r.nextDouble() < 0.3;
        if (zeros) {
            what.add("trailing zeros");
        }
        return new Files(c.toString(), atRisk(km, ax, zeros), String.join(", ", what));
    }

    /** Both corners of each drop, then the end of the curve; with {@code r}, each kept with probability 0.85. */
    private static List<double[]> corners(KaplanMeierCurve km, SplittableRandom r) {
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, 1});
        double prev = 1;
        for (KaplanMeierRow row : km.rows()) {
            if (row.nEvent() > 0) {
                if (r == null || r.nextDouble() < 0.85) {
                    pts.add(new double[] {row.time(), prev});
                }
                if (r == null || r.nextDouble() < 0.85) {
                    pts.add(new double[] {row.time(), row.surv()});
                }
                prev = row.surv();
            }
        }
        pts.add(new double[] {km.lastTime(), prev});
        return pts;
    }

    private static String atRisk(KaplanMeierCurve km, double[] ax, boolean extraZeros) {
        StringBuilder s = new StringBuilder("time,n_risk\n");
        int ticks = (int) Math.round(ax[0] / ax[1]);
        for (int i = 0; i <= ticks + (extraZeros ? 2 : 0); i++) {
            double t = i * ax[1];
            s.append(num(t)).append(',').append(i == 0 ? km.n() : km.nRiskAt(t)).append('\n');
        }
        return s.toString();
    }

    private static double pixelX(double t, double xMax) {
        return Math.rint(t / xMax * WIDTH) * xMax / WIDTH;
    }

    private static double pixelY(double s) {
        return Math.rint(s * HEIGHT) / HEIGHT;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
