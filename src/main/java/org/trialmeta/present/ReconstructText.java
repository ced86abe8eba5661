package org.trialmeta.present;

import org.trialmeta.stats.survival.ReconstructedIpd;

/** The text forms of {@code reconstruct}'s results: the summary line and the patient-data CSV. */
public final class ReconstructText {

    private ReconstructText() {}

    /** What {@code reconstruct --format table} prints. */
    public static String render(ReconstructSummary s) {
        return "wrote " + s.n() + " patients (" + s.events() + " events, " + s.censored() + " censored) to " + s.out()
                + "\n";
    }

    /**
     * The patient data as {@code reconstruct --out} writes them: columns {@code time,event} (1 = event,
     * 0 = censored), one row per patient in time order, times at full precision (the shortest decimal that reads
     * back as the same double, as in JSON), so that {@code km} on the file reproduces the reconstruction exactly.
     */
    public static String ipdCsv(ReconstructedIpd ipd) {
        StringBuilder csv = new StringBuilder("time,event\n");
        double[] t = ipd.time();
        int[] e = ipd.event();
        for (int i = 0; i < t.length; i++) {
            csv.append(Double.toString(t[i])).append(',').append(e[i]).append('\n');
        }
        return csv.toString();
    }
}
