package org.trialmeta.stats.survival;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The rows of a fitted Kaplan-Meier curve kept as columns of numbers, each {@link KaplanMeierRow} made when it is
 * read: the same rows as a list of records (equal element by element; unmodifiable), in 36 bytes a row instead of a
 * record and three {@code OptionalDouble}s (about 130 bytes and four objects). Only time, the counts, S and σ (the
 * cumulative hazard's standard error) are kept; the standard error of S (σS) and the confidence limits are computed
 * when read, by the same operations on the same doubles as the fit did when it kept them too (60 bytes a row), so the
 * same values to the bit. On 10⁶ distinct times the rows were most of {@code km}'s memory. A missing standard error or
 * confidence limit is NaN and read back as an empty {@code OptionalDouble}, as {@link KaplanMeier#opt} made it.
 */
final class KaplanMeierRows extends AbstractList<KaplanMeierRow> implements RandomAccess {
    private final double[] time;
    private final int[] nRisk;
    private final int[] nEvent;
    private final int[] nCensor;
    private final double[] surv;
    private final double[] stdErrCumHaz;
    private final ConfType confType;
    private final double z;

    /** The builder's arrays themselves when it is full (the fit sizes it exactly), else trimmed copies. */
    private KaplanMeierRows(Builder b) {
        int m = b.size;
        boolean full = m == b.time.length;
        time = full ? b.time : Arrays.copyOf(b.time, m);
        nRisk = full ? b.nRisk : Arrays.copyOf(b.nRisk, m);
        nEvent = full ? b.nEvent : Arrays.copyOf(b.nEvent, m);
        nCensor = full ? b.nCensor : Arrays.copyOf(b.nCensor, m);
        surv = full ? b.surv : Arrays.copyOf(b.surv, m);
        stdErrCumHaz = full ? b.stdErrCumHaz : Arrays.copyOf(b.stdErrCumHaz, m);
        confType = b.confType;
        z = b.z;
    }

    @Override
    public int size() {
        return time.length;
    }

    @Override
    public KaplanMeierRow get(int i) {
        return new KaplanMeierRow(time[i], nRisk[i], nEvent[i], nCensor[i], surv[i], stdErrCumHaz[i],
                KaplanMeier.opt(stdErrCumHaz[i] * surv[i]), KaplanMeier.opt(lower(i)), KaplanMeier.opt(upper(i)));
    }

    /** Row {@code i}'s time, without making the row (as the curve's quantiles, median and RMST read it). */
    double time(int i) {
        return time[i];
    }

    double surv(int i) {
        return surv[i];
    }

    int nRisk(int i) {
        return nRisk[i];
    }

    int nEvent(int i) {
        return nEvent[i];
    }

    int nCensor(int i) {
        return nCensor[i];
    }

    /** Row {@code i}'s lower confidence limit, NaN where {@link KaplanMeierRow#lower()} is empty. */
    double lower(int i) {
        return confType.lower(surv[i], stdErrCumHaz[i], z);
    }

    /** Row {@code i}'s upper confidence limit, NaN where {@link KaplanMeierRow#upper()} is empty. */
    double upper(int i) {
        return confType.upper(surv[i], stdErrCumHaz[i], z);
    }

    /** Rows added in order, each checked as a {@link KaplanMeierRow} is when it is made. */
    static final class Builder {
        private final ConfType confType;
        private final double z;
        private int size;
        private double[] time;
        private int[] nRisk;
        private int[] nEvent;
        private int[] nCensor;
        private double[] surv;
        private double[] stdErrCumHaz;

        /**
         * {@code capacity}: the most rows there can be (the fit passes the number of distinct times); the limits are
         * {@code confType}'s with the normal quantile {@code z}.
         */
        Builder(int capacity, ConfType confType, double z) {
            this.confType = confType;
            this.z = z;
            int c = Math.max(1, capacity);
            time = new double[c];
            nRisk = new int[c];
            nEvent = new int[c];
            nCensor = new int[c];
            surv = new double[c];
            stdErrCumHaz = new double[c];
        }

        void add(double t, int risk, int event, int censor, double s, double seCumHaz) {
            KaplanMeierRow.check(t, risk, event, censor, s);
            if (size == time.length) {
                throw new IllegalStateException("more rows than the capacity " + time.length);
            }
            time[size] = t;
            nRisk[size] = risk;
            nEvent[size] = event;
            nCensor[size] = censor;
            surv[size] = s;
            stdErrCumHaz[size] = seCumHaz;
            size++;
        }

        /** The rows added; the builder is not used after this. */
        KaplanMeierRows build() {
            KaplanMeierRows r = new KaplanMeierRows(this);
            time = null;
            return r;
        }
    }
}
