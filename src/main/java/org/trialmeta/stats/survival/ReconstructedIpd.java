package org.trialmeta.stats.survival;

/**
 * Individual patient data rebuilt from a published curve by {@link GuyotReconstruction}: one entry
 * per patient, sorted by time (events before censorings at equal times).
 *
 * @param time event or censoring times
 * @param event 1 = event, 0 = censored
 */
public record ReconstructedIpd(double[] time, int[] event) {
    public ReconstructedIpd {
        if (time.length != event.length) {
            throw new IllegalArgumentException("reconstructed IPD: " + time.length + " times but "
                    + event.length + " event flags");
        }
        time = time.clone();
        event = event.clone();
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public int[] event() {
        return event.clone();
    }

    /** Number of patients. */
    public int size() {
        return time.length;
    }

    /** Number of events. */
    public int events() {
        int e = 0;
        for (int v : event) {
            e += v;
        }
        return e;
    }

    /** The Kaplan-Meier curve of the reconstructed data (log-type 95% intervals). */
    public KaplanMeierCurve kaplanMeier() {
        return KaplanMeier.fit(time, event);
    }
}
