package org.trialmeta.present;

import org.trialmeta.repository.CsvCells;

import java.util.List;
import java.util.stream.Collectors;
import org.trialmeta.stats.survival.ReconstructedIpd;

/** The text forms of {@code reconstruct}'s results: the report, the patient-data CSV and the repairs CSV. */
public final class ReconstructText {

    private ReconstructText() {}

    /** What {@code reconstruct --format table} prints. */
    public static String render(ReconstructSummary s) {
        String pct = Formats.level(s.level()) + "%";
        StringBuilder sb = new StringBuilder("Patient data reconstructed from the digitised curves (Guyot et al. 2012):"
                + " " + s.n() + " patients (" + s.events() + " events, " + s.censored() + " censored) written to "
                + s.out() + "\n\n");
        TextTable t = new TextTable("arm", ">n", ">events", ">median (" + pct + " CI)",
                ">RMST to " + (s.rmstTau() == null ? Formats.MISSING : Formats.general(s.rmstTau())) + " (SE)",
                "scale", "clicks");
        for (ReconstructSummary.Arm a : s.arms()) {
            t.row(a.arm(), a.n(), a.events(), time(a.median()) + (a.median() == null ? "" : " (" + time(a.medianLower())
                    + " to " + time(a.medianUpper()) + ")"), Formats.significant(a.rmst(), 4) + " ("
                    + Formats.significant(a.rmstSe(), 3) + ")", a.scale() + (a.scaleDetected() ? " (detected)" : ""),
                    a.clicks() + (a.clicksDetected() ? " (detected)" : ""));
        }
        sb.append(t.render()).append(Formats.MISSING_MEANING).append(" (a median not reached)\n");
        for (ReconstructSummary.Arm a : s.arms()) {
            sb.append("Clicks").append(a.arm().isEmpty() ? "" : " " + a.arm()).append(": ").append(a.clicks())
                    .append(", ").append(a.clicksReason()).append('\n');
        }
        for (ReconstructSummary.Arm a : s.arms()) {
            if (a.reportedMedian() != null) {
                sb.append("Reported median ").append(a.arm()).append(": ").append(reported(a.reportedMedian()))
                        .append("; reconstructed minus reported ").append(time(a.medianDifference()))
                        .append('\n');
            }
        }
        ReconstructSummary.Comparison c = s.comparison();
        if (c != null) {
            sb.append("\nHazard ratio ").append(c.first()).append(" vs ").append(c.second())
                    .append(" (Cox, Efron ties): ").append(Formats.significant(c.hazardRatio(), 3)).append(" (")
                    .append(pct).append(" CI ").append(Formats.ciSignificant(nan(c.lower()), nan(c.upper()), 3,
                            CiStyle.TO)).append("); log-rank chisq = ").append(Formats.general(c.logrankChisq()))
                    .append(" on 1 df, ").append(Formats.pEquals("p", Formats.p(c.logrankP()))).append('\n');
            if (c.reportedHazardRatio() != null) {
                sb.append("Reported HR ").append(reported(c.reportedHazardRatio())).append("; reconstructed/reported ")
                        .append(Formats.fixed(c.ratioToReported(), 3)).append(" (log HR difference ")
                        .append(Formats.fixed(c.logHrDifference(), 3)).append(c.withinReportedCi() == null ? ""
                        : c.withinReportedCi() ? ", within the reported interval" : ", OUTSIDE the reported interval")
                        .append(")\n");
            }
        }
        if (s.bootstrap() != null) {
            bootstrap(sb, s.bootstrap(), pct);
        }
        repairs(sb, s);
        return sb.toString();
    }

    private static void bootstrap(StringBuilder sb, ReconstructSummary.Bootstrap b, String pct) {
        sb.append("\nBootstrap, ").append(b.replicates()).append(" replicates (seed ").append(b.seed())
                .append("; points perturbed with SD ").append(Formats.general(b.survivalSd())).append(" in survival and ")
                .append(Formats.general(100 * b.timeSdFraction())).append("% of the last time): ").append(pct)
                .append(" percentile intervals [digitisation alone]\n");
        TextTable t = new TextTable("arm", ">median", ">RMST", ">not reached");
        for (ReconstructSummary.BootstrapArm a : b.arms()) {
            t.row(a.arm(), ends(a.medianLower(), a.medianUpper()) + " [" + ends(a.medianDigitisationLower(),
                    a.medianDigitisationUpper()) + "]", ends(a.rmstLower(), a.rmstUpper()) + " ["
                    + ends(a.rmstDigitisationLower(), a.rmstDigitisationUpper()) + "]", a.medianNotReached());
        }
        sb.append(t.render());
        if (b.hazardRatioLower() != null) {
            sb.append("HR ").append(ends(b.hazardRatioLower(), b.hazardRatioUpper(), 3)).append(" [")
                    .append(ends(b.hazardRatioDigitisationLower(), b.hazardRatioDigitisationUpper(), 3)).append("]")
                    .append(b.hazardRatioFailed() > 0 ? "; " + b.hazardRatioFailed() + " replicates without a finite HR"
                            : "").append('\n');
        }
    }

