package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.trialmeta.model.InputException;

class CsvTableTest {

    private static CsvTable parse(String text) {
        return CsvTable.parse("in.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsBomCrlfAndQuotedCommas() {
        CsvTable t = parse("\uFEFFstudy,xi,ni\r\n\"Smith, 2001\",3,10\r\nJones,0,7\r\n");
        assertThat(t.columns()).containsExactly("study", "xi", "ni");
        assertThat(t.strings("study")).containsExactly("Smith, 2001", "Jones");
        assertThat(t.counts("xi")).containsExactly(3, 0);
        assertThat(t.doubles("ni")).containsExactly(10.0, 7.0);
    }

    /**
     * R's write.csv quotes every text cell: equal quoted cells must share one String as equal plain ones do (a network
     * of 100,000 studies held a String per row), and the text is each cell's own (quotes doubled, spaces kept inside).
     */
    @Test
    void equalQuotedCellsShareOneStringAndKeepTheirText() {
        CsvTable t = parse("study,x\n\"Smith, 2001\",1\n\"Smith, 2001\",2\nSmith,3\nSmith,4\n\"Smith\",5\n"
                + "\"say \"\"hi\"\"\",6\n\"say \"\"hi\"\"\",7\n\" Smith\",8\n\"Smith, 2002\",9\n");
        String[] s = t.strings("study");
        assertThat(s).containsExactly("Smith, 2001", "Smith, 2001", "Smith", "Smith", "Smith", "say \"hi\"", "say \"hi\"",
                "Smith", "Smith, 2002");
        assertThat(s[1]).isSameAs(s[0]);
        assertThat(s[3]).isSameAs(s[2]);
        assertThat(s[6]).isSameAs(s[5]);
    }

    @Test
    void missingColumnNamesWhatIsPresent() {
        assertThatThrownBy(() -> parse("study,xi\nA,1\n").requireColumns("study", "xi", "ni"))
                .isInstanceOf(InputException.class)
                .hasMessage("in.csv: missing column ni (columns present: study, xi)");
    }

    @Test
    void nonFiniteAndNonNumericAndFractionalCountsAreRefusedWithLine() {
        CsvTable t = parse("study,xi,yi\nA,1,0.5\nB,2.5,NaN\nC,-1,abc\n");
        assertThatThrownBy(() -> t.doubles("yi")).hasMessage("in.csv: line 3, column yi: 'NaN' (must be a finite decimal number)");
        assertThatThrownBy(() -> t.counts("xi")).hasMessage("in.csv: line 3, column xi: '2.5' (a count must be a whole number)");
    }

    @Test
    void emptyFileAndDuplicateColumnsAndBadUtf8AreRefused() {
        assertThatThrownBy(() -> parse("")).hasMessage("in.csv: file is empty (expected a header row and data rows)");
        assertThatThrownBy(() -> parse("a,b,a\n1,2,3\n")).hasMessage("in.csv: column 'a' appears twice in the header");
        assertThatThrownBy(() -> CsvTable.parse("in.csv", new byte[] {'a', '\n', (byte) 0xff, '\n'}))
                .hasMessage("in.csv: not valid UTF-8 text (save the file as UTF-8 CSV)");
    }

    @Test
    void devicesAndBinaryFilesAreRefusedFromTheirFirstBlock() {
        // /dev/zero never ends and has no size: the first 64 KiB decide (issue 15 item 8: was an OutOfMemoryError)
        assertThatThrownBy(() -> CsvTable.read(java.nio.file.Path.of("/dev/zero")))
                .hasMessage("/dev/zero: contains NUL bytes, not a text CSV file");
        assertThatThrownBy(() -> CsvTable.read(java.nio.file.Path.of("/dev/urandom")))
                .hasMessageMatching("/dev/urandom: (not valid UTF-8 text \\(save the file as UTF-8 CSV\\)|contains NUL bytes, not a text CSV file)");
    }

    @Test
    void structuralProblemsNameTheLine() {
        assertThatThrownBy(() -> parse("study,xi,ni\nA,1,2\nB,1\n"))
                .hasMessage("in.csv: line 3: 2 fields where the header has 3 (every row needs one value per column)");
        assertThatThrownBy(() -> parse("study,xi,ni\nA,1,2,3\n"))
                .hasMessage("in.csv: line 2: 4 fields where the header has 3 (every row needs one value per column)");
        assertThatThrownBy(() -> parse("study,xi,ni\n\"A,1,2\nB,1,2\n"))
                .hasMessage("in.csv: malformed CSV (a quoted field that starts on line 2 has no closing quote)");
    }

    @Test
    void blankLinesAreSkippedAndQuotedLineBreaksKeepTheRowNumbering() {
        CsvTable t = parse("study,x\n\nA,1\n\"B\nsecond line\",2\n  \nC,3\n\n");
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.strings("study")).containsExactly("A", "B\nsecond line", "C");
        assertThatThrownBy(() -> parse("study,x\nA,1\nB,zz\n").doubles("x"))
                .hasMessage("in.csv: line 3, column x: 'zz' (not a number)");
    }

    /**
     * The whole-file reader makes room for its first rows and then for as many more as their mean length says the
     * rest of the file holds: files whose later rows are much shorter or much longer than the first ones (so the
     * estimate is far off either way), blank lines and CRLF included, read every row and cell.
     */
    @Test
    void rowsLongerOrShorterThanTheFirstOnesAreAllRead() {
        for (boolean longFirst : new boolean[] {true, false}) {
            for (int rows : new int[] {1, 1023, 1024, 1025, 5000, 40_000}) {
                StringBuilder sb = new StringBuilder("id,x,note\r\n");
                for (int r = 0; r < rows; r++) {
                    boolean isLong = (r < 1024) == longFirst;
                    sb.append(r).append(',').append(r * 0.5).append(',')
                            .append(isLong ? "\"a long, quoted note " + "x".repeat(r % 50 + 1) + "\"" : "n")
                            .append(r % 997 == 0 ? "\r\n\r\n" : "\r\n");
                }
                CsvTable t = parse(sb.toString());
                String at = (longFirst ? "long" : "short") + " first rows, " + rows + " rows";
                assertThat(t.rowCount()).as(at).isEqualTo(rows);
                int[] id = t.counts("id");
                double[] x = t.doubles("x");
                for (int r = 0; r < rows; r++) {
                    assertThat(id[r]).as(at).isEqualTo(r);
                    assertThat(x[r]).as(at).isEqualTo(r * 0.5);
                }
                String last = t.string("note", rows - 1);
                assertThat(last).as(at).isEqualTo((rows - 1 < 1024) == longFirst
                        ? "a long, quoted note " + "x".repeat((rows - 1) % 50 + 1) : "n");
            }
        }
    }
}
