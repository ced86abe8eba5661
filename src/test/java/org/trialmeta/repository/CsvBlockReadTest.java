package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.model.InputException;

/**
 * A file read block by block ({@link CsvTable#read(Path, long, int)} with a threshold of 0 and blocks of a few bytes,
 * so that records cross block ends, quoted line breaks fall on them and blocks grow) against the same bytes read whole
 * ({@link CsvTable#parse}): on thousands of generated files, good and bad, the same columns, rows, cell texts, typed
 * columns and the same error message for every failure, whichever way the file fails.
 */
class CsvBlockReadTest {

    @TempDir
    Path dir;

    private static final String ALPHABET = "ab ,\"\n\r.-+e0123456789éΩ–\t";

    @Test
    void blockByBlockReadsWhatTheWholeFileReads() throws IOException {
        SplittableRandom rnd = new SplittableRandom(2026_12_05_2L);
        int streamed = 0;
        for (int file = 0; file < 3000; file++) {
            byte[] bytes = generate(rnd);
            Path p = dir.resolve("f" + file + ".csv");
            Files.write(p, bytes);
            int block = 16 + rnd.nextInt(64);
            String whole = outcome(() -> CsvTable.parse(p.toString(), bytes));
            String blocks = outcome(() -> CsvTable.read(p, 0, block));
            assertThat(blocks).as("file %d, blocks of %d: %s", file, block, show(bytes)).isEqualTo(whole);
            if (!whole.startsWith("error")) {
                CsvTable a = CsvTable.parse(p.toString(), bytes);
                CsvTable b = CsvTable.read(p, 0, block);
                streamed += isBlockwise(b) ? 1 : 0;
                for (String c : a.columns()) {
                    for (Function<CsvTable, Object> f : List.<Function<CsvTable, Object>>of(t -> t.strings(c),
                            t -> List.copyOf(t.textColumn(c)), t -> t.doubles(c), t -> t.counts(c))) {
                        assertThat(outcome(() -> f.apply(b))).as("file %d column %s: %s", file, c, show(bytes))
                                .isEqualTo(outcome(() -> f.apply(a)));
                    }
                    for (int r = a.rowCount() - 1; r >= 0; r -= 1 + rnd.nextInt(3)) {   // backwards: blocks reloaded
                        assertThat(b.string(c, r)).isEqualTo(a.string(c, r));
                    }
                }
            }
        }
        assertThat(streamed).as("files read block by block").isGreaterThan(1000);
    }

    @Test
    void largeFileIsReadBlockByBlockWithTheSameValues() throws IOException {
        StringBuilder sb = new StringBuilder("study,yi,vi,n\n");
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            sb.append(i % 7 == 0 ? "\"Study, " + i + "\"" : "S" + i).append(',')
                    .append(rnd.nextDouble(-3, 3)).append(',').append(rnd.nextDouble(0.01, 1)).append(',')
                    .append(rnd.nextInt(10, 500)).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertThat((long) bytes.length).isGreaterThan(CsvTable.STREAM_BYTES);
        Path p = dir.resolve("large.csv");
        Files.write(p, bytes);
        CsvTable a = CsvTable.parse(p.toString(), bytes);
        CsvTable b = CsvTable.read(p);
        assertThat(isBlockwise(b)).isTrue();
        assertThat(b.rowCount()).isEqualTo(200_000);
        assertThat(b.doubles("yi")).isEqualTo(a.doubles("yi"));
        assertThat(b.doubles("vi")).isEqualTo(a.doubles("vi"));
        assertThat(b.counts("n")).isEqualTo(a.counts("n"));
        assertThat(List.copyOf(b.textColumn("study"))).isEqualTo(List.copyOf(a.textColumn("study")));
        assertThat(b.strings("study")).isEqualTo(a.strings("study"));
        assertThat(b.string("study", 199_999)).isEqualTo("S199999");
    }

    @Test
    void aLargeFileThatFailsLateGivesTheWholeFileReadersMessage() throws IOException {
        StringBuilder sb = new StringBuilder("study,yi,vi\n");
        for (int i = 0; i < 500_000; i++) {
            sb.append('S').append(i).append(",0.").append(i % 1000).append(",0.25\n");
        }
        String good = sb.toString();
        assertThat((long) good.length()).isGreaterThan(CsvTable.STREAM_BYTES);
        for (String tail : List.of("X,1\n", "X,1,2\u0000\n", "\"open,1,2\n", "X,\"1\"\"\n", "X,1,2\n\n\n")) {
            byte[] bytes = (good + tail).getBytes(StandardCharsets.UTF_8);
            Path p = dir.resolve("late.csv");
            Files.write(p, bytes);
            assertThat(outcome(() -> CsvTable.read(p).rowCount()))
                    .isEqualTo(outcome(() -> CsvTable.parse(p.toString(), bytes).rowCount()));
        }
        Path p = dir.resolve("late.csv");
        Files.writeString(p, good + "X,1\n");
        assertThatThrownBy(() -> CsvTable.read(p)).isInstanceOf(InputException.class)
                .hasMessage(p + ": line 500002: 2 fields where the header has 3 (every row needs one value per column)");
    }

