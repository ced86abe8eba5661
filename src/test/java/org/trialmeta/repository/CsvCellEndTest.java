package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A parsed file keeps only where each cell starts; its end is found again by the parser's rule ({@link
 * CsvTable#cellEnd}). The cells read back are those of the file, for every kind of cell end.
 */
class CsvCellEndTest {

    private static int end(String text, int start) {
        return CsvTable.cellEnd(text.getBytes(StandardCharsets.UTF_8), start);
    }

    @Test
    void plainAndQuotedCellEnds() {
        assertThat(end("ab,cd\n", 0)).isEqualTo(2);
        assertThat(end("ab,cd\n", 3)).isEqualTo(5);
        assertThat(end("ab,cd\r\n", 3)).isEqualTo(5);          // CR of a CRLF left out
        assertThat(end("ab,cd\r", 3)).isEqualTo(5);            // CR at the end of the file left out
        assertThat(end("a\rb,c", 0)).isEqualTo(3);             // a CR inside a cell stays
        assertThat(end("ab\r,c", 0)).isEqualTo(3);             // a CR before a comma stays
        assertThat(end("\"a,\"\"b\"\"\nc\",d", 0)).isEqualTo(-11);   // quoted: comma, doubled quotes, line break
        assertThat(end("\"ab\" tail,c", 0)).isEqualTo(-9);     // text after the closing quote kept
        assertThat(end("\"ab\"\r\n", 0)).isEqualTo(-4);
        assertThat(end("x,", 2)).isEqualTo(2);                 // empty last cell
        assertThat(end("  a b ,c", 0)).isEqualTo(6);           // spaces are the cell's (stripped when read)
    }

    @Test
    void parsedCellsReadBackAsWritten() {
        String csv = "study,yi,note\r\n\"A, \"\"one\"\"\",0.5,\"line\r\nbreak\" x\r\n  B ,-1e-3,\r\n\r\nC,2,\"\"\r\n";
        CsvTable t = CsvTable.parse("t.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(t.strings("study")).containsExactly("A, \"one\"", "B", "C");
        assertThat(t.textColumn("study")).containsExactly("A, \"one\"", "B", "C");
        assertThat(t.doubles("yi")).containsExactly(0.5, -1e-3, 2.0);
        assertThat(t.string("note", 0)).isEqualTo("line\nbreak x");
        assertThat(t.string("note", 1)).isEmpty();
        assertThat(t.string("note", 2)).isEmpty();
        assertThat(t.line(2)).isEqualTo(4);   // the spreadsheet row (header = 1), as before
    }
}
