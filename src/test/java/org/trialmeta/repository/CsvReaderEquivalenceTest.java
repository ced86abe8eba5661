package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The byte-level reader against independent references: every cell's text equals what Tablesaw's CSV reader (the
 * reader it replaced; univocity underneath) gives on thousands of generated files with quoting, doubled quotes,
 * embedded commas and line breaks, CRLF, BOM and non-ASCII text; every number equals {@link Double#parseDouble}.
 */
class CsvReaderEquivalenceTest {

    private static final String ALPHABET = "ab ,\"\n\r.-+e0123456789éΩ–\t";

    @Test
    void cellsMatchTablesawOnGeneratedFiles() throws Exception {
        SplittableRandom rnd = new SplittableRandom(2026_12_05L);
        for (int file = 0; file < 1500; file++) {
            int cols = 1 + rnd.nextInt(5);
            int rows = 1 + rnd.nextInt(8);
            List<List<String>> values = new ArrayList<>();
            StringBuilder sb = new StringBuilder(rnd.nextInt(4) == 0 ? "\uFEFF" : "");
            String eol = rnd.nextBoolean() ? "\n" : "\r\n";
            for (int c = 0; c < cols; c++) {
                sb.append(c == 0 ? "" : ",").append("c").append(c);
            }
            sb.append(eol);
            for (int r = 0; r < rows; r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < cols; c++) {
                    String v = value(rnd);
                    row.add(v);
                    sb.append(c == 0 ? "" : ",").append(encode(v, rnd));
                }
                values.add(row);
                sb.append(eol);
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            CsvTable ours = CsvTable.parse("gen.csv", bytes);
            Table theirs = tablesaw(sb.toString().replace("\uFEFF", ""));
            assertThat(ours.rowCount()).as(sb.toString()).isEqualTo(theirs.rowCount());
            for (int c = 0; c < cols; c++) {
                for (int r = 0; r < rows; r++) {
                    String t = theirs.column(c).getString(r);
                    String expected = t == null ? "" : t.strip();
                    assertThat(ours.string("c" + c, r)).as("file %d cell %d,%d of %s", file, r, c, sb).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void numbersAreTheDoublesJavaParses() {
        SplittableRandom rnd = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder("x\n");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String t = switch (rnd.nextInt(6)) {
                case 0 -> Long.toString(rnd.nextLong(-1_000_000_000L, 1_000_000_000L));
                case 1 -> Double.toString(rnd.nextDouble() * Math.pow(10, rnd.nextInt(-30, 30)));
                case 2 -> String.format(Locale.ROOT, "%." + rnd.nextInt(0, 18) + "f", rnd.nextDouble(-1e6, 1e6));
                case 3 -> String.format(Locale.ROOT, "%." + rnd.nextInt(0, 17) + "e", rnd.nextDouble(-1, 1) * Math.pow(10, rnd.nextInt(-300, 300)));
                case 4 -> (rnd.nextBoolean() ? "+" : "-") + "0." + "0".repeat(rnd.nextInt(25)) + rnd.nextInt(1, 99999);
                default -> rnd.nextInt(1, 999999) + "E" + (rnd.nextBoolean() ? "-" : "+") + rnd.nextInt(0, 40);
            };
            texts.add(t);
            sb.append(t).append('\n');
        }
        double[] got = CsvTable.parse("n.csv", sb.toString().getBytes(StandardCharsets.UTF_8)).doubles("x");
        for (int i = 0; i < got.length; i++) {
            assertThat(Double.doubleToRawLongBits(got[i])).as(texts.get(i))
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(texts.get(i))));
        }
    }

    private static String value(SplittableRandom rnd) {
        int n = rnd.nextInt(7);
        StringBuilder v = new StringBuilder();
        for (int i = 0; i < n; i++) {
            v.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        String s = v.toString();
        // a cell that is blank or white space only is the same as an empty cell to both readers
        return s;
    }

    /** Quotes a value when it must be (or sometimes when it need not be), doubling its quotes. */
    private static String encode(String v, SplittableRandom rnd) {
        boolean needs = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                || !v.equals(v.strip()) || v.isEmpty();
        if (needs || rnd.nextInt(5) == 0) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static Table tablesaw(String text) throws Exception {
        try (StringReader reader = new StringReader(text)) {
            return Table.read().usingOptions(CsvReadOptions.builder(reader).header(true)
                    .columnTypes(col -> ColumnType.STRING).missingValueIndicator("\u0000")
                    .maxCharsPerColumn(1_000_000).maxNumberOfColumns(10_000).build());
        }
    }
}
