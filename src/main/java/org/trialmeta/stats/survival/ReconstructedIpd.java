package org.trialmeta.stats.survival;

import java.util.List;

/**
 * Individual patient data rebuilt from a published curve by {@link GuyotReconstruction}: one entry
 * per patient, sorted by time (events before censorings at equal times), and what was repaired in the digitised
 * input to rebuild them.
 *
 * @param time    event or censoring times
 * @param event   1 = event, 0 = censored
 * @param repairs the repairs {@link DigitisationRepair} made to the input (empty when none was needed)
 */
public record ReconstructedIpd(double[] time, int[] event, List<Repair> repairs) {
    public ReconstructedIpd {
        if (time.length != event.length) {
            throw new IllegalArgumentException("reconstructed IPD: " + time.length + " times but "
                    + event.length + " event flags");
        }
        time = time.clone();
        event = event.clone();
        repairs = List.copyOf(repairs);
    }

    /** Patient data without repairs. */
    public ReconstructedIpd(double[] time, int[] event) {
        this(time, event, List.of());
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
