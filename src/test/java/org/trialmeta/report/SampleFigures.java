package org.trialmeta.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.trialmeta.report.ForestPlotData.Columns;
import org.trialmeta.report.ForestPlotData.Header;
import org.trialmeta.report.ForestPlotData.Pooled;
import org.trialmeta.report.ForestPlotData.PooledKind;
import org.trialmeta.report.ForestPlotData.Study;
import org.trialmeta.report.ForestPlotData.Text;

/** Example inputs for the figure tests and the demo (seeded, so every run is the same). */
final class SampleFigures {

    private SampleFigures() {}

    static final String HET = "Heterogeneity: \u03c4\u00b2 = 0.03; I\u00b2 = 12%; Q = 2.3 (df = 1), p = 0.13";
    static final String DAGGER_NOTE = "\u2020 unverified figure (vendor guide only)";

    /** n studies with seeded random counts; long labels when {@code longLabels}. */
    static ForestPlotData forest(int n, boolean longLabels) {
        Random rnd = new Random(42 + n);
        var b = ForestPlotData.builder()
                .title("Objective response, KRAS-mutant vs wild-type")
                .effectLabel("Odds ratio (KRAS-mutant vs wild-type)")
                .scale(AxisScale.LOG)
                .favours("wild-type", "KRAS-mutant")
                .columns(new Columns("Study", "Subgroup", List.of("KRAS-mutant\nevents/total", "Wild-type\nevents/total"),
                        "OR [95% CI]", "Weight"))
                .footnote(DAGGER_NOTE)
                .footnote("Squares: study odds ratios, area proportional to the random-effects weight.");
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 1 + rnd.nextInt(40);
            sum += w[i];
        }
        List<Study> studies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int n1 = 10 + rnd.nextInt(200);
            int n2 = 10 + rnd.nextInt(200);
            int e1 = rnd.nextInt(n1 + 1);
            int e2 = rnd.nextInt(n2 + 1);
            double logOr = rnd.nextGaussian() * 0.6;
            double se = 0.15 + rnd.nextDouble() * (i % 7 == 3 ? 2.5 : 0.6);
            String label = longLabels
                    ? String.format(Locale.ROOT, "RAMP %d (avutometinib + defactinib, phase %d) %d", 200 + i, 1 + i % 3, 2018 + i % 7)
                    : String.format(Locale.ROOT, "Trial %d", i + 1);
            Study s = Study.of(label, List.of(e1 + "/" + n1, e2 + "/" + n2), Math.exp(logOr),
                    Math.exp(logOr - 1.96 * se), Math.exp(logOr + 1.96 * se), 100 * w[i] / sum);
            if (i % 5 == 2) {
                s = s.withMarker("\u2020");
            }
            studies.add(s);
        }
        b.rows(studies);
        b.row(Pooled.of("Common-effect model", PooledKind.FIXED, 0.91, 0.75, 1.10).withWeight(100.0));
        b.row(Pooled.of("Random-effects model", PooledKind.RANDOM, 0.88, 0.66, 1.17).withWeight(100.0)
                .withPrediction(0.35, 2.20));
        b.row(new Text(HET));
        return b.build();
    }

    /** Subgrouped ORR-style plot with subgroup diamonds and the subgroup-difference test. */
    static ForestPlotData subgroups() {
        var b = ForestPlotData.builder()
                .title("Objective response rate by KRAS status")
                .effectLabel("Objective response rate")
                .scale(AxisScale.LINEAR)
                .nullValue(0)
                .noNullLine()
                .axisLimits(0, 1)
                .digits(2)
                .columns(new Columns("Study", "", List.of("Responders/\nevaluable"), "ORR [95% CI]", "Weight"));
        b.row(new Header("KRAS-mutant"));
        b.row(Study.of("RAMP 201", List.of("25/57"), 0.44, 0.31, 0.58, 55.0).withMarker("\u2020"));
        b.row(Study.of("FRAME", List.of("4/6"), 0.67, 0.22, 0.96, 45.0));
        b.row(new Pooled("Subtotal", new ForestPlotData.Estimate(0.50, 0.36, 0.64), PooledKind.SUBGROUP, 100.0,
                java.util.Optional.empty()));
        b.row(new Text("Heterogeneity: \u03c4\u00b2 = 0; I\u00b2 = 0%; p = 0.31"));
        b.row(new Header("KRAS wild-type"));
        b.row(Study.of("RAMP 201", List.of("4/37"), 0.11, 0.03, 0.25, 60.0));
        b.row(Study.of("FRAME", List.of("1/8"), 0.125, 0.003, 0.53, 40.0));
        b.row(Study.notEstimable("ENGOT-ov60", List.of("0/0")));
        b.row(new Pooled("Subtotal", new ForestPlotData.Estimate(0.11, 0.05, 0.22), PooledKind.SUBGROUP, 100.0,
                java.util.Optional.empty()));
        b.row(new Text("Test for subgroup differences: \u03c7\u00b2 = 14.2, df = 1 (p < 0.001)"));
        b.footnote(DAGGER_NOTE);
        return b.build();
    }

    /** Two exponential-ish KM curves with CIs, censoring and at-risk counts at 0, 6, …, 36 months. */
    static SurvivalPlotData km() {
        double[] ticks = {0, 6, 12, 18, 24, 30, 36};
        return new SurvivalPlotData("Progression-free survival by KRAS status", "Time since start of treatment", "months",
                "Progression-free survival", List.of(kmGroup("KRAS-mutant", 57, 0.08, 1, ticks),
                        kmGroup("KRAS wild-type", 37, 0.16, 2, ticks)),
                ticks, true, true, true, List.of("Shaded: pointwise 95% CI (log-log). + censored."));
    }

    static SurvivalPlotData.Group kmGroup(String name, int n, double hazard, long seed, double[] ticks) {
        Random rnd = new Random(seed);
        double[] ev = new double[n];
        boolean[] cens = new boolean[n];
        for (int i = 0; i < n; i++) {
            double t = -Math.log(rnd.nextDouble()) / hazard;
            double c = rnd.nextDouble() * 40;
            ev[i] = Math.min(t, c);
            cens[i] = c < t;
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(ev[a], ev[b]));
        List<Double> t = new ArrayList<>(), s = new ArrayList<>(), lo = new ArrayList<>(), hi = new ArrayList<>();
        List<Double> censored = new ArrayList<>();
        double surv = 1;
        double var = 0;
        int atRisk = n;
        for (int k : idx) {
            if (cens[k]) {
                censored.add(ev[k]);
            } else {
                surv *= 1 - 1.0 / atRisk;
                var += atRisk > 1 ? 1.0 / (atRisk * (atRisk - 1.0)) : 0;
                double se = Math.sqrt(var);
                t.add(ev[k]);
                s.add(surv);
                lo.add(surv == 0 ? 0 : Math.max(0, Math.min(1, surv * Math.exp(-1.96 * se))));
                hi.add(surv == 0 ? 0 : Math.min(1, surv * Math.exp(1.96 * se)));
            }
            atRisk--;
        }
        int[] risk = new int[ticks.length];
        for (int j = 0; j < ticks.length; j++) {
            int c = 0;
            for (double e : ev) if (e >= ticks[j]) c++;
            risk[j] = c;
        }
        return new SurvivalPlotData.Group(name, t.stream().mapToDouble(Double::doubleValue).toArray(),
                s.stream().mapToDouble(Double::doubleValue).toArray(), lo.stream().mapToDouble(Double::doubleValue).toArray(),
                hi.stream().mapToDouble(Double::doubleValue).toArray(),
                censored.stream().mapToDouble(Double::doubleValue).toArray(), risk);
    }

    /** Medians by trial and subgroup, with every state. */
    static MedianChartData medians() {
        var cols = new MedianChartData.Columns("Trial", List.of("n"), "Median PFS\n[95% CI]");
        return new MedianChartData("Median progression-free survival by KRAS status", "Median PFS (months)", cols, List.of(
                new MedianChartData.Header("KRAS-mutant"),
                MedianChartData.Entry.reported("RAMP 201", List.of("57"), 22.0, 11.1, 36.6).withMarker("\u2020"),
                MedianChartData.Entry.reported("FRAME", List.of("6"), 23.0, 5.5, null).withUpperNotReached(),
                MedianChartData.Entry.notReached("ENGOT-ov60 (long label of an expansion cohort)", List.of("12"), 9.4),
                new MedianChartData.Header("KRAS wild-type"),
                MedianChartData.Entry.reported("RAMP 201", List.of("37"), 12.8, 7.4, 18.4),
                MedianChartData.Entry.reported("FRAME", List.of("8"), 5.6, null, null),
                MedianChartData.Entry.notReached("Pilot", List.of("4"), null),
                MedianChartData.Entry.notReported("ENGOT-ov60", List.of("9"))),
                List.of(DAGGER_NOTE, "NR: not reached."), java.util.Optional.empty(), 1);
    }

    /** MC38 median survival per arm with increase-in-lifespan annotations. */
    static BarChartData bars() {
        return new BarChartData("MC38 syngeneic model: median survival", "Median survival (days)", List.of(
                BarChartData.Bar.reference("Vehicle", 21),
                BarChartData.Bar.of("Avutometinib 0.3\u00a0mg/kg", 28, "+33% vs vehicle"),
                BarChartData.Bar.of("Anti-PD-1 10\u00a0mg/kg", 30, "+43% vs vehicle"),
                new BarChartData.Bar("Avutometinib + anti-PD-1 combination", 42, "\u2265 42 (NR)", "+100% vs vehicle", false)),
                List.of("Increase in lifespan = (median treated \u2212 median vehicle) / median vehicle."), 0,
                java.util.Optional.empty());
    }
}
