package org.trialmeta.cli;

import org.trialmeta.present.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialmeta.repository.Json;
import org.trialmeta.stats.survival.summary.MedianComparison;
import org.trialmeta.stats.survival.summary.MedianContrast;
import org.trialmeta.stats.survival.summary.ReportedMedian;
import org.trialmeta.stats.survival.summary.SummaryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialmeta median-compare}: difference, ratio and % increase in lifespan of two published medians. */
@Command(name = "median-compare", mixinStandardHelpOptions = true,
        description = {"Compare two published median survival times (treated vs control): difference, ratio and"
                + " percent increase in lifespan ((treated/control - 1) x 100), with CIs when both medians have CIs"
                + " (SE of each log median from its CI width on the log scale, assuming approximate log-normality).",
            "A median may be NR (not reached) or NA (not reported): the contrasts are then not estimable."})
public final class MedianCompareCommand implements Callable<Integer> {

    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--treated", required = true, paramLabel = "MEDIAN|NR|NA", description = "Treated-arm median.")
    String treated;

    @Option(names = "--treated-ci", paramLabel = "LOWER,UPPER", description = "CI of the treated median (UPPER may be NR).")
    String treatedCi;

    @Option(names = "--control", required = true, paramLabel = "MEDIAN|NR|NA", description = "Control-arm median.")
    String control;

    @Option(names = "--control-ci", paramLabel = "LOWER,UPPER", description = "CI of the control median (UPPER may be NR).")
    String controlCi;

    @Option(names = "--ci-level", defaultValue = "95", paramLabel = "PERCENT",
            description = "Level of the reported median CIs in percent (default: ${DEFAULT-VALUE}).")
    double ciLevel;

    @Option(names = "--level", defaultValue = "95", paramLabel = "PERCENT",
            description = "Level of the output CIs in percent (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        double lv = OptionChecks.level("--level", level);
        OptionChecks.level("--ci-level", ciLevel);
        ReportedMedian t = SummaryInputs.median("--treated", treated, treatedCi, ciLevel);
        ReportedMedian c = SummaryInputs.median("--control", control, controlCi, ciLevel);
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(MedianContrast.Measure.DIFFERENCE, MedianComparison.difference(t, c, lv)));
        rows.add(row(MedianContrast.Measure.RATIO, MedianComparison.ratio(t, c, lv)));
        rows.add(row(MedianContrast.Measure.PERCENT_INCREASE_IN_LIFESPAN,
                MedianComparison.percentIncreaseInLifespan(t, c, lv)));
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", lv);
            m.put("contrasts", rows);
            out.print(Json.write(m));
        } else {
            TextTable table = new TextTable("contrast", ">estimate", ">lower", ">upper");
            StringBuilder notes = new StringBuilder();
            for (Map<String, Object> r : rows) {
                boolean ok = r.get("estimable").equals(Boolean.TRUE);
                table.row(r.get("measure"), ok ? num(r.get("estimate")) : "not estimable", num(r.get("lower")),
                        num(r.get("upper")));
                notes.append(r.get("measure")).append(": ")
                        .append(ok ? r.get("method") : "not estimable: " + r.get("reason")).append('\n');
            }
            out.print(table.render());
            out.print("\n" + notes);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String num(Object o) {
        return o == null ? "" : String.format(Locale.ROOT, "%.4g", (Double) o);
    }

    private static Map<String, Object> row(MedianContrast.Measure measure, SummaryResult<MedianContrast> r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measure", measure.name().toLowerCase(Locale.ROOT));
        m.put("estimable", r.isEstimable());
        m.put("estimate", r.value().map(MedianContrast::estimate).orElse(null));
        m.put("lower", r.value().flatMap(MedianContrast::ci).map(i -> i.lower()).orElse(null));
        m.put("upper", r.value().flatMap(MedianContrast::ci).map(i -> i.upper()).orElse(null));
        m.put("method", r.value().map(MedianContrast::method).orElse(null));
        m.put("reason", r instanceof SummaryResult.NotEstimable<MedianContrast> n ? n.reason() : null);
        return m;
    }
}
