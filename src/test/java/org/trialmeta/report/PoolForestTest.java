package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trialmeta.analysis.PoolFit;
import org.trialmeta.analysis.PoolInput;
import org.trialmeta.analysis.PoolMethod;
import org.trialmeta.analysis.PoolSettings;
import org.trialmeta.present.JournalStyle;
import org.trialmeta.present.PoolSummary;
import org.trialmeta.repository.CsvTable;
import org.trialmeta.stats.meta.EffectMeasure;
import org.trialmeta.stats.meta.TestType;

/**
 * The forest plots of {@code forest}: every style's wording, the numbers of the pool summary (one computation), no
 * overlapping text from 1 to 150 studies and with 60-character labels, and editable, reproducible PPTX.
 */
class PoolForestTest {

    private static final String[] LABELS = {"BCG", "Control"};

    private static ForestPlotData data(CsvTable t, EffectMeasure m, PoolMethod method, String subgroupColumn,
            JournalStyle style) {
        PoolInput in = PoolInput.read(t, m);
        String[] groups = subgroupColumn == null ? null : t.strings(subgroupColumn);
        PoolSummary s = PoolSummary.of(PoolFit.of(in, PoolSettings.of(method, TestType.Z, 0.95), groups, t.name()));
        return PoolForest.of(s, in, groups, null, LABELS, new PoolForest.Options(style, "", null, PoolForest.Sort.INPUT,
                Optional.empty(), true));
    }

    private static CsvTable bcg() {
        return CsvTable.read(java.nio.file.Path.of("examples/bcg-vaccine.csv"));
    }

    private static List<String> texts(ForestPlotData d) {
        return d.rows().stream().filter(r -> r instanceof ForestPlotData.Text).map(r -> ((ForestPlotData.Text) r).text())
                .collect(Collectors.toList());
    }

    @Test
    void revman5SaysWhatRevManSays() {
        ForestPlotData d = data(bcg(), EffectMeasure.RR, PoolMethod.DL, "allocation", JournalStyle.REVMAN5);
        assertThat(d.columns().label()).isEqualTo("Study or Subgroup");
        assertThat(d.columns().left()).containsExactly("BCG\nEvents", "\nTotal", "Control\nEvents", "\nTotal");
        assertThat(d.columns().estimate()).isEqualTo("Risk Ratio\nIV, Random, 95% CI");
        List<String> t = texts(d);
        // DL on bcg RR: tau2 0.3088, Q 152.23 on 12 df (metafor rma(method = "DL"); src/test/r/meta.R)
        assertThat(t).contains("Heterogeneity: Tau\u00b2 = 0.31; Chi\u00b2 = 152.23, df = 12 (P < 0.00001); I\u00b2 = 92%")
                .contains("Total events: 1065 (BCG), 1510 (Control)")
                .anyMatch(s -> s.startsWith("Test for overall effect: Z = "))
                .anyMatch(s -> s.startsWith("Test for subgroup differences: Chi\u00b2 = ") && s.contains(", df = 2 (P = "));
        assertThat(d.rows()).filteredOn(r -> r instanceof ForestPlotData.Pooled)
                .extracting(r -> ((ForestPlotData.Pooled) r).label())
                .containsExactly("Subtotal (95% CI)", "Subtotal (95% CI)", "Subtotal (95% CI)", "Total (95% CI)");
    }

    @Test
    void jamaAndBmjWriteCisAndPValuesTheirWay() {
        ForestPlotData jama = data(bcg(), EffectMeasure.RR, PoolMethod.REML, null, JournalStyle.JAMA);
        assertThat(jama.ciStyle()).isEqualTo(org.trialmeta.present.CiStyle.PAREN_DASH);
        assertThat(jama.columns().label()).isEqualTo("Source");
        assertThat(jama.columns().estimate()).isEqualTo("RR (95% CI)");
        assertThat(texts(jama)).anyMatch(s -> s.matches("Heterogeneity: \u03c4\u00b2 = 0\\.\\d\\d; I\u00b2 = \\d+%; P < \\.001"));
        ForestPlotData bmj = data(bcg(), EffectMeasure.OR, PoolMethod.MH, null, JournalStyle.BMJ);
        assertThat(bmj.ciStyle()).isEqualTo(org.trialmeta.present.CiStyle.PAREN_TO);
        assertThat(bmj.columns().left()).containsExactly("BCG\nNo of events/total", "Control\nNo of events/total");
        assertThat(bmj.columns().estimate()).isEqualTo("Odds ratio (95% CI)");
        // a fixed-effect fit: heterogeneity is still shown (The BMJ asks for it), without tau²
        assertThat(texts(bmj)).anyMatch(s -> s.startsWith("Test for heterogeneity: \u03c7\u00b2=") && s.contains("df=12"));
    }