    @Test
    void aFileChangedBetweenThePassesIsAnError() throws IOException {
        Path p = dir.resolve("moving.csv");
        Files.writeString(p, "study,yi,vi\nA,0.5,0.1\nB,0.25,0.2\nC,0.125,0.3\n");
        CsvTable t = CsvTable.read(p, 0, 16);
        assertThat(isBlockwise(t)).isTrue();
        assertThat(t.doubles("yi")).containsExactly(0.5, 0.25, 0.125);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.seek(p.toFile().length() - 4);
            f.write('9');   // same length, other content
        }
        assertThatThrownBy(() -> t.doubles("vi")).isInstanceOf(InputException.class)
                .hasMessage(p + ": the file changed while it was read (read it again when it is complete)");
        Files.writeString(p, "study,yi,vi\n");
        assertThatThrownBy(() -> t.strings("study")).isInstanceOf(InputException.class)
                .hasMessage(p + ": the file changed while it was read (read it again when it is complete)");
    }

    @Test
    void aRecordLongerThanTheLargestBlockIsReadWhole() throws IOException {
        Path p = dir.resolve("long.csv");
        String cell = "x".repeat(300);
        Files.writeString(p, "a,b\n" + cell + ",1\n\"" + cell + "\n" + cell + "\",2\n");
        CsvTable t = CsvTable.read(p, 0, 16);   // blocks of 16 bytes grow to hold the records
        assertThat(t.strings("a")).containsExactly(cell, cell + "\n" + cell);
        assertThat(t.counts("b")).containsExactly(1, 2);
    }

    private static boolean isBlockwise(CsvTable t) {
        return t.blockwise();
    }

    /** A file's parse as comparable text: its shape and cells, or the error message. */
    private static String outcome(java.util.concurrent.Callable<Object> f) {
        try {
            Object v = f.call();
            if (v instanceof CsvTable t) {
                StringBuilder sb = new StringBuilder("table ").append(t.columns()).append(' ').append(t.rowCount());
                for (String c : t.columns()) {
                    for (int r = 0; r < t.rowCount(); r++) {
                        sb.append('|').append(t.string(c, r)).append('@').append(t.line(r));
                    }
                }
                return sb.toString();
            }
            if (v instanceof double[] d) {
                return java.util.Arrays.toString(d);
            }
            if (v instanceof int[] d) {
                return java.util.Arrays.toString(d);
            }
            if (v instanceof Object[] o) {
                return java.util.Arrays.toString(o);
            }
            return String.valueOf(v);
        } catch (InputException e) {
            return "error " + e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String show(byte[] b) {
        return new String(b, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n");
    }

    /** A CSV file, mostly well formed, sometimes with one of the faults the readers refuse. */
    private static byte[] generate(SplittableRandom rnd) {
        int cols = 1 + rnd.nextInt(4);
        int rows = rnd.nextInt(12);
        String eol = rnd.nextBoolean() ? "\n" : "\r\n";
        StringBuilder sb = new StringBuilder(rnd.nextInt(5) == 0 ? "\uFEFF" : "");
        if (rnd.nextInt(8) == 0) {
            sb.append(rnd.nextBoolean() ? "\n \t\n" : "\r\n");   // blank lines before the header
        }
        for (int c = 0; c < cols; c++) {
            sb.append(c == 0 ? "" : ",").append(rnd.nextInt(30) == 0 ? "\"c " + c + "\"" : "c" + c);
        }
        sb.append(eol);
        for (int r = 0; r < rows; r++) {
            int fields = rnd.nextInt(40) == 0 ? cols + (rnd.nextBoolean() ? 1 : -1) : cols;
            for (int c = 0; c < Math.max(1, fields); c++) {
                sb.append(c == 0 ? "" : ",").append(cell(rnd));
            }
            sb.append(eol);
            if (rnd.nextInt(10) == 0) {
                sb.append(rnd.nextBoolean() ? eol : "  " + eol);
            }
        }
        if (rnd.nextInt(6) == 0 && sb.length() > 0) {
            sb.setLength(sb.length() - eol.length());   // no line end after the last record
        }
        List<Byte> extra = new ArrayList<>();
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        switch (rnd.nextInt(60)) {
            case 0 -> extra.add((byte) 0);                         // NUL byte
            case 1 -> extra.add((byte) 0xC3);                      // cut UTF-8 character
            case 2 -> { extra.add((byte) '"'); extra.add((byte) 'x'); }   // unclosed quote at the end
            case 3 -> text = " \n\t\r\n".getBytes(StandardCharsets.UTF_8);   // blank file
            case 4 -> text = "\u3000\n".getBytes(StandardCharsets.UTF_8);  // blank by Unicode's rule
            default -> { }
        }
        byte[] out = new byte[text.length + extra.size()];
        System.arraycopy(text, 0, out, 0, text.length);
        if (!extra.isEmpty()) {
            int at = rnd.nextInt(out.length - extra.size() + 1);
            System.arraycopy(out, at, out, at + extra.size(), text.length - at);
            for (int i = 0; i < extra.size(); i++) {
                out[at + i] = extra.get(i);
            }
        }
        return out;
    }

    private static String cell(SplittableRandom rnd) {
        String v = switch (rnd.nextInt(6)) {
            case 0 -> Integer.toString(rnd.nextInt(-5, 1000));
            case 1 -> Double.toString(rnd.nextDouble(-10, 10));
            case 2 -> "";
            default -> {
                StringBuilder b = new StringBuilder();
                int n = rnd.nextInt(8);
                for (int i = 0; i < n; i++) {
                    b.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                }
                yield b.toString();
            }
        };
        boolean needs = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
        if (needs || rnd.nextInt(6) == 0) {
            return (rnd.nextInt(10) == 0 ? " " : "") + "\"" + v.replace("\"", "\"\"") + "\""
                    + (rnd.nextInt(15) == 0 ? "tail" : "");
        }
        return v;
    }
}
