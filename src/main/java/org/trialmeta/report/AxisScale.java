package org.trialmeta.report;

/** Scale of a value axis: linear (differences, medians) or logarithmic (ratios). */
public enum AxisScale {
    LINEAR,
    LOG;

    /** The value in axis units (log10 on a log axis). */
    double transform(double v) {
        return this == LOG ? Math.log10(v) : v;
    }
}
