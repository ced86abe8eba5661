package org.trialmeta.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialmeta.document.DocumentFormat;
import org.trialmeta.document.DocumentText;

/**
 * Cases found by differential testing of {@code scan} against R: what a reader of the passage would conclude, the
 * expected values computed independently (R 4.2.2: {@code qnorm}, {@code pnorm}).
 */
class ScanCheckEdgeTest {

    private static List<ScanFinding> findings(String text, String rule) {
        ScanReport r = ScanCheck.run(DocumentText.of("t.txt", DocumentFormat.TEXT, text));
        return r.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void aPValueOfMoreThanFifteenDecimalsKeepsItsPrecision() {
        // HR 2.50 (2.20-2.84): Wald z = 14.07 (13.82-14.32 within rounding; R: abs(log(2.5))/((log(2.84)-log(2.2))
        // /(2*qnorm(.975)))), p = 6.1e-45. A printed p = 1e-18 means z = 8.84 (qnorm(1e-18/2, lower.tail = FALSE)):
        // it contradicts the CI. It was read as a p of 15 decimals, [0, 5e-16], which any z above 8.1 fits.
        List<ScanFinding> f = findings("HR 2.50 (95% CI 2.20\u20132.84; P = 1 \u00d7 10\u207b\u00b9\u2078).\n", "p-from-ci");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(f.get(0).reported()).endsWith("p = 1e-18");
        // p = 6.0e-100 printed for the OR 3.69 (3.27-4.16), whose CI implies p = 2.6e-100 (z 21.26 vs 21.22): agrees,
        // and is shown as printed, not as "p = 0.000000000000000"
        List<ScanFinding> g = findings("OR, 3.69; 95% CI, 3.27-4.16; P = 6.0 \u00d7 10\u207b\u00b9\u2070\u2070.\n",
                "p-from-ci");
        assertThat(g).hasSize(1);
        assertThat(g.get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(g.get(0).reported()).endsWith("p = 6e-100");
    }

    @Test
    void aPercentageOfTheDenominatorAfterItIsRecomputed() {
        // 12/40 = 30%, printed 35%: NEJM's "x (p%) of n patients" went unchecked (read without its n)
        List<ScanFinding> f = findings("A response was seen in 12 (35%) of 40 patients.\n", "percent-from-counts");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(f.get(0).quote()).isEqualTo("12 (35%) of 40 patients");
        // 52/137 = 37.96%, printed 38%: consistent
        List<ScanFinding> g = findings("Grade 3 or 4 events occurred in 52 (38%) of 137 patients.\n",
                "percent-from-counts");
        assertThat(g).hasSize(1);
        assertThat(g.get(0).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void aRelativeChangeIsOneMinusTheRatio() {
        // HR 0.52 stands for 0.515-0.525: a reduction of 47.5-48.5%
        List<ScanFinding> ok = findings("It reduced the risk of death by 48% (HR 0.52; 95% CI 0.39-0.70).\n",
                "relative-change");
        assertThat(ok).extracting(ScanFinding::severity).containsExactly(Severity.INFO);
        assertThat(ok.get(0).recomputed()).isEqualTo("100 x (1 - 0.52) = 48% (47.5-48.5% within the ratio's rounding)");
        // 49% still meets 48.5% at its own rounding (48.5-49.5); 50% does not
        assertThat(findings("It reduced the risk of death by 49% (HR 0.52).\n", "relative-change"))
                .extracting(ScanFinding::severity).containsExactly(Severity.INFO);
        assertThat(findings("It reduced the risk of death by 50% (HR 0.52).\n", "relative-change"))
                .extracting(ScanFinding::severity).containsExactly(Severity.ERROR);
        // the ratio printed as the change
        List<ScanFinding> asRatio = findings("The risk of death was reduced by 52% (HR 0.52; 95% CI 0.39-0.70).\n",
                "relative-change");
        assertThat(asRatio).extracting(ScanFinding::severity).containsExactly(Severity.ERROR);
        assertThat(asRatio.get(0).message()).contains("100 x the ratio itself");
        // an increase: OR 1.30 is 30% higher odds (29.5-30.5%); called a reduction it points the other way
        assertThat(findings("Smoking increased the odds of relapse by 30% (OR 1.30).\n", "relative-change"))
                .extracting(ScanFinding::severity).containsExactly(Severity.INFO);
        List<ScanFinding> wrongWay = findings("It lowered the odds of response by 30% (OR 1.30).\n", "relative-change");
        assertThat(wrongWay).extracting(ScanFinding::severity).containsExactly(Severity.ERROR);
        assertThat(wrongWay.get(0).message()).contains("means an increase, not the reduction printed");
    }

    @Test
    void aMedianAgeIsNotAMedianTime() {
        // every abstract gives its patients' median age: scan called it an implausible clinical median (an error) and
        // a median beyond twice the follow-up
        for (String s : List.of("The median age was 62 years (range, 18 to 85).\n", "Median age was 62 years (IQR 55-70).\n",
                "Patients (median patient age, 62 years) were followed for a median of 24.3 months.\n")) {
            ScanReport r = ScanCheck.run(DocumentText.of("t.txt", DocumentFormat.TEXT, s));
            assertThat(r.findings()).as(s).noneMatch(f -> f.rule().equals("time-plausible") || f.rule().equals("time-order"));
        }
        // a median time in patients of some age is still one: 25 years is implausible
        assertThat(findings("The median OS in patients aged 65 or older was 25 years.\n", "time-plausible"))
                .extracting(ScanFinding::severity).containsExactly(Severity.ERROR);
    }

    @Test
    void aPValueInENotationIsNotReadAsOne() {
        // HR 0.62 (0.45-0.86) implies p = 0.0038 (R: 2*pnorm(-abs(log(.62))/((log(.86)-log(.45))/(2*qnorm(.975)))))
        List<ScanFinding> f = findings("HR 0.62 (95% CI 0.45\u20130.86; P = 4e-3).\n", "p-from-ci");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(f.get(0).reported()).endsWith("p = 0.004");
    }

    @Test
    void aMedianOfNoNamedEndpointIsChecked() {
        // scan failed ("failed unexpectedly", exit 1) on any reached median whose endpoint it could not name
        for (String s : List.of("The median was 11.1 months (95% CI, 9.0 to 13.2).\n",
                "Median time to response was 2.1 months.\n",
                "Median 11.1 vs 8.5 months (HR 0.72, 95% CI 0.62-0.83).\n",
                "Das mediane Gesamt\u00fcberleben betrug 11,1 Monate (95%-KI 9,0\u201313,2).\n")) {
            ScanReport r = ScanCheck.run(DocumentText.of("t.txt", DocumentFormat.TEXT, s));
            assertThat(r.statistics()).as(s).isPositive();
            assertThat(r.findings()).as(s).allMatch(f -> f.severity() == Severity.INFO);
        }
        // and still checked against its CI: 15.0 outside 9.0-13.2
        assertThat(findings("The median was 15.0 months (95% CI, 9.0 to 13.2).\n", "median-in-ci"))
                .extracting(ScanFinding::severity).containsExactly(Severity.ERROR);
    }

    @Test
    void aHazardRatioWithOneCiEndIsComparedWithItsMedians() {
        // scan failed ("upper" is null) on an HR whose CI has no upper end, beside two medians
        for (String s : List.of("Median OS was 12.0 vs 8.0 months (HR 0.62, 95% CI 0.45\u2013NR).\n",
                "Median OS was 12.0 vs 8.0 months (HR 0.62, 95% CI 0.45 to not applicable).\n")) {
            assertThat(findings(s, "median-vs-hr")).as(s).extracting(ScanFinding::severity)
                    .containsExactly(Severity.INFO);
        }
    }

    @Test
    void pfsAndOsOfTwoParagraphsAreNotPaired() {
        // two trials' results in two paragraphs: the first paragraph's PFS (4.4) is not the second's OS (3.5)
        String text = "Median progression-free survival was 4.4 months with drug versus 3.0 months with placebo.\n\n"
                + "Median overall survival was 3.5 months with drug versus 5.3 months with placebo.\n";
        assertThat(findings(text, "time-order")).isEmpty();
        // in one paragraph (two sentences apart at most) they are, as documented (a warning)
        String together = "Median progression-free survival was 4.4 months with drug versus 3.0 months with placebo. "
                + "Median overall survival was 3.5 months with drug versus 5.3 months with placebo.\n";
        assertThat(findings(together, "time-order")).extracting(ScanFinding::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void aZBoundThatRoundingMakesInfiniteIsWrittenInf() {
        // OR 0.3 (90% CI 0.3-0.4): within rounding the ends can both be 0.35, a CI of width 0, so the z range is
        // unbounded above; floating point made it 20538677881232964.00
        List<ScanFinding> f = findings("OR 0.3 (90% CI 0.3\u20130.4; P < 0.001).\n", "p-from-ci");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).recomputed()).contains("within rounding").doesNotContainPattern("\\d{7,}")
                .containsPattern("5\\.88-inf within rounding");
    }

    // 5/40: R binom.test(5, 40)$conf.int = 4.186-26.803 (Clopper-Pearson), printed 4.2-26.8; 5/40 = 12.5%
    private static final List<String> ORR_FORMS = List.of(
            "ORR was %s%% (5/40; 95%% CI, 4.2%% to 26.8%%).\n",
            "ORR was %s%% (5 of 40 patients; 95%% CI, 4.2%% to 26.8%%).\n",
            "ORR was %s%% (95%% CI, 4.2%%-26.8%%; 5/40).\n",
            "5 of 40 patients (%s%%; 95%% CI 4.2-26.8) had an objective response.\n",
            "5/40 patients (%s%%; 95%% CI 4.2-26.8) had an objective response.\n",
            "Objective response: 5/40 (%s%%) [95%% CI, 4.2-26.8].\n",
            "Objective response: 5/40 (%s%%), 95%% CI 4.2-26.8.\n");

    @Test
    void aProportionPrintedWithItsCountInItsBracketsIsChecked() {
        // these forms were not read (or read without the CI): a wrong percentage went unchecked
        for (String form : ORR_FORMS) {
            String right = String.format(java.util.Locale.ROOT, form, "12.5");
            assertThat(findings(right, "percent-from-counts")).as(right).extracting(ScanFinding::severity)
                    .containsExactly(Severity.INFO);
            List<ScanFinding> ci = findings(right, "binomial-ci");
            assertThat(ci).as(right).extracting(ScanFinding::severity).containsExactly(Severity.INFO);
            assertThat(ci.get(0).message()).as(right).contains("5/40").contains("clopper-pearson");
            String wrong = String.format(java.util.Locale.ROOT, form, "15.0");
            assertThat(findings(wrong, "percent-from-counts")).as(wrong).extracting(ScanFinding::severity)
                    .containsExactly(Severity.ERROR);
        }
    }

    @Test
    void aDenominatorTheSentenceGivesIsUsed() {
        // n = 40 from "Of 40 patients", "In 40 evaluable patients", "... in 40 patients": 12.5% is 5/40 (grim), whose
        // Clopper-Pearson CI 4.2-26.8 the text prints; 15.0% is 6/40, whose CI (R: binom.test(6, 40): 5.7-29.8) it
        // does not
        for (String form : List.of("Of 40 patients, the ORR was %s%% (95%% CI 4.2-26.8).\n",
                "In 40 evaluable patients the ORR was %s%% (95%% CI 4.2-26.8).\n",
                "The ORR was %s%% (95%% CI 4.2-26.8) in 40 patients.\n")) {
            String right = String.format(java.util.Locale.ROOT, form, "12.5");
            assertThat(findings(right, "grim")).as(right).extracting(ScanFinding::severity)
                    .containsExactly(Severity.INFO);
            assertThat(findings(right, "binomial-ci")).as(right).extracting(ScanFinding::severity)
                    .containsExactly(Severity.INFO);
            String wrong = String.format(java.util.Locale.ROOT, form, "15.0");
            assertThat(findings(wrong, "binomial-ci")).as(wrong).extracting(ScanFinding::severity)
                    .containsExactly(Severity.WARNING);
        }
        assertThat(findings("Of 40 patients, 5 (12.5%) responded.\n", "percent-from-counts"))
                .extracting(ScanFinding::severity).containsExactly(Severity.INFO);
    }

    @Test
    void aCountIsNotPairedWithADenominatorItMayNotBelongTo() {
        // a count the sentence's n does not give at its rounding counts something else: no finding, not an error
        for (String s : List.of("Of 40 patients, 5 (15.0%) responded.\n",
                "Responses occurred in 5 patients (15.0%) in 40 patients treated.\n",
                // a bare "(k/n)" after a percentage is paired only when it gives the percentage (a landmark rate
                // printed with a crude count, 47.5% vs 18/40 = 45.0%)
                "The 12-month response rate was 47.5% (18/40).\n",
                "The response rate at 6 months was 47.5% (18/40).\n",
                "At 12 months, 15.0% (5/40) were alive.\n",
                "A 12.5% reduction (5/40 vs 10/40) was seen.\n",
                "A total of 5 of 40 patients discontinued; the ORR was 15.0%.\n",
                "In 2019, the ORR was 15.0% (95% CI 4.2-26.8).\n",
                // an unlabelled range after "k/n (p%)" is not its CI
                "Responses: 5/40 (12.5%) (1-2 prior lines).\n",
                "The ORR was 15.0% (95% CI 4.2-26.8) in 2019.\n")) {
            ScanReport r = ScanCheck.run(DocumentText.of("t.txt", DocumentFormat.TEXT, s));
            assertThat(r.findings()).as(s).allMatch(f -> f.severity() == Severity.INFO);
        }
        assertThat(findings("The ORR was 12.5% (5/40) in the overall population.\n", "percent-from-counts"))
                .extracting(ScanFinding::severity).containsExactly(Severity.INFO);
        // a response rate with no time point is a crude proportion: its bracketed count is its own, and 5/40 = 12.5%
        // printed as 15.0% is an error (it was left unchecked, like a landmark rate)
        assertThat(findings("The ORR was 15.0% (5/40) in the overall population.\n", "percent-from-counts"))
                .extracting(ScanFinding::severity).containsExactly(Severity.ERROR);
    }

    @Test
    void aCiMethodNamedForSomethingElseIsNotClaimed() {
        // 5/40: Clopper-Pearson 4.2-26.8 (R: binom.test(5, 40)$conf.int), Wilson 5.5-26.1 (prop.test(5, 40,
        // correct = FALSE)), Wilson with continuity correction 4.7-27.6 (prop.test(5, 40, correct = TRUE))
        String cc = "95% CIs were computed by the Wilson score method with continuity correction.\n\n"
                + "5/40 (12.5%; 95% CI 4.7-27.6) had an objective response.\n";
        assertThat(findings(cc, "ci-method")).extracting(ScanFinding::severity).containsExactly(Severity.INFO);
        assertThat(findings(cc, "ci-method").get(0).message()).contains("wilson-cc");
        for (String s : List.of("The ORR was compared with a historical rate of 5% with an exact binomial test.\n\n"
                        + "5/40 (12.5%; 95% CI 5.5-26.1) had an objective response.\n",
                "Hazard ratio CIs were computed by the Wald method.\n\n"
                        + "5/40 (12.5%; 95% CI 4.2-26.8) had an objective response.\n")) {
            ScanReport r = ScanCheck.run(DocumentText.of("t.txt", DocumentFormat.TEXT, s));
            assertThat(r.claimedCiMethod()).as(s).isNull();
            assertThat(r.findings()).as(s).allMatch(f -> f.severity() == Severity.INFO);
            assertThat(findings(s, "binomial-ci")).as(s).hasSize(1);
        }
        // a method named for the response rate's CI is still held to: a Wilson CI where exact ones are said
        String exact = "Exact binomial (Clopper-Pearson) 95% CIs for ORR were computed.\n\n"
                + "5/40 (12.5%; 95% CI 5.5-26.1) had an objective response.\n";
        assertThat(findings(exact, "ci-method")).extracting(ScanFinding::severity).containsExactly(Severity.ERROR);
    }
}
