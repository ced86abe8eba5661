package org.trialmeta.report;

import java.util.ArrayList;
import java.util.List;
import org.trialmeta.analysis.CurveSet;
import org.trialmeta.analysis.SurvivalCurveAnalysis;
import org.trialmeta.present.CiStyle;
import org.trialmeta.present.Escape;
import org.trialmeta.present.Formats;
import org.trialmeta.present.ReconstructSummary;
import org.trialmeta.present.SurvivalCurvesSummary;
import org.trialmeta.present.SurvivalCurvesSummary.Curve;
import org.trialmeta.present.SurvivalCurvesSummary.FigureSet;
import org.trialmeta.present.SurvivalCurvesSummary.Reported;
import org.trialmeta.stats.survival.KaplanMeierCurve;

/**
 * The report's survival-curves section when trial files hold digitised curves: one Kaplan-Meier figure per trial,
 * endpoint, subgroup and cut (the curves reconstructed from the figure, numbers at risk, medians, HR), a caption
 * citing the source figure and the digitisation, and a table of reconstructed against reported medians and hazard
 * ratios. Every reconstructed number is labelled as such ({@link SurvivalCurvesSummary#LABEL}).
 */
final class SurvivalCurvesSection {

    /** Id of the table (files {@code tables/ID.csv} ...). */
    static final String TABLE_ID = "reconstructed-curves";

    private SurvivalCurvesSection() {}

    /** A figure of the section: base name, caption, data. */
    record KmFigure(String name, String caption, SurvivalPlotData data) {}

    /** One figure per set of curves, in the order of the summary. */
    static List<KmFigure> figures(SurvivalCurveAnalysis.Result result, SurvivalCurvesSummary summary) {
        List<KmFigure> out = new ArrayList<>();
        for (int i = 0; i < result.sets().size(); i++) {
            CurveSet set = result.sets().get(i);
            FigureSet s = summary.figures().get(i);
            List<String> labels = new ArrayList<>();
            List<KaplanMeierCurve> kms = new ArrayList<>();
            for (int g = 0; g < set.arms().size(); g++) {
                labels.add(set.arms().get(g).armName());
                kms.add(set.fit().arms().get(g).km());
            }
            SurvivalPlotData d = KaplanMeierFigure.data("", endpointName(s.endpoint()) + " (reconstructed)", s.unit(),
                    labels, kms);
            List<String> notes = new ArrayList<>(d.footnotes());
            notes.add("Derived: patient data reconstructed from the digitised published curves (Guyot et al. 2012);"
                    + " not the published curves.");
            notes.add(mediansLine(s));
            if (s.reconstruction().comparison() != null) {
                notes.add(hrLine(s));
            }
            d = new SurvivalPlotData(d.title(), d.xLabel(), d.timeUnit(), d.yLabel(), d.groups(), d.tickTimes(),
                    d.showCi(), true, d.percent(), notes);
            String name = FileNames.of("km-" + s.trial() + "-" + s.endpoint().toLowerCase(java.util.Locale.ROOT) + "-"
                    + s.subgroup() + "-" + s.cut());
            out.add(new KmFigure(name, caption(s), d));
        }
        return out;
    }

    static String endpointName(String endpoint) {
        return switch (endpoint) {
            case "OS" -> "Overall survival";
            case "PFS" -> "Progression-free survival";
            case "DOR" -> "Duration of response";
            case "TTP" -> "Time to progression";
            case "EFS" -> "Event-free survival";
            default -> endpoint;
        };
    }

    private static int digits(String unit) {
        return unit.equals("days") ? 0 : 1;
    }

    /** "270 (212–310)", "NR", "426 (348–NR)". */
    private static String median(Double m, Double lo, Double hi, int digits) {
        if (m == null) {
            return "NR";
        }
        if (lo == null && hi == null) {
            return Formats.fixed(m, digits);
        }
        return Formats.fixed(m, digits) + " " + Formats.ci(lo == null ? "NE" : Formats.fixed(lo, digits),
                hi == null ? "NR" : Formats.fixed(hi, digits), CiStyle.PAREN_DASH);
    }

    private static String mediansLine(FigureSet s) {
        List<String> parts = new ArrayList<>();
        for (int g = 0; g < s.curves().size(); g++) {
            ReconstructSummary.Arm a = s.reconstruction().arms().get(g);
            parts.add(s.curves().get(g).armName() + " " + median(a.median(), a.medianLower(), a.medianUpper(),
                    digits(s.unit())));
        }
        return "Reconstructed median " + s.unit() + " (95% CI): " + String.join("; ", parts) + ".";
    }

    private static String armName(FigureSet s, String arm) {
        return s.curves().stream().filter(c -> c.arm().equals(arm)).findFirst().map(Curve::armName).orElse(arm);
    }

    private static String hrLine(FigureSet s) {
        ReconstructSummary.Comparison c = s.reconstruction().comparison();
        return "Reconstructed HR " + armName(s, c.first()) + " vs " + armName(s, c.second()) + " (reference: "
                + s.referenceRule() + ") " + Formats.estimateCi(c.hazardRatio(), c.lower(), c.upper(), 2,
                        CiStyle.PAREN_DASH) + "; log-rank " + Formats.pEquals("p", Formats.p(c.logrankP())) + ".";
    }

