package org.trialmeta.stats.survival.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialmeta.stats.Interval;
import org.trialmeta.stats.survival.summary.HazardRatioFromSummary.Favours;
import org.trialmeta.stats.survival.summary.HazardRatioFromSummary.Sides;

/** Published-summary methods against the hand formulas evaluated in R (src/test/r/cox.R, summary.csv). */
class SummaryMethodsTest {

    /** Relative tolerance: the formulas are closed form, only qnorm and rounding differ. */
    private static final double SUMMARY_RELATIVE_TOLERANCE = 1e-12;

    private static final Map<String, Map<String, Double>> R = load();

    private static Map<String, Map<String, Double>> load() {
        try {
            List<String> lines = Files.readAllLines(Path.of("src/test/resources/r/cox/summary.csv"));
            Map<String, Map<String, Double>> out = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                out.computeIfAbsent(c[0], k -> new HashMap<>()).put(c[1], Double.parseDouble(c[2]));
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void close(double actual, String c, String key) {
        assertThat(actual).as(c + " " + key).isCloseTo(R.get(c).get(key), withinPercentage(SUMMARY_RELATIVE_TOLERANCE * 100));
    }

    private static final ReportedMedian TREATED = ReportedMedian.value(11.2, new Interval(9.1, 13.8));
    private static final ReportedMedian CONTROL = ReportedMedian.value(8.3, new Interval(6.9, 10.0));

    @Test
    void medianRatioAndDifferenceMatchHandFormulasInR() {
        MedianContrast ratio = MedianComparison.ratio(TREATED, CONTROL, 0.95).value().orElseThrow();
        close(ratio.estimate(), "medians", "ratio");
        close(ratio.ci().orElseThrow().lower(), "medians", "ratio_lower");
        close(ratio.ci().orElseThrow().upper(), "medians", "ratio_upper");
        assertThat(ratio.method()).contains("log-normality");
        MedianContrast diff = MedianComparison.difference(TREATED, CONTROL, 0.95).value().orElseThrow();
        close(diff.estimate(), "medians", "difference");
        close(diff.ci().orElseThrow().lower(), "medians", "difference_lower");
        close(diff.ci().orElseThrow().upper(), "medians", "difference_upper");
        close(MedianComparison.logMedianStandardError((ReportedMedian.Value) TREATED).orElseThrow(), "medians",
                "se_log_treated");
    }

    @Test
    void exponentialHazardRatioFromMediansMatchesR() {
        LogHazardRatio ci = HazardRatioFromSummary.fromMedianCis(TREATED, CONTROL).value().orElseThrow();
        close(ci.hazardRatio(), "medians", "hr_exp");
        close(ci.hazardRatioCi(0.95).lower(), "medians", "hr_exp_lower_ci");
        close(ci.hazardRatioCi(0.95).upper(), "medians", "hr_exp_upper_ci");
        assertThat(ci.method()).contains("exponential");
        LogHazardRatio ev = HazardRatioFromSummary.fromMediansAndEvents(TREATED, CONTROL, 120, 140).value()
                .orElseThrow();
        close(ev.standardError(), "medians", "hr_exp_se_events");
        close(ev.hazardRatioCi(0.95).lower(), "medians", "hr_exp_lower_events");
        close(ev.hazardRatioCi(0.95).upper(), "medians", "hr_exp_upper_events");
    }

    @Test
    void percentIncreaseInLifespanMatchesR() {
        var ils = MedianComparison.percentIncreaseInLifespan(ReportedMedian.value(34), ReportedMedian.value(21), 0.95)
                .value().orElseThrow();
        close(ils.estimate(), "ils", "percent");
        assertThat(ils.ci()).isEmpty();
        assertThat(ils.method()).contains("no CI");
    }

    @Test
    void tierneyMethodsMatchHandFormulasInR() {
        LogHazardRatio a = HazardRatioFromSummary.fromHazardRatioCi(0.75, new Interval(0.62, 0.91), 0.95);
        close(a.logHr(), "tierney_a", "loghr");
        close(a.variance(), "tierney_a", "var");
        LogHazardRatio b = HazardRatioFromSummary.fromHazardRatioAndP(0.80, 0.03, Sides.TWO_SIDED).value().orElseThrow();
        close(b.logHr(), "tierney_b", "loghr");
        close(b.variance(), "tierney_b", "var");
        LogHazardRatio be = HazardRatioFromSummary.fromHazardRatioAndEvents(0.80, 250, 1);
        close(be.variance(), "tierney_b_events", "var");
        LogHazardRatio bl = HazardRatioFromSummary.fromLogRankP(0.03, Sides.TWO_SIDED, Favours.RESEARCH, 250, 1.0)
                .value().orElseThrow();
        close(bl.logHr(), "tierney_b_events", "loghr");
        close(bl.variance(), "tierney_b_events", "var");
        LogHazardRatio c = HazardRatioFromSummary.fromObservedMinusExpected(-12.5, 60.2);
        close(c.logHr(), "tierney_c", "loghr");
        close(c.variance(), "tierney_c", "var");
        LogHazardRatio d = HazardRatioFromSummary.fromLogRankP(0.01, Sides.TWO_SIDED, Favours.RESEARCH, 180, 2.0)
                .value().orElseThrow();
        close(d.logHr(), "tierney_d", "loghr");
        close(d.variance(), "tierney_d", "var");
        LogHazardRatio da = HazardRatioFromSummary.fromLogRankP(0.01, Sides.TWO_SIDED, Favours.RESEARCH, 100, 80)
                .value().orElseThrow();
        close(da.logHr(), "tierney_d_arms", "loghr");
        close(da.variance(), "tierney_d_arms", "var");
        LogHazardRatio up = HazardRatioFromSummary.fromLogRankP(0.01, Sides.TWO_SIDED, Favours.CONTROL, 100, 80)
                .value().orElseThrow();
        assertThat(up.logHr()).isEqualTo(-da.logHr());
    }

    @Test
    void tierneyWorkedExampleZScoreOfLogRankP() {
        // Tierney 2007 worked example: a two-sided log-rank p of 0.075 corresponds to z = 1.78;
        // with V = 1 the log HR equals -z
        LogHazardRatio r = HazardRatioFromSummary.fromObservedMinusExpected(-1.78, 1);
        LogHazardRatio fromP = HazardRatioFromSummary.fromLogRankP(0.075, Sides.TWO_SIDED, Favours.RESEARCH, 4, 1.0)
                .value().orElseThrow();
        assertThat(fromP.logHr()).isCloseTo(r.logHr(), org.assertj.core.api.Assertions.within(0.005));
    }

    @Test
    void notReachedAndNotReportedPropagateAsNotEstimableWithReason() {
        var nr = MedianComparison.ratio(ReportedMedian.notReached(), CONTROL, 0.95);
        assertThat(nr.isEstimable()).isFalse();
        assertThat(((SummaryResult.NotEstimable<MedianContrast>) nr).reason()).isEqualTo("treated median not reached");
        var nrep = MedianComparison.difference(TREATED, ReportedMedian.notReported(), 0.95);
        assertThat(((SummaryResult.NotEstimable<MedianContrast>) nrep).reason())
                .isEqualTo("control median not reported");
        var hr = HazardRatioFromSummary.fromMediansAndEvents(TREATED, ReportedMedian.notReached(), 10, 10);
        assertThat(hr).isInstanceOf(SummaryResult.NotEstimable.class);
        assertThat(((SummaryResult.NotEstimable<LogHazardRatio>) hr).reason()).isEqualTo("control median not reached");
        var ils = MedianComparison.percentIncreaseInLifespan(ReportedMedian.notReached(), ReportedMedian.value(20), 0.95);
        assertThat(ils.isEstimable()).isFalse();
    }

    @Test
    void medianWithOpenCiGivesPointEstimateWithoutCi() {
        ReportedMedian open = ReportedMedian.value(14.2, new Interval(10.1, Double.POSITIVE_INFINITY));
        var r = MedianComparison.ratio(open, CONTROL, 0.95).value().orElseThrow();
        assertThat(r.ci()).isEmpty();
        assertThat(r.method()).contains("no CI: treated");
        assertThat(HazardRatioFromSummary.fromMedianCis(open, CONTROL).isEstimable()).isFalse();
    }

    @Test
    void invalidInputsNameTheValue() {
        assertThatThrownBy(() -> ReportedMedian.value(5, new Interval(6, 9))).hasMessageContaining("outside its CI");
        assertThatThrownBy(() -> ReportedMedian.value(-1)).hasMessageContaining("median -1.0");
        assertThatThrownBy(() -> HazardRatioFromSummary.fromHazardRatioCi(0.5, new Interval(0.6, 0.9), 0.95))
                .hasMessageContaining("contain HR 0.5");
        assertThatThrownBy(() -> HazardRatioFromSummary.fromHazardRatioAndP(0.8, 0, Sides.TWO_SIDED))
                .hasMessageContaining("p-value 0.0");
    }
}
