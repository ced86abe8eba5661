package org.trialmeta.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.trialmeta.model.InputException;
import org.trialmeta.model.TextColumn;

/**
 * A user's CSV file, with typed accessors whose errors name the file, the row (as the line number a spreadsheet
 * shows, header = line 1), the column, the value and the rule.
 *
 * <p>RFC 4180 text (quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF or LF), UTF-8 with
 * an optional BOM, a header row of unique, non-blank names; blank lines are skipped; every data row has the header's
 * number of fields. Cells are stripped of surrounding white space. No type is guessed: conversion happens in the
 * accessors with {@link Locale#ROOT} rules, and numbers must be plain decimals ({@code 12}, {@code -0.5},
 * {@code 1e-3}; not {@code NaN}, {@code Infinity}, {@code 1d}, {@code 0x1p3}).
 *
 * <p>A file is read once into its bytes and parsed in one pass into the start of each cell (4 bytes per cell); a
 * cell becomes a {@code String} only when text is asked for, and numbers are parsed from the bytes (the exact fast
 * path of Clinger 1990 for up to 15 significant digits, {@link Double#parseDouble} otherwise, so the value is always
 * the correctly rounded double). Tablesaw read every cell into a {@code String} first: on a file of 10⁶ rows this
 * reader takes a fraction of the time and memory (docs/benchmarks.md, "Reading CSV").
 *
 * <p>A regular file of {@value #STREAM_BYTES} bytes or more is read block by block instead: a first pass checks the
 * whole file (the same rules, in the same order) and notes where each block of about {@value #BLOCK_BYTES} bytes of
 * whole records starts, with its CRC-32C; each column asked for is then read in another pass over the blocks, one at a
 * time, so that neither the file's bytes nor its cell starts are kept (on 10⁶ studies, 37 MB that the collector would
 * otherwise copy and keep). A file that fails a check is read again whole, which gives exactly the message of the
 * in-memory reader; a block that changed between the passes is an error.
 */
public final class CsvTable {

    /**
     * Whether {@code v} is written as a plain decimal number ("12", "-0.5", "1e-3"; not "NaN", "Inf", "0x1p3", "");
     * such a cell may still be out of range ("1e999"), which {@link #doubles} reports.
     */
    public static boolean isDecimal(String v) {
        return NumberSyntax.decimal(v);
    }

    /** Files larger than this are refused rather than read into memory. */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    /** Longest cell, in bytes, and most columns: beyond these the file is not a table of studies or patients. */
    static final int MAX_CELL_BYTES = 1_000_000;
    static final int MAX_COLUMNS = 10_000;

    /**
     * Regular files of at least this many bytes are read block by block (see the class comment). Below it the file's
     * bytes and cell starts are at most a few MB, held while the command runs; above it reading each column in its
     * own pass costs a little time for the memory: 10⁶ KM rows (10.8 MB) 1.11 → 1.18 s for 51 MB less (round 7 in
     * docs/benchmarks.md); at 1 MB rather than 8 MB, a network of 100,000 studies (5.5 MB) needs a 31 MB heap
     * instead of 41 and a 5.6 MB Cox file 19 instead of 21 MB, at 0.90 against 0.88 s (the heap survey of
     * 2026-12-06).
     */
    static final long STREAM_BYTES = 1L << 20;
    /**
     * The size of a block when a file is read block by block (a block grows to hold a longer record): small enough
     * for its cell starts to be kept as 2-byte offsets.
     */
    static final int BLOCK_BYTES = 1 << 16;
    /** A record that needs a larger block than this is read with the whole file instead. */
    private static final int MAX_BLOCK_BYTES = 64 << 20;
    /** Rows the whole-file reader makes room for before it estimates the rest from their length. */
    private static final int FIRST_ROWS = 1024;

    private final String name;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final int rows;
    /** Whether the header line ends in CRLF: then CRLF inside quoted cells is a line break, read as LF. */
    private final boolean crlf;
    /** Per column, the bytes of all its cells (quotes included): the size of its {@link #textColumn}. */
    private final long[] cellBytes;
    /** The whole table in memory; null for a file read block by block. */
    private final Segment whole;
    /** A file read block by block: its path and its blocks of data rows (both null in memory). */
    private final Path file;
    private final Block[] blocks;
    /** The block last parsed by {@link #string}: reading cells row after row parses each block once. */
    private Segment recent;
    /** The file line of each data row, or null when row r is on line r + 2 (a header line, no blank lines). */
    private int[] lines;

