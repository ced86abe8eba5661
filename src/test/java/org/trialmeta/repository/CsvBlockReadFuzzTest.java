package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.trialmeta.model.InputException;

/**
 * Fuzzes the block-by-block reader against the whole-file reader: for any bytes (the first chooses the block size,
 * 16 to 271 bytes), {@link CsvTable#read(Path, long, int)} gives the same table, the same typed columns and the same
 * error message as {@link CsvTable#parse} of the same bytes. Any difference, or any other exception, is a bug.
 */
class CsvBlockReadFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void blockwiseEqualsWhole(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        int block = 16 + (data[0] & 0xff);
        byte[] bytes = Arrays.copyOfRange(data, 1, data.length);
        Path p = Files.createTempFile("fuzz", ".csv");
        try {
            Files.write(p, bytes);
            String name = p.toString();
            assertThat(outcome(() -> CsvTable.read(p, 0, block))).isEqualTo(outcome(() -> CsvTable.parse(name, bytes)));
            CsvTable whole;
            try {
                whole = CsvTable.parse(name, bytes);
            } catch (InputException e) {
                return;
            }
            CsvTable blocks = CsvTable.read(p, 0, block);
            for (String c : whole.columns()) {
                assertThat(outcome(() -> blocks.strings(c))).isEqualTo(outcome(() -> whole.strings(c)));
                assertThat(outcome(() -> blocks.doubles(c))).isEqualTo(outcome(() -> whole.doubles(c)));
                assertThat(outcome(() -> blocks.counts(c))).isEqualTo(outcome(() -> whole.counts(c)));
                assertThat(outcome(() -> String.join("\n", blocks.textColumn(c))))
                        .isEqualTo(outcome(() -> String.join("\n", whole.textColumn(c))));
            }
        } finally {
            Files.deleteIfExists(p);
        }
    }

    private static String outcome(Callable<Object> f) {
        try {
            Object v = f.call();
            if (v instanceof CsvTable t) {
                StringBuilder sb = new StringBuilder(t.columns().toString()).append(t.rowCount());
                for (String c : t.columns()) {
                    for (int r = 0; r < t.rowCount(); r++) {
                        sb.append('|').append(t.string(c, r));
                    }
                }
                return sb.toString();
            }
            if (v instanceof double[] d) {
                return Arrays.toString(d);
            }
            if (v instanceof int[] d) {
                return Arrays.toString(d);
            }
            if (v instanceof Object[] o) {
                return Arrays.toString(o);
            }
            return String.valueOf(v);
        } catch (InputException e) {
            return "error " + e.getMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
