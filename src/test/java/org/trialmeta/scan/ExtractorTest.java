package org.trialmeta.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialmeta.model.PValue;

/** The notations journals use, read by {@link Extractor}; and its bounded, linear scan. */
class ExtractorTest {

    private static List<Statistic> all(String text) {
        return Extractor.extract(text).statistics();
    }

    /**
     * The one proportion {@code text} has, with its count, denominator and (unless null) percentage: the text it
     * spans.
     */
    private static String oneProportion(String text, Integer count, int n, Double percent) {
        List<Proportion> ps = of(Proportion.class, text);
        assertThat(ps).as(text).hasSize(1);
        Proportion p = ps.get(0);
        assertThat(p.count()).as(text).isEqualTo(count);
        assertThat(p.n()).as(text).isEqualTo(n);
        if (percent != null) {
            assertThat(p.percent().value()).as(text).isEqualTo(percent);
        }
        return text.substring(p.start(), p.end());
    }

    private static <T extends Statistic> List<T> of(Class<T> type, String text) {
        return all(text).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Ratio ratio(String text) {
        List<Ratio> r = of(Ratio.class, text);
        assertThat(r).as(text).hasSize(1);
        return r.get(0);
    }

    @Test
    void ratiosInEveryJournalStyle() {
        for (String s : List.of("HR 0.72 (95% CI 0.62–0.83; P<0.001)",
                "hazard ratio for death, 0.72; 95% confidence interval [CI], 0.62 to 0.83; P<0.001",
                "(hazard ratio [95% CI], 0.72 [0.62–0.83]; P < 0.001)",
                "HR=0.72; 95%CI:0.62-0.83; p <0.001",
                "HR 0·72, 95% CI 0·62–0·83, p<0·001",
                "HR, 0.72; 95% CI, 0.62‒0.83; P < .001")) {
            Ratio r = ratio(s);
            assertThat(r.measure()).as(s).isEqualTo("HR");
            assertThat(r.estimate().value()).as(s).isEqualTo(0.72);
            assertThat(r.estimate().decimals()).as(s).isEqualTo(2);
            assertThat(r.lower().value()).as(s).isEqualTo(0.62);
            assertThat(r.upper().value()).as(s).isEqualTo(0.83);
            assertThat(r.level()).as(s).isEqualTo(95);
            assertThat(r.p().relation()).as(s).isEqualTo(PValue.Relation.LESS);
            assertThat(r.p().value().value()).as(s).isEqualTo(0.001);
        }
        assertThat(ratio("odds ratio 1.8 (99% CI 0.9 to 3.6)").level()).isEqualTo(99);
        assertThat(ratio("odds ratio 1.8 (99% CI 0.9 to 3.6)").measure()).isEqualTo("OR");
        assertThat(ratio("relative risk 1.25 (1.02-1.53)").measure()).isEqualTo("RR");
        // "or" in running text is not an odds ratio
        assertThat(of(Ratio.class, "progression or death in 12 or 13 patients")).isEmpty();
    }

    @Test
    void pValuesAsPrinted() {
        List<PStat> ps = of(PStat.class, "response was 23% versus 7% (P=.03). Overall p = 0.0005, then P < .0001 and"
                + " p<0·0001 and P = 2.1 × 10⁻⁵ and p=3x10^-4.");
        assertThat(ps).extracting(p -> p.value().value()).containsExactly(0.03, 0.0005, 0.0001, 0.0001, 2.1e-5, 3e-4);
        assertThat(ps.get(0).value().decimals()).isEqualTo(2);
        assertThat(ps.get(4).value().decimals()).isEqualTo(6);
        assertThat(ps.get(2).relation()).isEqualTo(PValue.Relation.LESS);
    }

    @Test
    void pValuesInScientificNotationAreReadWhole() {
        // "1e-5" was read as p = 1 (the mantissa), and a power of ten too small for a double left its mantissa
        List<PStat> ps = of(PStat.class, "P = 1e-5 and P = 3.2E-05 and p < 1e-12.");
        assertThat(ps).extracting(p -> p.value().value()).containsExactly(1e-5, 3.2e-5, 1e-12);
        assertThat(ps).extracting(p -> p.value().decimals()).containsExactly(5, 6, 12);
        for (String s : List.of("P = 1 × 10⁻³⁰⁰.", "P = 1 × 10⁻⁹⁹⁹⁹.",
                "P = 1e-400.", "P = 1e5.")) {
            assertThat(of(PStat.class, s)).as(s).extracting(p -> p.value().value()).doesNotContain(1.0, 100000.0);
        }
    }

    @Test
    void aBlankLineAfterAFullStopStartsAParagraph() {
        // the paragraph was counted only when a blank line ended a sentence without a full stop
        for (String gap : List.of("\n\n", "\n\nSome text.\n\n", "\r\n\r\n")) {
            String text = "Median PFS was 4.4 months with drug versus 3.0 months with placebo." + gap
                    + "Median OS was 3.5 months with drug versus 5.3 months with placebo.\n";
            List<Median> ms = of(Median.class, text);
            assertThat(ms).as(gap).hasSize(4);
            assertThat(ms.get(0).paragraph()).as(gap).isNotEqualTo(ms.get(2).paragraph());
        }
        List<Median> one = of(Median.class, "Median PFS was 4.4 months with drug versus 3.0 months with placebo. Median"
                + " OS was 3.5 months with drug versus 5.3 months with placebo.\n\nMore.");
        assertThat(one.get(0).paragraph()).isEqualTo(one.get(2).paragraph());
    }

    @Test
    void proportionsWithCountsPercentagesAndCis() {
        Proportion p = of(Proportion.class, "the confirmed ORR was 44% (n = 25/57; 95% CI, 31%-58%).").get(0);
        assertThat(p.category()).isEqualTo("ORR");
        assertThat(p.count()).isEqualTo(25);
        assertThat(p.n()).isEqualTo(57);
        assertThat(p.lower().value()).isEqualTo(31);
        assertThat(p.upper().value()).isEqualTo(58);

        Proportion q = of(Proportion.class, "grade 3 events occurred in 295/405 (72.8%) of patients").get(0);
        assertThat(q.count()).isEqualTo(295);
        assertThat(q.n()).isEqualTo(405);
        assertThat(q.percent().decimals()).isEqualTo(1);

        // keep numbers as written: 44.0% has one decimal
        assertThat(of(Proportion.class, "ORR 44.0% (95% CI 31.0 to 58.0)").get(0).percent().decimals()).isEqualTo(1);

        Proportion r = of(Proportion.class, "a confirmed ORR of 31% (95% CI, 23%-41%) in all patients (n = 109)").get(0);
        assertThat(r.n()).isEqualTo(109);
        assertThat(of(Proportion.class, "Among 57 pts, ORR was 86.0% (CR, n = 8; PR, n = 41)"))
                .extracting(Proportion::category, Proportion::count, Proportion::n)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ORR", null, 57),
                        org.assertj.core.groups.Tuple.tuple("CR", 8, 57), org.assertj.core.groups.Tuple.tuple("PR", 41, 57));
    }

