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
}
