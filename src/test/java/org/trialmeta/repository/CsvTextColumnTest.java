package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trialmeta.model.InputException;

/** {@link CsvTable#textColumn} gives the text and the errors of {@link CsvTable#strings}, cell for cell. */
class CsvTextColumnTest {

    private static CsvTable parse(String text) {
        return CsvTable.parse("in.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void sameAsStrings(CsvTable t, String column) {
        assertThat(t.textColumn(column)).isEqualTo(Arrays.asList(t.strings(column)));
    }

    @Test
    void trickyCellsGiveTheTextOfStrings() {
        CsvTable t = parse("study,n\n"
                + "plain,1\n"
                + "  padded  ,1\n"
                + "\ttabbed\t,1\n"
                + "\"Smith, 2001\",1\n"
                + "\"He said \"\"yes\"\"\",1\n"
                + "  \"quoted after spaces\"  ,1\n"
                + "\"closing quote\" then text,1\n"
                + "\"  spaces inside quotes  \",1\n"
                + "\"line\nbreak\",1\n"
                + "Müller 2010,1\n"
                + "\u00C5berg,1\n"
                + "ends in é,1\n"
                + "\u2003em spaces\u2003,1\n"
                + "\u3000ideographic\u3000,1\n"
                + "\u00A0nbsp is not white space\u00A0,1\n"
                + "\uD835\uDED5 outside the BMP \uD83D\uDE00,1\n"
                + "x,1\n"
                + "\u001Fseparator\u001C,1\n"
                + "\u0007bell\u007F,1\n");
        sameAsStrings(t, "study");
        List<String> c = t.textColumn("study");
        assertThat(c.get(1)).isEqualTo("padded");
        assertThat(c.get(4)).isEqualTo("He said \"yes\"");
        assertThat(c.get(5)).isEqualTo("quoted after spaces");
        assertThat(c.get(7)).isEqualTo("spaces inside quotes");
        assertThat(c.get(12)).isEqualTo("em spaces");
        assertThat(c.get(14)).isEqualTo("\u00A0nbsp is not white space\u00A0");
        assertThat(c.get(15)).isEqualTo("\uD835\uDED5 outside the BMP \uD83D\uDE00");
    }

    @Test
    void bomAndCrlfFiles() {
        CsvTable crlf = parse("\uFEFFstudy,n\r\n\"two\r\nlines\",1\r\nplain,2\r\n  spaced\t,3\r\n");
        sameAsStrings(crlf, "study");
        assertThat(crlf.textColumn("study")).containsExactly("two\nlines", "plain", "spaced");
        // a file whose header ends in LF keeps CR inside quotes
        CsvTable lf = parse("study,n\n\"two\r\nlines\",1\nlast,2");
        sameAsStrings(lf, "study");
        assertThat(lf.textColumn("study").get(0)).isEqualTo("two\r\nlines");
        CsvTable bomOnly = parse("\uFEFFstudy\nfirst\nsecond\n");
        sameAsStrings(bomOnly, "study");
    }

    @Test
    void emptyCellsFailWithTheMessageOfStrings() {
        for (String cell : List.of("", "  ", "\"\"", " \"\" ", "\" \t \"", "\u2003", "\t")) {
            CsvTable t = parse("study,n\nA,1\n" + cell + ",2\n");
            InputException expected = catchInput(() -> t.strings("study"));
            assertThat(expected).as("strings() of %s", cell).isNotNull();
            assertThatThrownBy(() -> t.textColumn("study")).isInstanceOf(InputException.class)
                    .hasMessage(expected.getMessage());
        }
        assertThatThrownBy(() -> parse("study,n\nA,1\n,2\n").textColumn("study"))
                .hasMessage("in.csv: line 3, column study: '' (a value is required)");
        assertThatThrownBy(() -> parse("study,n\nA,1\n").textColumn("name"))
                .hasMessage("in.csv: missing column name (columns present: study, n)");
    }

    @Test
    void tableMadeOfCellsWithItsOwnLines() {
        CsvTable t = CsvTable.of("digitiser.csv", List.of("study"), List.of(List.of(" a "), List.of("b"), List.of("")),
                new int[] {4, 5, 9});
        assertThatThrownBy(() -> t.textColumn("study"))
                .hasMessage("digitiser.csv: line 9, column study: '' (a value is required)");
        CsvTable ok = CsvTable.of("d.csv", List.of("study"), List.of(List.of(" a "), List.of("b\u00E9")), new int[] {2, 3});
        sameAsStrings(ok, "study");
    }

    @Test
    void randomCellsGiveTheTextOfStrings() {
        String[] pieces = {"a", "Z", "7", " ", "\t", ",", "\"", "\n", "\r\n", "é", "東", "\uD83D\uDE00", "\u2003", "\u00A0",
            "\u3000", "-", "."};
        SplittableRandom random = new SplittableRandom(22);
        for (boolean crlf : new boolean[] {false, true}) {
            StringBuilder csv = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "").append("study,n")
                    .append(crlf ? "\r\n" : "\n");
            for (int r = 0; r < 2_000; r++) {
                StringBuilder cell = new StringBuilder();
                int n = 1 + random.nextInt(6);
                for (int j = 0; j < n; j++) {
                    cell.append(pieces[random.nextInt(pieces.length)]);
                }
                String v = cell.toString();
                boolean quote = random.nextInt(3) == 0 || v.contains(",") || v.contains("\"") || v.contains("\n");
                String written = quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
                if (quote && random.nextBoolean()) {
                    written = " " + written + " ";
                }
                if (v.strip().isEmpty() || (!quote && v.strip().startsWith("\""))) {
                    written = "\"x" + v.replace("\"", "\"\"") + "x\"";
                }
                csv.append(written).append(',').append(r).append(crlf ? "\r\n" : "\n");
            }
            CsvTable t = parse(csv.toString());
            assertThat(t.rowCount()).isEqualTo(2_000);
            sameAsStrings(t, "study");
        }
    }

    private static InputException catchInput(Runnable r) {
        try {
            r.run();
            return null;
        } catch (InputException e) {
            return e;
        }
    }
}
