package org.trialmeta.present;

import java.nio.file.Path;
import org.trialmeta.stats.survival.ReconstructedIpd;

/**
 * What {@code reconstruct} reports on standard output about the patient data it rebuilt and wrote (the published
 * {@code reconstruct} contract). In Guyot et al.'s R code (BMC Med Res Methodol 2012;12:9) the data are the
 * matrix {@code IPD} of {@code t.IPD} and {@code event.IPD}: n is its number of rows, events
 * {@code sum(event.IPD)}.
 *
 * @param out      the CSV file written
 * @param n        number of patients reconstructed (the number at risk at time 0)
 * @param events   number of events among them
 * @param censored number of censored patients, n − events
 */
public record ReconstructSummary(String out, int n, int events, int censored) {

    /** The summary of {@code ipd}, written to {@code out}. */
    public static ReconstructSummary of(ReconstructedIpd ipd, Path out) {
        return new ReconstructSummary(out.toString(), ipd.size(), ipd.events(), ipd.size() - ipd.events());
    }
}
