package org.trialmeta.present;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The text form of a {@link TwoProportionsSummary}: what {@code orr-diff --format table} prints. */
public final class TwoProportionsText {

    private TwoProportionsText() {}

    /** The groups' rates, the effect measures with their intervals, and the tests. */
    public static String render(TwoProportionsSummary s) {
        String lv = Formats.general(s.level()) + "% CI";
        StringBuilder sb = new StringBuilder();
        TextTable groups = new TextTable("group", ">responders", ">n", ">ORR %", ">" + lv + " (Clopper-Pearson)");
        groups.row(s.label1(), s.group1().responders(), s.group1().n(), ProportionText.points(s.group1().estimate()),
                percentCi(s.group1().lower(), s.group1().upper()));
        groups.row(s.label2(), s.group2().responders(), s.group2().n(), ProportionText.points(s.group2().estimate()),
                percentCi(s.group2().lower(), s.group2().upper()));
        sb.append(groups.render()).append('\n');
        TextTable effects = new TextTable("measure (" + s.label1() + " vs " + s.label2() + ")", ">estimate", ">" + lv);
        for (TwoProportionsSummary.MethodInterval i : s.riskDifference().intervals()) {
            effects.row("risk difference, pp (" + differenceMethod(i.method()) + ")",
                    ProportionText.points(s.riskDifference().estimate()), percentCi(i.lower(), i.upper()));
        }
        ratio(effects, "risk ratio (log CI)", s.riskRatio());
        ratio(effects, "odds ratio (Woolf CI)", s.oddsRatio());
        ratio(effects, "odds ratio (conditional MLE, exact CI)", s.oddsRatioConditional());
        sb.append(effects.render());
        if (List.of(s.riskRatio(), s.oddsRatio(), s.oddsRatioConditional()).stream()
                .anyMatch(TwoProportionsSummary.Ratio::zeroCellCorrection)) {
            sb.append("* a cell is 0: 1/2 added to every cell (as metafor escalc)\n");
        }
        sb.append('\n');
        TextTable tests = new TextTable("test", ">statistic", ">p");
        tests.row("Fisher's exact, two-sided", "", Formats.p(s.fisherPval()));
        tests.row("Pearson chi-square", Formats.fixed(s.chisq().statistic(), 3), Formats.p(s.chisq().pval()));
        tests.row("chi-square, Yates-corrected", Formats.fixed(s.chisqYates().statistic(), 3),
                Formats.p(s.chisqYates().pval()));
        sb.append(tests.render());
        if (Stream.of(s.group1().estimate(), s.group2().estimate(), s.riskDifference().estimate(),
                s.riskRatio().estimate(), s.oddsRatio().estimate(), s.oddsRatioConditional().estimate(), s.fisherPval(),
                s.chisq().statistic(), s.chisqYates().statistic()).anyMatch(Objects::isNull)) {
            sb.append(Formats.MISSING_MEANING).append('\n');
        }
        return sb.toString();
    }

    private static void ratio(TextTable t, String name, TwoProportionsSummary.Ratio r) {
        t.row(name + (r.zeroCellCorrection() ? " *" : ""), r.estimate() == null ? Formats.MISSING : Formats.ratio(r.estimate()),
                r.lower() == null ? Formats.MISSING : Formats.ratioCi(r.lower(), r.upper(), CiStyle.BRACKETS));
    }

    private static String percentCi(Double lower, Double upper) {
        return lower == null || upper == null ? Formats.MISSING
                : Formats.ci(100 * lower, 100 * upper, 1, CiStyle.BRACKETS);
    }

    private static String differenceMethod(String cliName) {
        return switch (cliName) {
            case "newcombe" -> "Newcombe";
            case "mn" -> "Miettinen-Nurminen";
            case "wald" -> "Wald";
            default -> cliName;
        };
    }
}
