package org.trialmeta.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.CsvTable;

/**
 * Fuzzes {@link CsvTable}. Property: parsing either succeeds with a consistent table, or fails with an
 * {@link InputException} of one line naming the input; every typed accessor on every column then either
 * returns values obeying its rule (finite doubles, non-negative whole counts, non-empty strings) or fails
 * the same way. Any other exception is a bug.
 */
class CsvTableFuzzTest {

    static final String NAME = "fuzz.csv";

    @FuzzTest(maxDuration = "3m")
    void parse(byte[] data) {
        CsvTable t;
        try {
            t = CsvTable.parse(NAME, data);
        } catch (InputException e) {
            assertOneLine(e);
            return;
        }
        assertThat(t.rowCount()).isNotNegative();
        assertThat(t.columns()).isNotEmpty().doesNotHaveDuplicates();
        for (String c : t.columns()) {
            assertThat(t.hasColumn(c)).isTrue();
            for (int r = 0; r < t.rowCount(); r++) {
                assertThat(t.string(c, r)).isNotNull();
            }
            try {
                for (String s : t.strings(c)) {
                    assertThat(s).isNotEmpty();
                }
            } catch (InputException e) {
                assertOneLine(e);
            }
            try {
                for (double d : t.doubles(c)) {
                    assertThat(Double.isFinite(d)).isTrue();
                }
            } catch (InputException e) {
                assertOneLine(e);
            }
            try {
                for (int n : t.counts(c)) {
                    assertThat(n).isNotNegative();
                }
            } catch (InputException e) {
                assertOneLine(e);
            }
        }
        try {
            t.requireColumns("\u0000absent"); // NUL never parses into a column name (the fuzzer found "no such column")
            throw new AssertionError("requireColumns accepted a missing column");
        } catch (InputException e) {
            assertOneLine(e);
        }
    }

    static void assertOneLine(InputException e) {
        assertThat(e.getMessage()).as(e.getMessage()).startsWith(NAME + ": ").doesNotContain("\n", "\r");
    }
}
