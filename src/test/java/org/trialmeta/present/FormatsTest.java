package org.trialmeta.present;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Formats}: significant digits and intervals written with them. */
class FormatsTest {

    @Test
    void significantKeepsTheDigitsOfCsPercentG() {
        assertThat(Formats.significant(0.96318, 4)).isEqualTo("0.9632");
        assertThat(Formats.significant(0.0057701, 4)).isEqualTo("0.005770");
        assertThat(Formats.significant(5.4561e9, 4)).isEqualTo("5.456e+09");
        assertThat(Formats.significant(-0.0000001, 2)).isEqualTo("-1.0e-07");
        assertThat(Formats.significant(-0.00001, 1)).isEqualTo("-1e-05");
    }

    @Test
    void significantOfAMissingOrNonFiniteValueIsNotEstimable() {
        assertThat(Formats.significant(Double.POSITIVE_INFINITY, 4)).isEqualTo(Formats.MISSING);
        assertThat(Formats.significant(Double.NaN, 4)).isEqualTo(Formats.MISSING);
        assertThat(Formats.significant((Double) null, 4)).isEqualTo(Formats.MISSING);
    }

    @Test
    void intervalWithAnInfiniteEndIsNotEstimableAsAWhole() {
        assertThat(Formats.ciSignificant(0.0, Double.POSITIVE_INFINITY, 4, CiStyle.TO)).isEqualTo("NE");
        assertThat(Formats.ci(0.0, Double.POSITIVE_INFINITY, 2, CiStyle.BRACKETS)).isEqualTo("NE");
    }

    @Test
    void toStyleIsTheBareInterval() {
        assertThat(Formats.ciSignificant(0.95241, 0.97419, 4, CiStyle.TO)).isEqualTo("0.9524 to 0.9742");
        assertThat(Formats.ci(-2.60141, 12.417, 4, CiStyle.TO)).isEqualTo("-2.6014 to 12.4170");
        assertThat(Formats.ciSignificant(1.3921, 7.4862, 4, CiStyle.PAREN_TO)).isEqualTo("(1.392 to 7.486)");
    }

    @Test
    void ratiosHaveThreeDecimalsBelowOneHundredAndInfinityIsInf() {
        assertThat(Formats.ratio(3.73256)).isEqualTo("3.733");
        assertThat(Formats.ratio(142.46)).isEqualTo("142.5");
        assertThat(Formats.ratio(0)).isEqualTo("0.000");
        assertThat(Formats.ratio(Double.POSITIVE_INFINITY)).isEqualTo(Formats.INFINITE);
        assertThat(Formats.ratio(Double.NaN)).isEqualTo(Formats.MISSING);
    }

    @Test
    void ratioIntervalsKeepAnInfiniteUpperEnd() {
        assertThat(Formats.ratioCi(1.5352, 9.0781, CiStyle.BRACKETS)).isEqualTo("[1.535, 9.078]");
        assertThat(Formats.ratioCi(0.512, Double.POSITIVE_INFINITY, CiStyle.BRACKETS)).isEqualTo("[0.512, Inf]");
        assertThat(Formats.ratioCi(Double.NaN, 2, CiStyle.BRACKETS)).isEqualTo(Formats.MISSING);
    }

    @Test
    void intervalsOfWrittenEndsFollowTheStyle() {
        assertThat(Formats.ci("14.8", "NR", CiStyle.PAREN_DASH)).isEqualTo("(14.8\u2013NR)");
        assertThat(Formats.ci("-1.0", "NR", CiStyle.PAREN_DASH)).isEqualTo("(-1.0 to NR)");
        assertThat(Formats.ci("14.8", "NR", CiStyle.BRACKETS)).isEqualTo("[14.8, NR]");
    }

    @Test
    void journalPValuesInRunningTextNeverReadPEqualsLessThan() {
        assertThat(Formats.pEquals("p", Formats.pJournal(0.0004))).isEqualTo("p < 0.001");
        assertThat(Formats.pEquals("Fisher exact p", Formats.pJournal(0.003633))).isEqualTo("Fisher exact p = 0.004");
        assertThat(Formats.pEquals("p", Formats.pJournal(0.178))).isEqualTo("p = 0.18");
        assertThat(Formats.pEquals("p", Formats.pJournal(null))).isEqualTo("p not estimable");
    }

    @Test
    void compactWritesHugeAndInfiniteEndsNarrowly() {
        assertThat(Formats.compact(1.2345, 2)).isEqualTo("1.23");
        assertThat(Formats.compact(999_999.4, 2)).isEqualTo("999999.40");
        assertThat(Formats.compact(1e6, 2)).isEqualTo("1.00e+06");
        assertThat(Formats.compact(9.7693569e84, 2)).isEqualTo("9.77e+84");
        assertThat(Formats.compact(-2.5e7, 2)).isEqualTo("-2.50e+07");
        assertThat(Formats.compact(Double.POSITIVE_INFINITY, 2)).isEqualTo("Inf");
        assertThat(Formats.compact(Double.NEGATIVE_INFINITY, 2)).isEqualTo("-Inf");
        assertThat(Formats.compact(Double.NaN, 2)).isEqualTo(Formats.MISSING);
        assertThat(Formats.compact(1e-300, 2)).isEqualTo("0.00");
        assertThat(Formats.ciCompact(0.0, Double.POSITIVE_INFINITY, 2, CiStyle.BRACKETS)).isEqualTo("[0.00, Inf]");
        assertThat(Formats.ciCompact(0.5, 3e9, 2, CiStyle.PAREN_DASH)).isEqualTo("(0.50\u20133.00e+09)");
        assertThat(Formats.ciCompact(Double.NaN, 1, 2, CiStyle.BRACKETS)).isEqualTo(Formats.MISSING);
    }
}
