package org.trialmeta.report;

/**
 * The data of a funnel plot: each study's estimate against its standard error, the studies filled by trim and
 * fill, and the estimate at the centre of the pseudo-confidence region.
 *
 * @param xLabel    label of the estimate axis, e.g. "Log risk ratio"
 * @param yi        observed estimates
 * @param sei       their standard errors (&gt; 0)
 * @param filledYi  estimates of the filled studies (empty when none)
 * @param filledSei their standard errors
 * @param center    the pooled estimate the region is centred on
 * @param note      a line under the plot ("" for none)
 */
public record FunnelPlotData(String xLabel, double[] yi, double[] sei, double[] filledYi, double[] filledSei,
        double center, String note) {

    public FunnelPlotData {
        if (yi.length == 0 || yi.length != sei.length || filledYi.length != filledSei.length) {
            throw new IllegalArgumentException("funnel plot needs studies with one SE each: " + yi.length + " estimates, "
                    + sei.length + " SEs, " + filledYi.length + " filled estimates, " + filledSei.length + " filled SEs");
        }
        check(yi, sei);
        check(filledYi, filledSei);
        if (!Double.isFinite(center)) {
            throw new IllegalArgumentException("centre " + center + " must be finite");
        }
        yi = yi.clone();
        sei = sei.clone();
        filledYi = filledYi.clone();
        filledSei = filledSei.clone();
    }

    private static void check(double[] y, double[] se) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i]) || !(se[i] > 0 && Double.isFinite(se[i]))) {
                throw new IllegalArgumentException("study " + i + ": estimate " + y[i] + ", SE " + se[i]
                        + " (finite, SE > 0)");
            }
        }
    }

    @Override
    public double[] yi() {
        return yi.clone();
    }

    @Override
    public double[] sei() {
        return sei.clone();
    }

    @Override
    public double[] filledYi() {
        return filledYi.clone();
    }

    @Override
    public double[] filledSei() {
        return filledSei.clone();
    }

    /** The largest standard error, observed or filled (the bottom of the plot). */
    public double maxSe() {
        double m = 0;
        for (double s : sei) {
            m = Math.max(m, s);
        }
        for (double s : filledSei) {
            m = Math.max(m, s);
        }
        return m;
    }
}
