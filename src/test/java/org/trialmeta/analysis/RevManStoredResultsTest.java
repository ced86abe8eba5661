package org.trialmeta.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trialmeta.repository.RevManCsvReader;
import org.trialmeta.repository.RevManReader;
import org.trialmeta.repository.RevManReview;

/**
 * The recomputed analyses against every result RevMan 5 stored in R meta's Fleiss1993.rm5 (RevMan 5.0.23, full
 * doubles) and in its CSV export (8 decimals): the largest relative error per quantity, printed and bounded.
 */
class RevManStoredResultsTest {

    /** Every quantity but the p-values: RevMan's doubles agree to rounding. */
    static final double RM5_RELATIVE = 1e-12;
    /**
     * p-values: RevMan approximates the tail areas (Chi² p 5.8e-7 relative from the exact one, Z p 2.8e-11); see
     * RevManVerify.RELATIVE.
     */
    static final double RM5_P_RELATIVE = 1e-6;

    static Map<String, Double> maxRelative(List<RevManVerify.Compared> compared) {
        Map<String, Double> m = new TreeMap<>();
        for (RevManVerify.Compared c : compared) {
            m.merge(c.quantity(), c.relativeError(), Math::max);
        }
        return m;
    }

    @Test
    void rm5StoredResultsAgree() {
        RevManReview r = RevManReader.read(Path.of("src/test/resources/revman/Fleiss1993.rm5"));
        var analyses = RevManAnalysis.of(r);
        var compared = RevManVerify.compared(r, analyses);
        Map<String, Double> max = maxRelative(compared);
        System.out.printf(Locale.ROOT, "RevManStoredResultsTest: Fleiss1993.rm5, %d stored values, max relative error %s%n",
                compared.size(), max);
        assertThat(compared).hasSizeGreaterThan(40);
        max.forEach((q, e) -> assertThat(e).as(q).isLessThanOrEqualTo(q.startsWith("p_") ? RM5_P_RELATIVE : RM5_RELATIVE));
        assertThat(RevManVerify.anyMismatch(RevManVerify.verify(r, analyses))).isFalse();
    }

    @Test
    void csvExportStoredResultsAgreeToTheirEightDecimals() {
        RevManReview r = RevManCsvReader.read(Path.of("src/test/resources/revman/Fleiss1993_CR.csv"));
        var analyses = RevManAnalysis.of(r);
        var compared = RevManVerify.compared(r, analyses);
        System.out.printf(Locale.ROOT, "RevManStoredResultsTest: Fleiss1993_CR.csv, %d stored values, max relative error %s%n",
                compared.size(), maxRelative(compared));
        assertThat(compared).hasSizeGreaterThan(60);
        for (RevManVerify.Compared c : compared) {
            assertThat(Math.abs(c.stored() - c.recomputed())).as(c.toString())
                    .isLessThanOrEqualTo(RevManCsvReader.PRECISION + 1e-15 + (c.quantity().equals("p_chi2") ? 1e-7 : 0));
        }
        assertThat(RevManVerify.anyMismatch(RevManVerify.verify(r, analyses))).isFalse();
    }
}