    @Test
    void decimalCommaDocuments() {
        Extraction e = Extractor.extract("bei 181 (84,2 %) Patienten eine 3-Jahres-Rate von 61,0 % (KI = 47,1-72,4 %)"
                + " und p = 0,0056; 12,5 % und 1,5 %.");
        assertThat(e.decimalComma()).isTrue();
        Proportion p = (Proportion) e.statistics().stream().filter(s -> s instanceof Proportion x && x.lower() != null)
                .findFirst().orElseThrow();
        assertThat(p.percent().value()).isEqualTo(61.0);
        assertThat(p.lower().value()).isEqualTo(47.1);
        assertThat(p.upper().value()).isEqualTo(72.4);
        // a decimal-point document keeps commas as thousands separators and list commas
        assertThat(Extractor.extract("1,234 patients; 0.5, 0.6 and 12.5%").decimalComma()).isFalse();
    }

    @Test
    void mediansWithUnitsCisAndChains() {
        List<Median> m = of(Median.class, "OS (median [95% CI]) was 5.26 [4.60–6.37] vs 4.14 [3.42–4.86] months.");
        assertThat(m).extracting(x -> x.value().value()).containsExactly(5.26, 4.14);
        assertThat(m).allMatch(x -> x.unit() == Units.MONTHS && "OS".equals(x.endpoint()));
        assertThat(m.get(0).lower().value()).isEqualTo(4.6);
        assertThat(m).extracting(Median::order).containsExactly(0, 1);

        Median w = of(Median.class, "Median time to tumour progression was 27·3 weeks (95% CI 16·0–32·1).").get(0);
        assertThat(w.endpoint()).isEqualTo("TTP");
        assertThat(w.unit()).isEqualTo(Units.WEEKS);
        assertThat(w.upper().value()).isEqualTo(32.1);

        Median nr = of(Median.class, "median PFS was not reached (95% CI 14.8 to NR) months").get(0);
        assertThat(nr.value()).isNull();

        Median f = of(Median.class, "After a median follow-up of 10.5 months, the rate at 12 months was 69%.").get(0);
        assertThat(f.followUp()).isTrue();
        // a time point and an adjective are not medians
        assertThat(of(Median.class, "the survival rate at 12 months and the 2-year follow-up")).isEmpty();
    }

