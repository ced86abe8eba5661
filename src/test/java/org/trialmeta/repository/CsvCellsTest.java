package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** OWASP CSV-injection neutralisation and the one Markdown escaper of raw HTML (issue 15). */
class CsvCellsTest {

    @Test
    void formulaTriggersGetALeadingQuote() {
        for (String cell : List.of("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tx", "\rx", "-", "+", "=", "-0.5 (-1 to 0) pp",
                "=HYPERLINK(\"http://x\")")) {
            assertThat(CsvCells.neutralised(cell)).as(cell).isEqualTo("'" + cell);
        }
    }

    @Test
    void numbersAndOtherTextStayAsTheyAre() {
        for (String cell : List.of("-0.5", "+3", "-1e-3", "-.5", "0", "12.5", "abc", "", "'=x", " =x", "a=b", "KRAS-mutant")) {
            assertThat(CsvCells.neutralised(cell)).as(cell).isEqualTo(cell);
        }
    }

    @Test
    void aLineQuotesFieldsAfterNeutralising() {
        assertThat(CsvCells.line(List.of("=HYPERLINK(\"a\",\"b\")", "-0.5", "x,y", "l1\nl2", "c\rd")))
                .isEqualTo("\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\",-0.5,\"x,y\",\"l1\nl2\",\"c\rd\"\n");
    }

    @Test
    void markdownShowsRawHtmlAsText() {
        assertThat(CsvCells.markdownWithoutHtml("<img src=x onerror=alert(1)> & <b>"))
                .isEqualTo("&lt;img src=x onerror=alert(1)> & &lt;b>");
    }

    /** The hand-written number check equals the regular expression on every string of up to 5 characters over + - . e E 0 1 x and a blank. */
    @org.junit.jupiter.api.Test
    void numberCheckEqualsThePattern() {
        char[] alphabet = {'+', '-', '.', 'e', 'E', '0', '1', 'x', ' '};
        int count = 0;
        for (int len = 0; len <= 5; len++) {
            int[] idx = new int[len];
            while (true) {
                char[] c = new char[len];
                for (int i = 0; i < len; i++) {
                    c[i] = alphabet[idx[i]];
                }
                String s = new String(c);
                org.assertj.core.api.Assertions.assertThat(CsvCells.isNumber(s)).as("'" + s + "'")
                        .isEqualTo(CsvCells.NUMBER.matcher(s).matches());
                count++;
                int p = len - 1;
                while (p >= 0 && ++idx[p] == alphabet.length) {
                    idx[p--] = 0;
                }
                if (p < 0) {
                    break;
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(count).isEqualTo(66430);
        for (double v : new double[] {-0.4381, 1.0E-5, -1.2E10, -0.0, 3, Double.MIN_VALUE, -Double.MAX_VALUE}) {
            org.assertj.core.api.Assertions.assertThat(CsvCells.isNumber(Double.toString(v))).isTrue();
        }
    }
}