    @Test
    void theDrawnNumbersAreThoseOfThePoolSummary() {
        CsvTable t = bcg();
        PoolInput in = PoolInput.read(t, EffectMeasure.OR);
        PoolSummary s = PoolSummary.of(PoolFit.of(in, PoolSettings.of(PoolMethod.REML, TestType.Z, 0.95), null, "bcg"));
        ForestPlotData d = PoolForest.of(s, in, null, null, LABELS, new PoolForest.Options(JournalStyle.META, "", null,
                PoolForest.Sort.INPUT, Optional.empty(), true));
        List<ForestPlotData.Study> studies = d.rows().stream().filter(r -> r instanceof ForestPlotData.Study)
                .map(r -> (ForestPlotData.Study) r).toList();
        for (int i = 0; i < studies.size(); i++) {
            PoolSummary.StudyTransformed st = s.studies().get(i).transformed();
            assertThat(studies.get(i).effect().orElseThrow().value()).isEqualTo(st.estimate());
            assertThat(studies.get(i).weightPercent()).isEqualTo(s.studies().get(i).weight());
        }
        ForestPlotData.Pooled total = d.rows().stream().filter(r -> r instanceof ForestPlotData.Pooled)
                .map(r -> (ForestPlotData.Pooled) r).reduce((a, b) -> b).orElseThrow();
        assertThat(total.effect().value()).isEqualTo(s.transformed().estimate());
        assertThat(total.prediction().orElseThrow().lower()).isEqualTo(s.transformed().piLower());
        String svg = FigureWriter.svg(new ForestPlot(d));
        assertThat(svg).contains(String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", s.transformed().estimate(),
                s.transformed().ciLower(), s.transformed().ciUpper()));
    }

    @Test
    void noTextOverlapsFromOneTo150StudiesAndWithLongLabels() {
        SplittableRandom rnd = new SplittableRandom(16);
        for (int k : new int[] {1, 5, 40, 150}) {
            for (boolean longLabels : new boolean[] {false, true}) {
                StringBuilder sb = new StringBuilder("study,events_1,total_1,events_2,total_2,group\n");
                for (int i = 0; i < k; i++) {
                    String label = longLabels ? ("Study " + i + " of a multicentre randomised trial in Europe and Asia")
                            .substring(0, 60) : "Study " + i;
                    int n1 = 20 + rnd.nextInt(300);
                    int n2 = 20 + rnd.nextInt(300);
                    sb.append('"').append(label).append("\",").append(1 + rnd.nextInt(n1 - 1)).append(',').append(n1)
                            .append(',').append(1 + rnd.nextInt(n2 - 1)).append(',').append(n2).append(',')
                            .append(i % 3 == 0 ? "A" : "B").append('\n');
                }
                CsvTable t = CsvTable.parse("gen.csv", sb.toString().getBytes(StandardCharsets.UTF_8));
                for (JournalStyle st : JournalStyle.values()) {
                    ForestPlot plot = new ForestPlot(data(t, EffectMeasure.OR, PoolMethod.DL, k > 1 ? "group" : null, st));
                    var l = plot.layout();
                    LayoutAssertions.noOverlapsAndInside(l.texts(), l.width(), l.height());
                }
            }
        }
    }

    @Test
    void pptxIsEditableShapesAndReproducible() throws Exception {
        ForestPlot plot = new ForestPlot(data(bcg(), EffectMeasure.RR, PoolMethod.REML, "allocation", JournalStyle.REVMAN5));
        byte[] a = PptxWriter.pptx(plot, Optional.empty());
        byte[] b = PptxWriter.pptx(plot, Optional.empty());
        assertThat(a).isEqualTo(b);
        try (var ppt = new org.apache.poi.xslf.usermodel.XMLSlideShow(new java.io.ByteArrayInputStream(a))) {
            var shapes = new ArrayList<org.apache.poi.xslf.usermodel.XSLFShape>();
            for (var s : ppt.getSlides().get(0).getShapes()) {
                if (s instanceof org.apache.poi.xslf.usermodel.XSLFGroupShape g) {
                    shapes.addAll(g.getShapes());
                }
            }
            assertThat(shapes).noneMatch(s -> s instanceof org.apache.poi.xslf.usermodel.XSLFPictureShape);
            List<org.apache.poi.xslf.usermodel.XSLFTextBox> boxes = shapes.stream()
                    .filter(s -> s instanceof org.apache.poi.xslf.usermodel.XSLFTextBox)
                    .map(s -> (org.apache.poi.xslf.usermodel.XSLFTextBox) s).toList();
            assertThat(boxes).anyMatch(x -> x.getText().equals("Study or Subgroup"));
            assertThat(boxes).allMatch(x -> x.getTextParagraphs().get(0).getTextRuns().stream()
                    .allMatch(r -> r.getFontSize() != null && r.getFontSize() > 4 && r.getFontSize() < 20));
            assertThat(shapes).anyMatch(s -> s instanceof org.apache.poi.xslf.usermodel.XSLFFreeformShape);
        }
    }
}
