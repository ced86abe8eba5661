package org.trialmeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Writes example figures into target/figure-demo/ for looking at (and checks they were written). */
class RenderDemoTest {

    static final Path OUT = Path.of("target", "figure-demo");

    @Test
    void writesDemoFigures() {
        var all = EnumSet.allOf(FigureWriter.Format.class);
        FigureWriter.write(new ForestPlot(SampleFigures.forest(1, false)), OUT, "forest-1", all);
        FigureWriter.write(new ForestPlot(SampleFigures.forest(8, false)), OUT, "forest-8", all);
        FigureWriter.write(new ForestPlot(SampleFigures.forest(60, true)), OUT, "forest-60-long", all);
        FigureWriter.write(new ForestPlot(SampleFigures.subgroups()), OUT, "forest-subgroups", all);
        FigureWriter.write(new ForestPlot(SampleFigures.forest(20, true), FigureStyle.JOURNAL_COLUMN), OUT,
                "forest-20-long-column", all);
        FigureWriter.write(new ForestPlot(SampleFigures.forest(8, false), FigureStyle.JOURNAL_COLUMN), OUT, "forest-8-column", all);
        FigureWriter.write(new ForestPlot(SampleFigures.forest(8, false), FigureStyle.SLIDE), OUT, "forest-8-slide", all);
        FigureWriter.write(new SurvivalPlot(SampleFigures.km()), OUT, "km-2-groups", all);
        FigureWriter.write(new SurvivalPlot(SampleFigures.km(), FigureStyle.JOURNAL_COLUMN), OUT, "km-2-groups-column", all);
        FigureWriter.write(new MedianChart(SampleFigures.medians()), OUT, "medians", all);
        FigureWriter.write(new BarChart(SampleFigures.bars()), OUT, "mc38-bars", all);
        FigureWriter.write(new BarChart(SampleFigures.bars(), FigureStyle.JOURNAL_COLUMN), OUT, "mc38-bars-column", all);
        assertThat(Files.exists(OUT.resolve("forest-60-long.png"))).isTrue();
    }
}