    private CsvTable(String name, List<String> columns, int rows, boolean crlf, long[] cellBytes, Segment whole,
            Path file, Block[] blocks) {
        this.name = name;
        this.crlf = crlf;
        this.columns = columns;
        this.rows = rows;
        this.cellBytes = cellBytes;
        this.whole = whole;
        this.file = file;
        this.blocks = blocks;
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            idx.put(columns.get(i), i);
        }
        this.index = idx;
    }

    /**
     * Data rows {@code [first, first + rows)} parsed: their bytes (up to {@code limit}) and each cell's first byte (for
     * a quoted cell, its opening quote); {@code end} holds each cell's end (exclusive, negated when quoted) for a table
     * built by {@link #of}, and is null for a parsed file, whose cell ends are found again from their starts by the
     * parser's own rule ({@link #cellEnd}): half the memory, for a scan of each cell read.
     */
    private record Segment(int first, int rows, byte[] data, int limit, int[][] start, int[][] end) {
        int end(int c, int r) {
            return end != null ? end[c][r] : cellEnd(data, start[c][r], limit);
        }
    }

    /**
     * Data rows {@code [firstRow, firstRow + rows)} of a file read block by block: their bytes at
     * {@code [offset, offset + length)} with their CRC-32C, and the start of cell (c, r) in the block at
     * {@code [c * rows + r]} of {@code narrow} (a block of at most 65,536 bytes, the usual case) or of {@code wide}.
     */
    private record Block(long offset, int length, int firstRow, int rows, int crc, char[] narrow, int[] wide) {
        int start(int c, int r) {
            return narrow != null ? narrow[c * rows + r] : wide[c * rows + r];
        }
    }

    /** Reads {@code file}; the file's name as given is used in error messages. */
    public static CsvTable read(Path file) {
        return read(file, STREAM_BYTES, BLOCK_BYTES);
    }

    /** {@link #read}, block by block from {@code streamBytes} bytes on, in blocks of {@code blockBytes} (for tests). */
    static CsvTable read(Path file, long streamBytes, int blockBytes) {
        long size = -1;
        try {
            if (Files.isRegularFile(file)) {
                size = Files.size(file);
            }
        } catch (IOException | SecurityException e) {
            size = -1;   // the whole-file reader says why it cannot be read
        }
        if (size >= streamBytes && size <= MAX_BYTES) {
            CsvTable t;
            try {
                t = stream(file, blockBytes);
            } catch (InputException | IOException e) {
                t = null;
            }
            if (t != null) {
                return t;
            }
        }
        return parse(file.toString(), readBytes(file));
    }

    /**
     * The first pass over a file read block by block: checks it and notes its blocks; null when anything is wrong
     * (text, structure, a record longer than {@link #MAX_BLOCK_BYTES}), so that the whole-file reader names it.
     */
    private static CsvTable stream(Path file, int blockBytes) throws IOException {
        String display = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[Math.max(16, blockBytes)];
            int len = readBlocks(in, buf, 0, buf.length);
            boolean atEnd = len < buf.length;
            int from = bomLength(buf, len);
            if (!startsWithText(buf, from, len)) {
                return null;   // blank so far, or a first character that is not ASCII: the whole-file reader decides
            }
            long offset = 0;   // of buf[0] in the file
            int pos = from;
            int line = 1;
            List<String> header = null;
            boolean crlf = false;
            long[] cellBytes = null;
            long[] pending = null;
            List<Block> blocks = new ArrayList<>();
            int rows = 0;
            int[][] starts = null;   // of the cells of the current block's rows, in buf
            CRC32C crc = new CRC32C();
            while (true) {
                int limit = atEnd ? len : lastNewline(buf, len) + 1;
                Parser p = new Parser(display, buf, pos, limit, atEnd);
                p.line = line;
                int blockStart = pos;
                int firstRow = rows;
                try {
                    if (header == null) {
                        p.skipBlankLines();
                        if (p.pos < limit) {
                            header = p.header();
                            crlf = p.crlf;
                            cellBytes = new long[header.size()];
                            pending = new long[header.size()];
                            starts = new int[header.size()][64];
                        }
                        blockStart = p.pos;
                    }
                    while (header != null) {
                        p.skipBlankLines();
                        if (p.pos >= limit) {
                            break;
                        }
                        int recordPos = p.pos;
                        int recordLine = p.line;
                        int fields;
                        if (rows - firstRow == starts[0].length) {
                            for (int c = 0; c < starts.length; c++) {
                                starts[c] = Arrays.copyOf(starts[c], 2 * starts[c].length);
                            }
                        }
                        try {
                            fields = p.record(header.size(), starts, rows - firstRow, pending);
                        } catch (Incomplete e) {
                            p.pos = recordPos;
                            p.line = recordLine;
                            Arrays.fill(pending, 0);
                            break;
                        }
                        p.checkFields(recordLine, fields, header.size());
                        for (int c = 0; c < pending.length; c++) {
                            cellBytes[c] += pending[c];
                            pending[c] = 0;
                        }
                        rows++;
                    }
                } catch (Incomplete e) {
                    p.pos = pos;   // the header continues after this block
                    p.line = line;
                    blockStart = pos;
                }
                int end = p.pos;
                checkText(display, buf, 0, end, false);
                if (rows > firstRow) {
                    crc.reset();
                    crc.update(buf, blockStart, end - blockStart);
                    blocks.add(block(offset + blockStart, end - blockStart, firstRow, rows - firstRow,
                            (int) crc.getValue(), starts, blockStart));
                }
                if (atEnd) {
                    return header == null ? null : new CsvTable(display, header, rows, crlf, cellBytes, null, file,
                            blocks.toArray(Block[]::new));
                }
                int keep = len - end;
                if (end == 0) {   // not one whole record in the block: a longer block
                    if (buf.length >= MAX_BLOCK_BYTES) {
                        return null;
                    }
                    buf = Arrays.copyOf(buf, buf.length * 2);
                } else {
                    System.arraycopy(buf, end, buf, 0, keep);
                }
                offset += end;
                pos = 0;
                line = p.line;
                len = keep + readBlocks(in, buf, keep, buf.length - keep);
                atEnd = len < buf.length;
                if (offset + len > MAX_BYTES) {
                    return null;
                }
            }
        }
    }

    /** A block whose cell starts are {@code starts[c][r] - base}, as 2-byte offsets when they fit. */
    private static Block block(long offset, int length, int firstRow, int rows, int crc, int[][] starts, int base) {
        int n = starts.length;
        if (length <= 1 << 16) {
            char[] narrow = new char[n * rows];
            for (int c = 0; c < n; c++) {
                for (int r = 0; r < rows; r++) {
                    narrow[c * rows + r] = (char) (starts[c][r] - base);
                }
            }
            return new Block(offset, length, firstRow, rows, crc, narrow, null);
        }
        int[] wide = new int[n * rows];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < rows; r++) {
                wide[c * rows + r] = starts[c][r] - base;
            }
        }
        return new Block(offset, length, firstRow, rows, crc, null, wide);
    }

    /** Whether the first character at or after {@code from} that is not ASCII white space is printable ASCII. */
    private static boolean startsWithText(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != 0x0B && c != 0x0C) {
                return c > 0;
            }
        }
        return false;
    }

    private static int lastNewline(byte[] b, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Each segment of the table in row order, with the cell starts of column {@code c}: the whole table, or each block
     * of a file read block by block.
     */
    private void eachSegment(int c, Consumer<Segment> action) {
        if (whole != null) {
            action.accept(whole);
            return;
        }
        int max = 0;
        for (Block b : blocks) {
            max = Math.max(max, b.length());
        }
        byte[] buf = new byte[max];
        try (FileChannel ch = FileChannel.open(file)) {
            for (Block b : blocks) {
                action.accept(load(ch, b, buf, c));
            }
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
    }

    /** The segment that holds data row {@code row}. */
    private Segment segmentOf(int row) {
        if (whole != null) {
            return whole;
        }
        Segment s = recent;
        if (s != null && row >= s.first() && row < s.first() + s.rows()) {
            return s;
        }
        java.util.Objects.checkIndex(row, rows);
        int lo = 0;
        int hi = blocks.length - 1;
        while (lo < hi) {   // the last block whose first row is at most row
            int mid = (lo + hi + 1) >>> 1;
            if (blocks[mid].firstRow() <= row) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        try (FileChannel ch = FileChannel.open(file)) {
            s = load(ch, blocks[lo], new byte[blocks[lo].length()], -1);
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
        recent = s;
        return s;
    }

    /**
     * Reads block {@code b} into {@code buf} (an error when it is not what the first pass read) with the cell starts of
     * column {@code c}, or of every column when {@code c} is −1.
     */
    private Segment load(FileChannel ch, Block b, byte[] buf, int c) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, b.length());
        while (bb.hasRemaining()) {
            if (ch.read(bb, b.offset() + bb.position()) < 0) {
                throw changed();
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(buf, 0, b.length());
        if ((int) crc.getValue() != b.crc()) {
            throw changed();
        }
        int n = columns.size();
        int[][] start = new int[n][];
        for (int k = c < 0 ? 0 : c; k < (c < 0 ? n : c + 1); k++) {
            int[] col = new int[b.rows()];
            for (int r = 0; r < col.length; r++) {
                col[r] = b.start(k, r);
            }
            start[k] = col;
        }
        return new Segment(b.firstRow(), b.rows(), buf, b.length(), start, null);
    }

    /** The line for a file that could not be read: its name and the system's reason. */
    private static InputException cannotRead(String name, IOException e) {
        return new InputException(name + ": cannot read file (" + shown(String.valueOf(e.getMessage())) + ")");
    }

    private InputException changed() {
        return new InputException(name + ": the file changed while it was read (read it again when it is complete)");
    }

    /**
     * The bytes of {@code file}, refusing directories, missing files and files over {@link #MAX_BYTES}; read in a
     * bounded way (a device such as /dev/zero, or a pipe, has no size to check beforehand), and a first block of
     * binary data (NUL bytes, invalid UTF-8) is refused before the rest is read. The file's name as given is used in
     * error messages.
     */
    public static byte[] readBytes(Path file) {
        String display = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(display + ": is a directory, expected a CSV file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(HEAD_BYTES);
            checkText(display, head, head.length == HEAD_BYTES);
            if (head.length < HEAD_BYTES) {
                bytes = head;
            } else {
                // a regular file's size is known: read it into one array of that size, in blocks (JDK 17's
                // readNBytes(len) reads 8 KB at a time into a list of buffers and copies them twice: 0.14-0.28 s of a
                // 25 MB file); whatever follows (a file that grew, a pipe) is read as before, up to the limit
                long size = Files.isRegularFile(file) ? Files.size(file) : -1;
                int expected = size > HEAD_BYTES && size <= MAX_BYTES ? (int) size : HEAD_BYTES;
                byte[] all = Arrays.copyOf(head, expected);
                int n = HEAD_BYTES + readBlocks(in, all, HEAD_BYTES, expected - HEAD_BYTES);
                byte[] known = n == expected ? all : Arrays.copyOf(all, n);
                byte[] rest = in.readNBytes((int) (MAX_BYTES + 1 - n));
                bytes = rest.length == 0 ? known : concat(known, rest);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(display + ": file not found");
        } catch (IOException e) {
            throw cannotRead(display, e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new InputException(display + ": file is more than the limit of " + MAX_BYTES + " bytes");
        }
        return bytes;
    }

    /** Reads up to {@code len} bytes into {@code b} from {@code off}, 1 MB at a time; returns how many (fewer at the end). */
    private static int readBlocks(InputStream in, byte[] b, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            int r = in.read(b, off + n, Math.min(len - n, 1 << 20));
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    /** The text of CSV bytes: UTF-8 without NUL bytes, BOM removed, not blank (one line naming the problem). */
    public static String text(String name, byte[] bytes) {
        int from = textStart(name, bytes);
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }

    /** Checks CSV bytes by {@link #text}'s rules and returns where their text starts (after a BOM). */
    private static int textStart(String name, byte[] bytes) {
        checkText(name, bytes, false);
        int from = bomLength(bytes, bytes.length);
        if (isBlank(bytes, from)) {
            throw new InputException(name + ": file is empty (expected a header row and data rows)");
        }
        return from;
    }

    /** The length of a UTF-8 byte order mark at the start of {@code b[0, len)}: 3, or 0 when there is none. */
    private static int bomLength(byte[] b, int len) {
        return len >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
    }

    /**
     * A table of cells parsed elsewhere (e.g. a digitiser's export without a header), with the file line of each
     * row for messages.
     *
     * @param columns column names (unique)
     * @param rows    cells by row, each row as long as {@code columns}
     * @param lines   the file line of each row
     */
    public static CsvTable of(String name, List<String> columns, List<List<String>> rows, int[] lines) {
        if (lines.length != rows.size()) {
            throw new IllegalArgumentException(lines.length + " line numbers for " + rows.size() + " rows");
        }
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        int n = columns.size();
        int[][] start = new int[n][rows.size()];
        int[][] end = new int[n][rows.size()];
        long[] cellBytes = new long[n];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < n; c++) {
                byte[] v = rows.get(r).get(c).getBytes(StandardCharsets.UTF_8);
                start[c][r] = data.size();
                data.write(v, 0, v.length);
                end[c][r] = data.size();
                cellBytes[c] += v.length;
            }
        }
        byte[] bytes = data.toByteArray();
        CsvTable t = new CsvTable(name, List.copyOf(columns), rows.size(), false, cellBytes,
                new Segment(0, rows.size(), bytes, bytes.length, start, end), null, null);
        t.lines = lines.clone();
        return t;
    }

    private static final int HEAD_BYTES = 64 * 1024;

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Parses CSV bytes; {@code name} identifies the input in error messages. */
    public static CsvTable parse(String name, byte[] bytes) {
        return new Parser(name, bytes, textStart(name, bytes), bytes.length, true).table();
    }

    /**
     * UTF-8 without NUL bytes (ASCII files, the usual case, are checked without decoding). With {@code prefix}, the
     * bytes are the start of a longer file: a character cut at the end is not an error.
     */
    private static void checkText(String name, byte[] bytes, boolean prefix) {
        checkText(name, bytes, 0, bytes.length, prefix);
    }

    /** {@link #checkText(String, byte[], boolean)} on {@code bytes[from, to)}. */
    private static void checkText(String name, byte[] bytes, int from, int to, boolean prefix) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == 0) {
                checkUtf8(name, bytes, from, to, prefix);
                throw new InputException(name + ": contains NUL bytes, not a text CSV file");
            }
            ascii &= b >= 0;
        }
        if (!ascii) {
            checkUtf8(name, bytes, from, to, prefix);
        }
    }

    private static void checkUtf8(String name, byte[] bytes, int from, int to, boolean prefix) {
        int n = to;
        if (prefix) {
            // drop a multi-byte character that the block boundary cut (at most 3 continuation/lead bytes)
            int i = n - 1;
            while (i >= from && i >= n - 3 && (bytes[i] & 0xC0) == 0x80) {
                i--;
            }
            if (i >= from && (bytes[i] & 0xC0) == 0xC0) {
                n = i;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, n - from));
        } catch (CharacterCodingException e) {
            throw new InputException(name + ": not valid UTF-8 text (save the file as UTF-8 CSV)");
        }
    }

    private static boolean isBlank(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != 0x0B && c != 0x0C) {
                return c < 0 && new String(b, i, b.length - i, StandardCharsets.UTF_8).isBlank();
            }
        }
        return true;
    }

    /** A record cut by the end of a block that is not the end of the file: the block ends before it. */
    private static final class Incomplete extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Incomplete INSTANCE = new Incomplete();

        private Incomplete() {
            super(null, null, false, false);
        }
    }

    /** One pass over the bytes {@code b[pos, limit)}: records, fields, cell starts. */
    private static final class Parser {
        private final String name;
        private final byte[] b;
        private final int limit;
        /** Whether {@code limit} is the end of the input; else a quote still open there is {@link Incomplete}. */
        private final boolean atEnd;
        private int pos;
        private int line = 1;
        private int fieldStart;
        private int fieldEnd;
        private boolean quoted;
        /** Whether the header line ends in CRLF (set by {@link #header}). */
        private boolean crlf;

        Parser(String name, byte[] b, int from, int limit, boolean atEnd) {
            this.name = name;
            this.b = b;
            this.pos = from;
            this.limit = limit;
            this.atEnd = atEnd;
        }

        CsvTable table() {
            skipBlankLines();
            List<String> header = header();
            int n = header.size();
            // room for the first rows (a row has at least 2 bytes a cell); then for the rows the bytes left would
            // hold at the first rows' mean length, plus a tenth: a guess from the file's size alone (2 bytes a
            // cell) kept four times the cell starts needed on the benchmark's Cox file (12 instead of 3 MB)
            int capacity = Math.max(16, Math.min(b.length / Math.max(1, 2 * n), FIRST_ROWS));
            int[][] start = new int[n][capacity];
            long[] cellBytes = new long[n];
            int rows = 0;
            int dataStart = pos;
            while (true) {
                skipBlankLines();
                if (pos >= limit) {
                    break;
                }
                int recordLine = line;
                if (rows == start[0].length) {
                    long left = (long) (limit - pos) * rows / Math.max(1, pos - dataStart);
                    int grown = (int) Math.min(Integer.MAX_VALUE - 16,
                            Math.max(rows + (rows >> 1), rows + left + (left + rows) / 10) + 16);
                    for (int c = 0; c < n; c++) {
                        start[c] = Arrays.copyOf(start[c], grown);
                    }
                }
                checkFields(recordLine, record(n, start, rows, cellBytes), n);
                rows++;
            }
            return new CsvTable(name, header, rows, crlf, cellBytes, new Segment(0, rows, b, limit, start, null),
                    null, null);
        }

        /** The header record at {@code pos}: unique, non-blank names (unmodifiable); sets {@link #crlf}. */
        List<String> header() {
            List<String> header = new ArrayList<>();
            List<int[]> headerRanges = new ArrayList<>();
            boolean more = true;
            while (more) {
                more = field();
                headerRanges.add(new int[] {fieldStart, quoted ? -fieldEnd : fieldEnd});
                if (headerRanges.size() > MAX_COLUMNS) {
                    throw new InputException(name + ": malformed CSV (more than " + MAX_COLUMNS + " columns)");
                }
            }
            for (int[] r : headerRanges) {
                header.add(text(b, r[0], r[1], false).strip());
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).isEmpty()) {
                    throw new InputException(name + ": header column " + (i + 1) + " has no name");
                }
                if (!seen.add(header.get(i))) {
                    throw new InputException(name + ": column '" + shown(header.get(i)) + "' appears twice in the header");
                }
            }
            int h = Math.abs(headerRanges.get(headerRanges.size() - 1)[1]);
            crlf = h + 1 < limit && b[h] == '\r' && b[h + 1] == '\n';
            return Collections.unmodifiableList(header);
        }

        /**
         * Reads one record from {@code pos} and returns its number of fields; of its first {@code n} fields, stores
         * each one's start in {@code start[c][row]} and adds its length to {@code cellBytes[c]} (either may be null).
         */
        int record(int n, int[][] start, int row, long[] cellBytes) {
            int col = 0;
            boolean more = true;
            while (more) {
                more = field();
                if (col < n) {
                    if (start != null) {
                        start[col][row] = fieldStart;   // its end is found again when it is read (cellEnd)
                    }
                    if (cellBytes != null) {
                        cellBytes[col] += fieldEnd - fieldStart;
                    }
                }
                col++;
            }
            return col;
        }

        void checkFields(int recordLine, int fields, int n) {
            if (fields != n) {
                throw new InputException(name + ": line " + recordLine + ": " + fields + " field" + (fields == 1 ? "" : "s")
                        + " where the header has " + n + " (every row needs one value per column)");
            }
        }

        /** Skips lines that hold nothing but spaces, tabs and a line end. */
        private void skipBlankLines() {
            while (pos < limit) {
                int i = pos;
                while (i < limit && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) {
                    i++;
                }
                if (i < limit && b[i] == '\n') {
                    pos = i + 1;
                    line++;
                } else if (i >= limit) {
                    pos = i;
                } else {
                    return;
                }
            }
        }

        /**
         * Reads one field from {@code pos}: sets its range (for a quoted field, from the opening quote to the end of
         * the field) and whether it was quoted; returns whether another field of the same record follows.
         */
        private boolean field() {
            int i = pos;
            while (i < limit && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            quoted = i < limit && b[i] == '"';
            int s = quoted ? i : pos;
            int fieldLine = line;
            if (quoted) {
                int after = afterQuotes(b, i, limit);
                if (after < 0) {
                    if (!atEnd) {
                        throw Incomplete.INSTANCE;
                    }
                    throw new InputException(name + ": malformed CSV (a quoted field that starts on line " + fieldLine
                            + " has no closing quote)");
                }
                for (int k = i; k < after; k++) {
                    if (b[k] == '\n') {
                        line++;
                    }
                }
                i = after;
            }
            int e = endAfter(b, s, i, limit);
            i = e < limit && b[e] == '\r' ? e + 1 : e;   // the delimiter after the cell (past a CRLF's CR)
            if (e - s > MAX_CELL_BYTES) {
                throw new InputException(name + ": malformed CSV (a field on line " + fieldLine + " is longer than the limit"
                        + " of " + MAX_CELL_BYTES + " bytes)");
            }
            fieldStart = s;
            fieldEnd = e;
            if (i < limit && b[i] == ',') {
                pos = i + 1;
                return true;
            }
            pos = Math.min(limit, i + 1);
            if (i < limit) {
                line++;
            }
            return false;
        }
    }

    /**
     * The text of a cell: plain cells as they are; quoted cells without their quotes, doubled quotes made single,
     * in a file whose lines end in CRLF, CRLF inside the quotes read as {@code \n} (as Excel and
     * univocity/Tablesaw read them), and text after the
     * closing quote kept, as spreadsheets do.
     */
    private static String text(byte[] b, int s, int signedEnd, boolean crlf) {
        if (signedEnd >= 0) {
            return new String(b, s, signedEnd - s, StandardCharsets.UTF_8);
        }
        int e = -signedEnd;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(e - s);
        int i = s + 1;
        while (i < e) {
            if (b[i] == '"') {
                if (i + 1 < e && b[i + 1] == '"') {
                    out.write('"');
                    i += 2;
                    continue;
                }
                out.write(b, i + 1, e - i - 1);
                break;
            }
            if (crlf && b[i] == '\r' && i + 1 < e && b[i + 1] == '\n') {
                i++;
                continue;
            }
            out.write(b[i]);
            i++;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Whether the table is a file read block by block (for tests). */
    boolean blockwise() {
        return whole == null;
    }

    /** The input's name as used in messages. */
    public String name() {
        return name;
    }

    /** Column names in file order. */
    public List<String> columns() {
        return columns;
    }

    /** Number of data rows. */
    public int rowCount() {
        return rows;
    }

    /** The spreadsheet line number of data row {@code row} (0-based): header is line 1. */
    public static int lineOf(int row) {
        return row + 2;
    }

    /** The file line of data row {@code row}: {@link #lineOf} for a file read here, the given line for {@link #of}. */
    public int line(int row) {
        return lines == null ? lineOf(row) : lines[row];
    }

    public boolean hasColumn(String column) {
        return index.containsKey(column);
    }

    /** Fails with a clear message unless every named column is present. */
    public CsvTable requireColumns(String... required) {
        List<String> missing = new ArrayList<>();
        for (String c : required) {
            if (!index.containsKey(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException(name + ": missing column" + (missing.size() > 1 ? "s " : " ")
                    + shown(String.join(", ", missing)) + " (columns present: " + shown(String.join(", ", columns)) + ")");
        }
        return this;
    }

    /**
     * The index of the first column set that is wholly present, for inputs that accept the same data under
     * several namings (metafor's {@code ai,n1i,ci,n2i} or RevMan's {@code events_1,total_1,events_2,total_2}).
     * When none is complete: if the columns of exactly one set are partly present, the message names that set's
     * missing columns (as {@link #requireColumns}); otherwise it lists every accepted set.
     *
     * @param what what the columns are for, e.g. "--measure OR"
     */
    public int requireOneOf(String what, List<List<String>> sets) {
        int partial = -1;
        int partials = 0;
        for (int i = 0; i < sets.size(); i++) {
            int present = 0;
            for (String c : sets.get(i)) {
                present += index.containsKey(c) && !c.equals("study") ? 1 : 0;
            }
            if (sets.get(i).stream().allMatch(index::containsKey)) {
                return i;
            }
            if (present > 0) {
                partial = i;
                partials++;
            }
        }
        if (partials == 1) {
            requireColumns(sets.get(partial).toArray(String[]::new));
        }
        List<String> alternatives = new ArrayList<>();
        for (List<String> set : sets) {
            alternatives.add(String.join(",", set));
        }
        throw new InputException(name + ": missing columns for " + what + ": give " + String.join(" or ", alternatives)
                + " (columns present: " + shown(String.join(", ", columns)) + ")");
    }

    /** Fails unless the file has at least {@code min} data rows. */
    public CsvTable requireRows(int min) {
        if (rows < min) {
            throw new InputException(name + ": has " + rows + " data row" + (rows == 1 ? "" : "s")
                    + ", at least " + min + " required");
        }
        return this;
    }

    private int column(String column) {
        requireColumns(column);
        return index.get(column);
    }

    /**
     * The text of a cell (stripped), or a clear error when the column is missing. In a file read block by block, the
     * block of the last cell read is kept: cells read in row order cost one block read per block, cells read at random
     * one each; whole columns are read with {@link #strings}, {@link #textColumn}, {@link #doubles}, {@link #counts}.
     */
    public String string(String column, int row) {
        int c = column(column);
        Segment s = segmentOf(row);
        return cellText(s, c, row - s.first());
    }

    /** The text of cell (c, r) of segment {@code s}, stripped. */
    private String cellText(Segment s, int c, int r) {
        return text(s.data(), s.start()[c][r], s.end(c, r), crlf).strip();
    }

    /**
     * The end (exclusive) of the cell that starts at {@code s}, negated when it is quoted (it starts with a quote),
     * by the rule the parser reads it with: a quoted part up to its closing quote ({@code ""} inside it is a quote),
     * then anything up to the next comma or line end, without the CR of a CRLF. Only for a parsed file, whose
     * quotes are known to close.
     */
    static int cellEnd(byte[] b, int s) {
        return cellEnd(b, s, b.length);
    }

    /** {@link #cellEnd(byte[], int)} in {@code b[.., limit)}. */
    private static int cellEnd(byte[] b, int s, int limit) {
        boolean quoted = s < limit && b[s] == '"';
        int e = endAfter(b, s, quoted ? afterQuotes(b, s, limit) : s, limit);
        return quoted ? -e : e;
    }

    /**
     * The end of the cell that starts at {@code s}, scanning from {@code i} ({@code s}, or past the closing quote of
     * its quoted part): up to the next comma or line end, without the CR of a CRLF.
     */
    private static int endAfter(byte[] b, int s, int i, int limit) {
        while (i < limit && b[i] != ',' && b[i] != '\n') {
            i++;
        }
        if (i > s && b[i - 1] == '\r' && (i >= limit || b[i] == '\n')) {
            i--;
        }
        return i;
    }

    /**
     * The position after the closing quote of the quoted part that opens at {@code s}, or −1 when it does not close
     * before {@code limit}.
     */
    private static int afterQuotes(byte[] b, int s, int limit) {
        int i = s + 1;
        while (i < limit) {
            if (b[i] == '"') {
                if (i + 1 < limit && b[i + 1] == '"') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /**
     * A column as text, non-empty cells required. Cells with the same bytes (quoted or not) share one String (a small
     * direct-mapped cache keyed by the bytes): label columns such as study or analysis repeat a few values over
     * millions of rows, and a String per row is most of the memory and time of reading them. A column of mostly
     * distinct labels (study names) is better read with {@link #textColumn}.
     */
    public String[] strings(String column) {
        int c = column(column);
        String[] out = new String[rows];
        String[] cache = new String[STRING_CACHE];
        int[] cacheStart = new int[STRING_CACHE];
        int[] cacheEnd = new int[STRING_CACHE];
        eachSegment(c, seg -> {
            Arrays.fill(cache, null);   // the cache points into this segment's bytes
            byte[] data = seg.data();
            int[] cs = seg.start()[c];
            for (int r = 0; r < seg.rows(); r++) {
                int s = cs[r];
                int e = seg.end(c, r);
                String v;
                int raw = e >= 0 ? e : -e; // a quoted cell's bytes, quotes included, decide its text as well
                if (raw - s <= MAX_CACHED_CELL) {
                    int h = 0;
                    for (int i = s; i < raw; i++) {
                        h = 31 * h + data[i];
                    }
                    int slot = (h ^ (h >>> 16)) & (STRING_CACHE - 1);
                    String hit = cache[slot];
                    if (hit != null && Arrays.equals(data, s, raw, data, cacheStart[slot], cacheEnd[slot])) {
                        v = hit;
                    } else {
                        v = text(data, s, e, crlf).strip();
                        cache[slot] = v;
                        cacheStart[slot] = s;
                        cacheEnd[slot] = raw;
                    }
                } else {
                    v = text(data, s, e, crlf).strip();
                }
                if (v.isEmpty()) {
                    throw cellError(column, seg.first() + r, v, "a value is required");
                }
                out[seg.first() + r] = v;
            }
        });
        return out;
    }

    /** The text R's {@code read.csv} reads as a missing value ({@code na.strings = "NA"}). */
    public static final String MISSING = "NA";

    /**
     * A column of labels that classify rows (groups, strata, subgroups, factor levels) as {@link #strings} reads it, a
     * missing value refused as well as an empty cell: {@value #MISSING}, which R reads as NA (survfit, survdiff,
     * coxph and rma drop such rows; made a label, it would be a group, stratum or level of its own).
     */
    public String[] labels(String column) {
        String[] out = strings(column);
        for (int r = 0; r < out.length; r++) {
            if (out[r].equals(MISSING)) {
                throw cellError(column, r, out[r], "a missing value: rows with a missing value are refused");
            }
        }
        return out;
    }

    /**
     * A column of labels (e.g. study names) as one {@link TextColumn}: the same text and the same errors as
     * {@link #strings} (cells stripped, quoted cells unquoted, non-empty cells required), but 2 objects instead of a
     * {@code String} per row. A plain ASCII cell that needs neither stripping nor unquoting (the usual case) is copied
     * as bytes; any other cell is read as {@link #string} reads it and stored as its UTF-8.
     */
    public TextColumn textColumn(String column) {
        int c = column(column);
        TextColumn.Builder out = TextColumn.builder(rows, cellBytes[c]);
        eachSegment(c, seg -> {
            byte[] data = seg.data();
            int[] cs = seg.start()[c];
            for (int r = 0; r < seg.rows(); r++) {
                int s = cs[r];
                int e = seg.end(c, r);
                // unquoted (e >= 0), not empty, no white space or control character at either end, all ASCII
                if (e > s && data[s] > ' ' && data[e - 1] > ' ' && out.addIfAscii(data, s, e)) {
                    continue;
                }
                String v = text(data, s, e, crlf).strip();
                if (v.isEmpty()) {
                    throw cellError(column, seg.first() + r, v, "a value is required");
                }
                out.add(v);
            }
        });
        return out.build();
    }

    private static final int STRING_CACHE = 1 << 12;
    private static final int MAX_CACHED_CELL = 64;

    /** A column of finite numbers. */
    public double[] doubles(String column) {
        int c = column(column);
        double[] out = new double[rows];
        eachSegment(c, seg -> {   // the loop writes the array itself: eachNumber would add an interface call a cell
            for (int r = 0; r < seg.rows(); r++) {
                out[seg.first() + r] = number(seg, column, c, r);
            }
        });
        return out;
    }

    /** Receives a column's numbers one at a time: data row (0-based) and value. */
    @FunctionalInterface
    public interface NumberSink {
        void accept(int row, double value);
    }

    /**
     * The numbers of {@code column} handed to {@code sink} in row order, checked as {@link #doubles} checks them (the
     * first bad cell is an {@link InputException}, as there): for a caller that keeps less than a double a row.
     */
    public void eachNumber(String column, NumberSink sink) {
        int c = column(column);
        eachSegment(c, seg -> {
            for (int r = 0; r < seg.rows(); r++) {
                sink.accept(seg.first() + r, number(seg, column, c, r));
            }
        });
    }

    /** A column of non-negative whole numbers (counts). Fractional values such as 3.5 are refused. */
    public int[] counts(String column) {
        int c = column(column);
        int[] out = new int[rows];
        eachSegment(c, seg -> {
            for (int r = 0; r < seg.rows(); r++) {
                double d = number(seg, column, c, r);
                int row = seg.first() + r;
                if (d != Math.rint(d)) {
                    throw cellError(column, row, cellText(seg, c, r), "a count must be a whole number");
                }
                if (d < 0) {
                    throw cellError(column, row, cellText(seg, c, r), "a count must not be negative");
                }
                if (d > Integer.MAX_VALUE) {
                    throw cellError(column, row, cellText(seg, c, r), "a count must be at most " + Integer.MAX_VALUE);
                }
                out[row] = (int) d;
            }
        });
        return out;
    }

    /** Powers of ten that are exact doubles: the range of Clinger's fast path. */
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * The number in a cell. A plain ASCII decimal with at most 15 significant digits and a decimal exponent within
     * ±22 is m·10^e or m/10^−e with m and 10^|e| exact doubles: one correctly rounded operation, the same double as
     * {@link Double#parseDouble} (Clinger WD. How to read floating point numbers accurately. PLDI 1990). Anything
     * else takes the text path.
     */
    private double number(Segment seg, String column, int c, int r) {
        byte[] data = seg.data();
        int s = seg.start()[c][r];
        int e = seg.end(c, r);
        if (e >= 0) {
            while (s < e && (data[s] == ' ' || data[s] == '\t')) {
                s++;
            }
            while (e > s && (data[e - 1] == ' ' || data[e - 1] == '\t')) {
                e--;
            }
            double fast = fastDecimal(data, s, e);
            if (!Double.isNaN(fast)) {
                return fast;
            }
        }
        return parseFinite(column, seg.first() + r, cellText(seg, c, r));
    }

    /** The value of a short plain decimal in {@code b[s, e)}, or NaN when it needs the general path. */
    static double fastDecimal(byte[] b, int s, int e) {
        int i = s;
        if (i >= e) {
            return Double.NaN;
        }
        boolean negative = b[i] == '-';
        if (b[i] == '-' || b[i] == '+') {
            i++;
        }
        long m = 0;
        int digits = 0;
        int scale = 0;
        boolean any = false;
        boolean dot = false;
        for (; i < e; i++) {
            byte ch = b[i];
            if (ch >= '0' && ch <= '9') {
                any = true;
                if (m == 0 && ch == '0') {
                    if (dot) {
                        scale--;
                    }
                    continue;
                }
                if (++digits > 15) {
                    return Double.NaN;
                }
                m = m * 10 + (ch - '0');
                if (dot) {
                    scale--;
                }
            } else if (ch == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
        }
        if (!any) {
            return Double.NaN;
        }
        if (i < e) {
            if (b[i] != 'e' && b[i] != 'E') {
                return Double.NaN;
            }
            i++;
            boolean expNegative = i < e && b[i] == '-';
            if (i < e && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            if (i >= e || e - i > 4) {
                return Double.NaN;
            }
            int exp = 0;
            for (; i < e; i++) {
                if (b[i] < '0' || b[i] > '9') {
                    return Double.NaN;
                }
                exp = exp * 10 + (b[i] - '0');
            }
            scale += expNegative ? -exp : exp;
        }
        double v;
        if (m == 0) {
            v = 0;
        } else if (scale >= 0 && scale <= 22) {
            v = m * POW10[scale];
        } else if (scale < 0 && scale >= -22) {
            v = m / POW10[-scale];
        } else {
            return Double.NaN;
        }
        return negative ? -v : v;
    }

    private double parseFinite(String column, int row, String v) {
        if (v.isEmpty()) {
            throw cellError(column, row, v, "a number is required");
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw cellError(column, row, v, "not a number");
        }
        // Double.parseDouble accepts "NaN", "Infinity", "1d", "0x1p3": refuse all but plain decimals
        if (!Double.isFinite(d) || !NumberSyntax.decimal(v)) {
            throw cellError(column, row, v, "must be a finite decimal number");
        }
        return d;
    }

    /** An input error for one cell: file, line, column, value (as {@link #shown}), rule. */
    public InputException cellError(String column, int row, String value, String rule) {
        return new InputException(name + ": line " + line(row) + ", column " + column + ": '"
                + shown(value) + "' " + "(" + rule + ")");
    }

    /** Values longer than this are cut in messages (a message stays one readable line). */
    static final int MAX_SHOWN_CHARS = 80;

    /**
     * A cell value as shown in a one-line message: line breaks and other control characters escaped
     * ({@code \n}, {@code \r}, {@code \t}, {@code \u0085}), cut after {@value #MAX_SHOWN_CHARS} characters.
     * A quoted CSV cell may hold a line break; printed raw, it would split the message.
     */
    public static String shown(String value) {
        return shown(value, MAX_SHOWN_CHARS);
    }

    /** Parser messages are cut later than cell values. */
    static final int MAX_SHOWN_MESSAGE_CHARS = 300;

    static String shown(String value, int max) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            if (n >= max) {
                sb.append("... (").append(value.length()).append(" characters)");
                break;
            }
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
            n++;
        }
        return sb.toString();
    }
}
