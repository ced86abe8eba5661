package org.trialmeta.present;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The formatter's methods added for orr-diff and the report: ratios, infinite ends, intervals of written ends. */
class FormatsTest {

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
}