    private static String hostile(int repeats) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < repeats; i++) {
            b.append("((HR [95% CI ").append(i % 10).append("·").append(i % 7).append("–(median OS ");
            b.append(i).append(" months vs NR vs 1 (2%) 3/4 P<.").append(i).append(" CR, n = ");
        }
        // and one long table: a header, then rows of medians, ratios and p-values
        b.append("\n\n| | A (N = 431) | B (N = 430) | Hazard ratio (95% CI) | P value |\n");
        for (int i = 0; i < repeats / 4; i++) {
            b.append("| Median OS — mo (95% CI) | 8.5 (7.9–9.5) | 6.7 (6.0–7.2) | 0.72 (0.62–0.83) | <0.001 |\n")
                    .append("| Stratified odds ratio (95% CI) | 0·53 (0·37–0·76) | |\n| p value | 0·0005 | |\n")
                    .append("| Partial response | 98 (23) | 31 (7) |\n");
        }
        return b.toString();
    }

    private static long cpuNanos(Runnable r) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = bean.getCurrentThreadCpuTime();
        r.run();
        return bean.getCurrentThreadCpuTime() - t0;
    }

    @Test
    void aHostileTextIsScannedInLinearTime() {
        // CPU time, not wall time: the build machine is shared. Four times the text must cost about four times
        // as much (a quadratic scan would cost sixteen); the wall-clock bound only catches a hang.
        String small = hostile(10_000);
        String large = hostile(40_000);
        assertThat(large.length()).isGreaterThan(2_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            cpuNanos(() -> Extractor.extract(small)); // warm-up
            long a = Math.min(cpuNanos(() -> Extractor.extract(small)), cpuNanos(() -> Extractor.extract(small)));
            long b = Math.min(cpuNanos(() -> Extractor.extract(large)), cpuNanos(() -> Extractor.extract(large)));
            assertThat((double) b / a).as("CPU time ratio for 4x the text").isLessThan(8);
        });
    }

    /** The method named, found as the whole text's first 2 million characters lowered at once would find it. */
    private static String claimedAtOnce(String text) {
        String s = (text.length() > 2_000_000 ? text.substring(0, 2_000_000) : text).toLowerCase(java.util.Locale.ROOT);
        Extractor.MethodClaims c = new Extractor.MethodClaims();
        c.feed(s);
        return c.claimed();
    }

    @Test
    void theCiMethodNamedIsFoundAcrossThePiecesTheTextIsLoweredIn() {
        String[] phrases = {"Clopper-Pearson CI", "EXACT 95% CI", "Wilson score CI", "rates by normal Approximation",
                "Jeffreys interval", "Wald CI", "agresti CIs", "Wİlson CI", "exact \u212Aind", "ſtatistics",
                "Wilson CI. No continuity", "; Wilson CI", "CI. Wilson", "hazard ratio Wald CI", "exact binomial test CI",
                "CIs with continuity correction (Wilson"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int round = 0; round < 300; round++) {
            int length = round < 100 ? 70_000 : round < 200 ? 200_000 : 2_000_040;
            StringBuilder b = new StringBuilder(length);
            while (b.length() < length) {
                b.append("x\u2013 ");
            }
            int count = 1 + random.nextInt(2);
            for (int k = 0; k < count; k++) {
                String phrase = phrases[random.nextInt(phrases.length)];
                // near a piece boundary (every 65,536 characters), the 2-million limit, or anywhere
                int at = switch (random.nextInt(3)) {
                    case 0 -> (1 + random.nextInt(length / 65_536)) * 65_536 - random.nextInt(phrase.length() + 2);
                    case 1 -> length > 2_000_000 ? 2_000_000 - random.nextInt(phrase.length() + 2) : 0;
                    default -> random.nextInt(length - phrase.length());
                };
                at = Math.max(0, Math.min(at, length - phrase.length()));
                b.replace(at, at + phrase.length(), phrase);
            }
            String text = b.toString();
            assertThat(Extractor.claimedCiMethod(text)).as("round %d", round).isEqualTo(claimedAtOnce(text));
        }
        assertThat(Extractor.claimedCiMethod("95% CIs by the Clopper-Pearson method")).isEqualTo("clopper-pearson");
        // ... the pieces lowered overlap by the context either side of a phrase: what a phrase names is the same
        String x = "x".repeat(65_536 - 100) + " CI " + "x".repeat(90) + " Wilson score " + "x".repeat(300);
        assertThat(Extractor.claimedCiMethod(x)).isEqualTo(claimedAtOnce(x)).isEqualTo("wilson");
        assertThat(Extractor.claimedCiMethod("Wilson and Jeffreys intervals")).isNull();
        assertThat(Extractor.claimedCiMethod("x".repeat(2_000_000) + " wilson")).isNull();
    }

    @Test
    void aCountInThePercentagesBracketsIsReadWithIt() {
        for (String s : List.of("ORR was 12.5% (5/40; 95% CI, 4.2% to 26.8%).",
                "ORR was 12.5% (5 of 40 patients; 95% CI, 4.2% to 26.8%).",
                "ORR was 12.5% (95% CI, 4.2%-26.8%; 5/40).",
                "5 of 40 patients (12.5%; 95% CI 4.2-26.8) had an objective response.",
                "5/40 patients (12.5%; 95% CI 4.2-26.8) had an objective response.",
                "Objective response: 5/40 (12.5%) [95% CI, 4.2-26.8].")) {
            List<Proportion> ps = of(Proportion.class, s);
            assertThat(ps).as(s).hasSize(1);
            Proportion p = ps.get(0);
            assertThat(p.count()).as(s).isEqualTo(5);
            assertThat(p.n()).as(s).isEqualTo(40);
            assertThat(p.percent().value()).as(s).isEqualTo(12.5);
            assertThat(p.lower().value()).as(s).isEqualTo(4.2);
            assertThat(p.upper().value()).as(s).isEqualTo(26.8);
            assertThat(p.level()).as(s).isEqualTo(95);
        }
        // a denominator the sentence gives
        assertThat(of(Proportion.class, "Of 40 patients, the ORR was 12.5% (95% CI 4.2-26.8).").get(0).n())
                .isEqualTo(40);
        assertThat(of(Proportion.class, "The ORR was 12.5% (95% CI 4.2-26.8) in 40 evaluable patients.").get(0).n())
                .isEqualTo(40);
        // ... with "the" ("Of the 40 patients", "among the 40 treated patients"); "among the 3 arms" names no patients
        assertThat(of(Proportion.class, "Of the 40 patients, the ORR was 12.5% (95% CI 4.2-26.8).").get(0).n())
                .isEqualTo(40);
        assertThat(of(Proportion.class, "Among the 40 treated patients, 12 (35%) responded.").get(0).n()).isEqualTo(40);
        assertThat(of(Proportion.class, "Differences among the 3 arms were small: 2 (35%) responded.").get(0).n())
                .isNull();
        // ... not a year, not a count it does not give
        assertThat(of(Proportion.class, "In 2019, the ORR was 12.5% (95% CI 4.2-26.8).").get(0).n()).isNull();
        assertThat(of(Proportion.class, "Of 40 patients, 5 (15.0%) responded.").get(0).n()).isNull();
        assertThat(of(Proportion.class, "The 12-month PFS rate was 15.0% (5/40).").get(0).count()).isNull();
        assertThat(of(Proportion.class, "At 12 months it was 15.0% (5/40).").get(0).count()).isNull();
        // ... unless the percentage is a response rate, a crude proportion whose bracketed count is its own: 5/40 is
        // 12.5%, so "15.0%" is the error it looks like
        Proportion orr = of(Proportion.class, "The ORR was 15.0% (5/40).").get(0);
        assertThat(orr.count()).isEqualTo(5);
        assertThat(orr.n()).isEqualTo(40);
        assertThat(of(Proportion.class, "Disease control was 80% (30 of 40 patients).").get(0).n()).isEqualTo(40);
    }

    /** Journals do not open a sentence with a numeral: "Twelve of 40 patients (30%)" is a count like "12 of 40". */
    @Test
    void aSpelledCountOfNIsReadWithItsPercentage() {
        record Case(String text, int count, int n, double percent, String quote) {}
        for (Case c : List.of(new Case("Twelve of 40 patients (35%) responded.", 12, 40, 35, "Twelve of 40 patients (35%"),
                new Case("Twenty-five of 40 (62.5%) had grade 3 events.", 25, 40, 62.5, "Twenty-five of 40 (62.5%"),
                new Case("In all, seven of 20 (35%) relapsed.", 7, 20, 35, "seven of 20 (35%"),
                new Case("Ninety of 100 participants (90%) completed.", 90, 100, 90, "Ninety of 100 participants (90%"))) {
            assertThat(oneProportion(c.text(), c.count(), c.n(), c.percent())).as(c.text()).startsWith(c.quote());
        }
        // a spelled number is a count only before "of N": not "one patient (3%)"
        assertThat(of(Proportion.class, "In a two-sided test, one patient (3%) had a rash."))
                .noneMatch(p -> Integer.valueOf(1).equals(p.count()));
    }

    /** The relative change a sentence prints with its one ratio, before or after it, kept with the ratio. */
    @Test
    void aRelativeChangeIsKeptWithItsSentencesRatio() {
        record Case(String text, double change, boolean increase, String quote) {}
        for (Case c : List.of(
                new Case("It reduced the risk of disease progression or death by 48% (hazard ratio, 0.52; 95% CI, 0.39"
                        + " to 0.70).", 48, false, "48% (hazard ratio, 0.52; 95% CI, 0.39 to 0.70"),
                new Case("The risk of death was reduced by 52% (HR 0.52; 95% CI 0.39-0.70).", 52, false,
                        "52% (HR 0.52; 95% CI 0.39-0.70"),
                new Case("HR 0.69 (95% CI 0.55-0.87), a 31% relative reduction in the hazard of death.", 31, false,
                        "HR 0.69 (95% CI 0.55-0.87), a 31%"),
                new Case("Patients had a 35% higher risk of relapse (HR 1.35; 95% CI 1.10-1.65).", 35, true,
                        "35% higher risk of relapse (HR 1.35; 95% CI 1.10-1.65"),
                new Case("Smoking increased the odds of relapse by 2.5% (OR 1.025).", 2.5, true,
                        "2.5% (OR 1.025"))) {
            List<Ratio> rs = of(Ratio.class, c.text());
            assertThat(rs).as(c.text()).hasSize(1);
            Ratio r = rs.get(0);
            assertThat(r.change()).as(c.text()).isNotNull();
            assertThat(r.change().value()).as(c.text()).isEqualTo(c.change());
            assertThat(r.increase()).as(c.text()).isEqualTo(c.increase());
            assertThat(c.text().substring(r.start(), r.end())).as(c.text()).isEqualTo(c.quote());
        }
        // no risk named, two ratios, two changes, a change of 100% or more "reduction", an absolute change, a change and
        // a ratio in two statements or far apart, a table cell
        for (String text : List.of("It reduced tumour size by 48%, and the HR was 0.52 (95% CI 0.39-0.70).",
                "It reduced the risk by 48% (HR 0.52, 95% CI 0.39-0.70; OR 0.40, 95% CI 0.2-0.8).",
                "It reduced the risk of death by 48% and the risk of relapse by 30% (HR 0.52, 95% CI 0.39-0.70).",
                "It reduced the risk of death by 120% (HR 0.52, 95% CI 0.39-0.70).",
                "It reduced the absolute risk of death by 5% (HR 0.80, 95% CI 0.65-0.98).",
                "At 12 months the risk of relapse was reduced by 40%, and the HR for death was 0.80 (95% CI 0.65-0.98).",
                "The risk of relapse was reduced by 40% at 12 months, when many more patients than expected had been"
                        + " followed (HR 0.80, 95% CI 0.65-0.98).",
                "A 5% absolute reduction in the risk of death (HR 0.80, 95% CI 0.65-0.98).",
                "| Outcome | HR (95% CI) |\n|---|---|\n| Risk of death reduced by 48% | 0.52 (0.39-0.70) |\n")) {
            assertThat(of(Ratio.class, text)).as(text).allMatch(r -> r.change() == null);
        }
    }

    /** "14 out of 40", "14 of the 40", "14 of 40 evaluable patients" before the percentage or in its brackets. */
    @Test
    void outOfAndOfTheAreCountsOfN() {
        record Case(String text, int count, int n, String quote) {}
        for (Case c : List.of(
                new Case("A partial response occurred in 14 out of 40 patients (35%).", 14, 40, "14 out of 40 patients (35%"),
                new Case("Responses: 14 out of 40 (35%).", 14, 40, "14 out of 40 (35%"),
                new Case("A response was achieved by 14 of the 40 patients (35%).", 14, 40, "14 of the 40 patients (35%"),
                new Case("A response was achieved by 14 of the 40 (35%).", 14, 40, "14 of the 40 (35%"),
                new Case("A response was achieved by 14 of 40 evaluable patients (35%).", 14, 40,
                        "14 of 40 evaluable patients (35%"),
                new Case("Ten out of 40 participants (25%) relapsed.", 10, 40, "Ten out of 40 participants (25%"),
                new Case("The ORR was 35% (14 out of 40).", 14, 40, "35% (14 out of 40)"),
                new Case("The ORR was 35% (14 of the 40 patients).", 14, 40, "35% (14 of the 40 patients)"))) {
            assertThat(oneProportion(c.text(), c.count(), c.n(), null)).as(c.text()).startsWith(c.quote());
        }
        // "of the" after no count is no count of n: "In the 40 (35%)" keeps 40 as the count it always was
        assertThat(of(Proportion.class, "Responses in the 40 (35%) were durable.").get(0).n()).isNull();
    }

    /**
     * "52 (38%) of 137 patients": NEJM's and the Lancet's form puts the denominator after the percentage's bracket.
     * Before, the count and percentage were read without it, so "12 (35%) of 40" (12/40 = 30%) went unchecked.
     */
    @Test
    void aDenominatorAfterThePercentageIsRead() {
        record Case(String text, Integer count, int n, double percent, String quote) {}
        for (Case c : List.of(
                new Case("Grade 3 or 4 events occurred in 52 (38%) of 137 patients.", 52, 137, 38, "52 (38%) of 137 patients"),
                new Case("A response was seen in 12 (35%) of 40 patients.", 12, 40, 35, "12 (35%) of 40 patients"),
                new Case("Relapse occurred in 7 (35%) of the 20 evaluable patients.", 7, 20, 35,
                        "7 (35%) of the 20 evaluable patients"),
                new Case("Sites enrolled 12 (30%) of 40.", 12, 40, 30, "12 (30%) of 40"),
                new Case("It was 12 (30% of 40) in all.", 12, 40, 30, "12 (30% of 40"),
                new Case("Overall, 35% of 40 patients responded.", null, 40, 35, "35% of 40 patients"),
                new Case("Overall, 35% of all 40 participants responded.", null, 40, 35, "35% of all 40 participants"))) {
            assertThat(oneProportion(c.text(), c.count(), c.n(), c.percent())).as(c.text()).isEqualTo(c.quote());
        }
        // not a denominator: a unit, a percentage, a ratio, a count above it without a word for the patients, and a
        // bare percentage of a number without one ("35% of 40 mg")
        for (String text : List.of("The dose was cut in 5 (12%) of 40 months of therapy.", "It fell in 5 (12%) of 40% of cases.",
                "Seen in 5 (12%) of 40/60 cases.", "Seen in 12 (35%) of 10 centres.", "A 35% of 40 mg reduction.")) {
            assertThat(of(Proportion.class, text)).as(text).allMatch(p -> p.n() == null);
        }
        // a count above the patients it is "of" is read, and is the denominator error it is
        assertThat(of(Proportion.class, "Responses in 12 (35%) of 10 patients.").get(0).n()).isEqualTo(10);
    }

    @Test
    void aCiMethodIsClaimedOnlyByAClauseAboutABinomialCi() {
        // false claims a differential test against R found (ci-method then called a reproduced CI an error)
        assertThat(Extractor.claimedCiMethod("95% CIs for response rates were computed by the Wilson score method"
                + " with continuity correction.")).isEqualTo("wilson-cc");
        assertThat(Extractor.claimedCiMethod("The ORR was compared with a historical control rate of 10% with an"
                + " exact binomial test.")).isNull();
        assertThat(Extractor.claimedCiMethod("Hazard ratio CIs were computed by the Wald method.")).isNull();
        // true claims
        for (String s : List.of("Exact binomial (Clopper-Pearson) 95% CIs for ORR were computed.",
                "The ORR is given with its exact 95% confidence interval.",
                "Response rates are reported with 95% CIs (Clopper-Pearson); hazard ratios were estimated with a"
                        + " stratified Cox model and Wald CIs.",
                "The proportion of responders was estimated with an exact binomial 95% CI. The primary endpoint was"
                        + " tested with an exact binomial test.")) {
            assertThat(Extractor.claimedCiMethod(s)).as(s).isEqualTo("clopper-pearson");
        }
        assertThat(Extractor.claimedCiMethod("ORR with Wilson 95% CIs.")).isEqualTo("wilson");
        assertThat(Extractor.claimedCiMethod("Proportions with Wald confidence intervals.")).isEqualTo("wald");
        // a name in the references, far from any CI, names nothing
        assertThat(Extractor.claimedCiMethod("12. Wilson JM, Smith K. Outcomes of lung cancer surgery. Ann Surg"
                + " 2019.")).isNull();
        // bounded: a text of the phrase and nothing else is scanned in linear time
        String many = "wilson ".repeat(280_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThat(Extractor.claimedCiMethod(many)).isNull());
    }
}