    private static String caption(FigureSet s) {
        StringBuilder b = new StringBuilder();
        b.append(endpointName(s.endpoint())).append(", ").append(s.trialName()).append(", ").append(s.subgroupName())
                .append(", ").append(s.cutLabel()).append(": Kaplan-Meier curves ").append(SurvivalCurvesSummary.LABEL)
                .append(" (status ").append(SurvivalCurvesSummary.STATUS).append("). ");
        List<String> read = new ArrayList<>();
        for (Curve c : s.curves()) {
            read.add(c.armName() + ": " + c.source() + ", " + c.locator() + " (" + c.status() + "), digitised by "
                    + c.digitisedBy() + " with " + c.tool() + " on " + c.date());
        }
        b.append("Read from ").append(String.join("; ", read)).append(". ").append(mediansLine(s));
        if (s.reconstruction().comparison() != null) {
            b.append(' ').append(hrLine(s));
        }
        return b.toString();
    }

    /** Reconstructed against reported, one row per arm. */
    static Table table(SurvivalCurvesSummary summary) {
        List<List<String>> rows = new ArrayList<>();
        for (FigureSet s : summary.figures()) {
            int digits = digits(s.unit());
            ReconstructSummary.Comparison c = s.reconstruction().comparison();
            for (int g = 0; g < s.curves().size(); g++) {
                Curve cu = s.curves().get(g);
                ReconstructSummary.Arm a = s.reconstruction().arms().get(g);
                Reported rm = cu.reportedMedian();
                boolean compared = c != null && g == 0;
                rows.add(List.of(s.trialName(), s.endpoint(), s.subgroupName(), s.cutLabel(), cu.armName()
                                + (c != null && g == 1 ? " (reference)" : ""),
                        a.n() + " / " + a.events(),
                        median(a.median(), a.medianLower(), a.medianUpper(), digits) + " " + s.unit(),
                        rm == null ? "not in the trial file" : median(rm.estimate(), rm.lower(), rm.upper(), digits)
                                + " " + s.unit() + " [" + rm.status() + ", " + rm.source() + "]",
                        compared ? Formats.estimateCi(c.hazardRatio(), c.lower(), c.upper(), 2, CiStyle.PAREN_DASH)
                                + " vs " + armName(s, c.second()) + "; log-rank " + Formats.pEquals("p",
                                        Formats.p(c.logrankP())) : "",
                        compared ? reportedHr(s) : "",
                        cu.source() + ", " + cu.locator() + " (" + cu.status() + ")",
                        cu.digitisedBy() + ", " + cu.tool() + ", " + cu.date(),
                        a.repairs().isEmpty() ? "none" : a.repairs().size() + " (" + String.join(", ", a.repairs()
                                .stream().map(ReconstructSummary.RepairEntry::repair).distinct().toList()) + ")"));
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("Reconstructed: " + SurvivalCurvesSummary.LABEL + ", status " + SurvivalCurvesSummary.STATUS + "; "
                + SurvivalCurvesSummary.METHOD + ".");
        notes.add("Reported: the trial file's median and hazard ratio of the same arm, endpoint, subgroup and cut, with"
                + " their own status and source; NR = not reached.");
        notes.add("HR: the first arm's hazard over the reference arm's (the arm marked control, else the first arm"
                + " listed in the trial file); a reported HR given the other way round is inverted.");
        return new Table(TABLE_ID, "Survival curves: reconstructed from digitised figures vs reported",
                List.of("Trial", "Endpoint", "Subgroup", "Analysis cut", "Arm", "n / events (reconstructed)",
                        "Median, reconstructed (95% CI)", "Median, reported (95% CI) [status, source]",
                        "HR, reconstructed (95% CI)", "HR, reported (95% CI) [status, source]", "Figure",
                        "Digitised by, tool, date", "Repairs"), rows, notes);
    }

    private static String reportedHr(FigureSet s) {
        Reported r = s.reportedHr();
        if (r == null) {
            return "not in the trial file";
        }
        return Formats.estimateCi(r.estimate(), r.lower(), r.upper(), 2, CiStyle.PAREN_DASH)
                + (s.reportedHrFlipped() ? " (inverted from the trial file's)" : "") + " [" + r.status() + ", "
                + r.source() + "]";
    }

    /** The section's HTML below its heading and marker: what it shows, links to the figures, the table. */
    static String html(SurvivalCurvesSummary summary, List<KmFigure> figures, Table table) {
        StringBuilder h = new StringBuilder();
        h.append("<p>Kaplan-Meier curves ").append(Escape.html(SurvivalCurvesSummary.LABEL)).append(": ")
                .append(Escape.html(SurvivalCurvesSummary.METHOD)).append(". Every reconstructed number has status <strong>")
                .append(Escape.html(SurvivalCurvesSummary.STATUS)).append("</strong>; the reported figures stand beside"
                + " them with their own status. Figures:</p>\n<ul>\n");
        for (KmFigure f : figures) {
            h.append("<li><a href=\"#fig-").append(Escape.html(f.name())).append("\">").append(Escape.html(f.caption()))
                    .append("</a></li>\n");
        }
        h.append("</ul>\n").append(TableWriter.htmlFragment(table)).append("<p class=\"downloads\">Download: ");
        String base = "tables/" + TABLE_ID;
        h.append("<a href=\"").append(base).append(".csv\" download>CSV</a> \u00b7 <a href=\"").append(base)
                .append(".md\" download>MD</a> \u00b7 <a href=\"").append(base).append(".html\" download>HTML</a> \u00b7 <a href=\"")
                .append(base).append(".docx\" download>DOCX</a> \u00b7 <a href=\"survival-curves.json\" download>JSON</a></p>\n");
        if (!summary.excluded().isEmpty()) {
            h.append("<p>Curves left out:</p>\n<ul>\n");
            for (String e : summary.excluded()) {
                h.append("<li>").append(Escape.html(e)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        return h.toString();
    }
}
