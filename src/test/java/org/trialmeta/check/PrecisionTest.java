package org.trialmeta.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Printed precision, rounding at the source's precision and GRIM candidates. */
class PrecisionTest {

    @Test
    void decimalsFollowThePrintedNumber() {
        assertThat(Precision.decimals(44)).isZero();
        assertThat(Precision.decimals(42.3)).isEqualTo(1);
        assertThat(Precision.decimals(12.25)).isEqualTo(2);
        assertThat(Precision.decimals(100)).isZero();
    }

    @Test
    void roundingAcceptsEitherConventionAtAnExactHalf() {
        // 1/8 = 12.5%: a half-up source prints 13, a half-even source 12
        assertThat(Precision.roundsTo(12.5, 13)).isTrue();
        assertThat(Precision.roundsTo(12.5, 12)).isTrue();
        assertThat(Precision.roundsTo(43.859649, 44)).isTrue();
        assertThat(Precision.roundsTo(43.859649, 43)).isFalse();
        assertThat(Precision.roundsTo(42.307692, 42.3)).isTrue();
        assertThat(Precision.roundsTo(42.307692, 42.4)).isFalse();
    }

    @Test
    void grimCandidates() {
        assertThat(Precision.candidateCounts(45, 7)).isEmpty();
        assertThat(Precision.candidateCounts(17, 52)).containsExactly(9);
        assertThat(Precision.candidateCounts(44, 57)).containsExactly(25);
        assertThat(Precision.candidateCounts(31, 109)).containsExactly(34);
        assertThat(Precision.candidateCounts(42.3, 26)).containsExactly(11);
        assertThat(Precision.candidateCounts(13, 150)).containsExactly(19, 20);
        assertThat(Precision.candidateCounts(0, 10)).containsExactly(0);
        assertThat(Precision.candidateCounts(100, 10)).containsExactly(10);
        assertThat(Precision.candidateCounts(50, 0)).isEmpty();
    }

    /** Brute force over every n up to 200 and every integer percent: candidates are exactly the k that round. */
    @Test
    void grimCandidatesMatchBruteForce() {
        for (int n = 1; n <= 200; n++) {
            for (int p = 0; p <= 100; p++) {
                java.util.List<Integer> expected = new java.util.ArrayList<>();
                for (int k = 0; k <= n; k++) {
                    if (Math.abs(100.0 * k / n - p) <= 0.5 + 1e-9) {
                        expected.add(k);
                    }
                }
                assertThat(Precision.candidateCounts(p, n)).as("%d%% of %d", p, n).isEqualTo(expected);
            }
        }
    }

    @Test
    void denominatorCandidates() {
        // MILO binimetinib: 32 responders printed as 16% fit every denominator from 194 (16.49%) to 206 (15.53%)
        assertThat(Precision.candidateDenominators(32, 16, 0)).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(194, 206).boxed().toList());
        assertThat(Precision.candidateDenominators(11, 42.3, 1)).containsExactly(26);
        assertThat(Precision.candidateDenominators(10, 100, 0)).containsExactly(10);
        assertThat(Precision.candidateDenominators(3, 45, 0)).isEmpty(); // 3/7 = 42.9%, 3/6 = 50%
        assertThatThrownBy(() -> Precision.candidateDenominators(0, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Precision.candidateDenominators(5, 0.4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Brute force over every count up to 150 and every percent at 0 and 1 decimals: exactly the m that round. */
    @Test
    void denominatorCandidatesMatchBruteForce() {
        for (int k = 1; k <= 150; k++) {
            for (int tenths = 6; tenths <= 1000; tenths++) {
                int d = tenths % 10 == 0 ? 0 : 1;
                double p = tenths / 10.0;
                double h = d == 0 ? 0.5 : 0.05;
                java.util.List<Integer> expected = new java.util.ArrayList<>();
                for (int m = k; m <= 100 * k / (p - h) + 1; m++) {
                    if (Math.abs(100.0 * k / m - p) <= h + 1e-9) {
                        expected.add(m);
                    }
                }
                assertThat(Precision.candidateDenominators(k, p, d)).as("%d at %s%%", k, p).isEqualTo(expected);
            }
        }
    }

    @Test
    void printedForms() {
        assertThat(Precision.text(22.0)).isEqualTo("22");
        assertThat(Precision.text(42.3)).isEqualTo("42.3");
        assertThat(Precision.ratio(25, 57, 0)).isEqualTo("25/57 = 43.9%");
        assertThat(Precision.ratio(11, 26, 1)).isEqualTo("11/26 = 42.31%");
        assertThat(Precision.rounded(43.859649, 0)).isEqualTo("44");
    }

    @Test
    void markerNamesAreNormalised() {
        assertThat(ConsistencyRules.normaliseMarker("pFAK")).isEqualTo("fak");
        assertThat(ConsistencyRules.normaliseMarker("FAK activity")).isEqualTo("fak");
        assertThat(ConsistencyRules.normaliseMarker("phospho-FAK")).isEqualTo("fak");
        assertThat(ConsistencyRules.normaliseMarker("p-FAK")).isEqualTo("fak");
        assertThat(ConsistencyRules.normaliseMarker("PD-L1")).isEqualTo("pd-l1");
        assertThat(ConsistencyRules.normaliseMarker("MDSCs")).isEqualTo("mdscs");
    }
}