    private static void repairs(StringBuilder sb, ReconstructSummary s) {
        boolean any = s.arms().stream().anyMatch(a -> !a.repairs().isEmpty());
        if (!any) {
            sb.append("\nRepairs: none needed\n");
            return;
        }
        sb.append("\nRepairs (each point is listed in the JSON output and by --repairs FILE.csv; --strict refuses them"
                + " instead):\n");
        for (ReconstructSummary.Arm a : s.arms()) {
            for (ReconstructSummary.RepairEntry r : a.repairs()) {
                List<String> lines = r.points().stream().filter(p -> p.line() != null).map(p -> p.line().toString())
                        .distinct().toList();
                sb.append("  ").append(a.arm()).append(": ").append(r.file())
                        .append(lines.isEmpty() ? "" : " line" + (lines.size() > 1 ? "s " : " ") + abbreviate(lines))
                        .append(": ").append(r.description()).append('\n');
            }
        }
    }

    private static String abbreviate(List<String> lines) {
        int max = 8;
        return lines.size() <= max ? String.join(", ", lines)
                : String.join(", ", lines.subList(0, max)) + ", ... (" + lines.size() + " lines)";
    }

    private static String reported(ReconstructSummary.Reported r) {
        String est = r.estimate() == null ? "NR" : Formats.general(r.estimate());
        return r.lower() == null ? est : est + " (" + Formats.general(r.lower()) + " to "
                + (r.upper() == null ? "NR" : Formats.general(r.upper())) + ")";
    }

    /** Bootstrap interval ends (interpolated quantiles): 4 significant digits. */
    private static String ends(Double lo, Double hi) {
        return Formats.significant(lo, 4) + " to " + Formats.significant(hi, 4);
    }

    /** A time (median, interval end, difference) as digitised: up to 6 significant digits, NE when null. */
    private static String time(Double v) {
        return v == null ? Formats.MISSING : Formats.general(v);
    }

    private static String ends(Double lo, Double hi, int digits) {
        return Formats.fixed(lo, digits) + " to " + Formats.fixed(hi, digits);
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }

    /**
     * The patient data as {@code reconstruct --out} writes them: columns {@code time,event} (1 = event, 0 =
     * censored) for one curve, {@code arm,time,event} for several; one row per patient in time order per arm, times
     * at full precision (the shortest decimal that reads back as the same double, as in JSON), so that {@code km} on
     * the file reproduces the reconstruction exactly.
     */
    public static String ipdCsv(List<String> arms, List<ReconstructedIpd> ipds) {
        boolean named = arms.size() > 1;
        StringBuilder csv = new StringBuilder(named ? "arm,time,event\n" : "time,event\n");
        for (int a = 0; a < ipds.size(); a++) {
            double[] t = ipds.get(a).time();
            int[] e = ipds.get(a).event();
            String prefix = named ? CsvCells.field(arms.get(a)) + "," : "";
            for (int i = 0; i < t.length; i++) {
                csv.append(prefix).append(Double.toString(t[i])).append(',').append(e[i]).append('\n');
            }
        }
        return csv.toString();
    }

    /** One curve's patient data, columns {@code time,event}. */
    public static String ipdCsv(ReconstructedIpd ipd) {
        return ipdCsv(List.of(""), List.of(ipd));
    }

    /**
     * The repairs, one row per point touched ({@code --repairs FILE.csv}): {@code arm,repair,file,line,time,value,
     * new_time,new_value,description}; empty cells where a value does not apply (an inserted point has no line, a
     * removed one no new values, a repair of the whole file such as the scale no point).
     */
    public static String repairsCsv(ReconstructSummary s) {
        StringBuilder csv = new StringBuilder("arm,repair,file,line,time,value,new_time,new_value,description\n");
        for (ReconstructSummary.Arm a : s.arms()) {
            for (ReconstructSummary.RepairEntry r : a.repairs()) {
                String head = CsvCells.field(a.arm()) + "," + r.repair() + "," + CsvCells.field(r.file()) + ",";
                String tail = "," + CsvCells.field(r.description()) + "\n";
                if (r.points().isEmpty()) {
                    csv.append(head).append(",,,,").append(tail);
                }
                for (ReconstructSummary.Point p : r.points()) {
                    csv.append(head).append(List.of(cell(p.line()), cell(p.time()), cell(p.value()), cell(p.newTime()),
                            cell(p.newValue())).stream().collect(Collectors.joining(","))).append(tail);
                }
            }
        }
        return csv.toString();
    }

    private static String cell(Object v) {
        return v == null ? "" : v.toString();
    }
}
