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
}
