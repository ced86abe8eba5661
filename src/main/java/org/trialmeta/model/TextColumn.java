package org.trialmeta.model;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable column of text values, e.g. the study labels of a {@code pool} input, held as the UTF-8 bytes of all
 * values in one {@code byte[]} and the end of each value in one {@code int[]}. {@link #get} decodes a new
 * {@code String} each time it is called.
 *
 * <p>Why: a {@code String[]} of n labels is 2·n objects (each {@code String} and its {@code byte[]}, about 50 bytes
 * for a short label), all alive for the whole run; on an input of 10⁶ studies they are most of the objects each
 * young collection copies to the old generation (about 0.5 s of pauses and 50 MB, docs/benchmarks.md, "Study names
 * as one byte column"). This column is 2 objects and about 4 + (length of the label) bytes per value, and a label
 * becomes a {@code String} only for as long as a row of output is written.
 *
 * <p>It is a {@link List}: {@code equals} and {@code hashCode} are those of a list of the same strings (so
 * {@code TextColumn.of("a", "b").equals(List.of("a", "b"))}). Every value is valid Unicode text (no unpaired
 * surrogate, no null), so that {@code get(i)} returns exactly the string that was given.
 */
public final class TextColumn extends AbstractList<String> implements RandomAccess {

    private static final TextColumn EMPTY = new TextColumn(new byte[0], new int[0]);

    /** The UTF-8 bytes of every value, one after the other. */
    private final byte[] bytes;
    /** The end (exclusive) in {@link #bytes} of each value; value i starts at the end of value i − 1 (or 0). */
    private final int[] ends;

    private TextColumn(byte[] bytes, int[] ends) {
        this.bytes = bytes;
        this.ends = ends;
    }

    /** A column of {@code values} (none null, no unpaired surrogate). */
    public static TextColumn of(String... values) {
        return of(Arrays.asList(values));
    }

    /** A column of {@code values} (none null, no unpaired surrogate), in the list's order. */
    public static TextColumn of(List<String> values) {
        if (values instanceof TextColumn t) {
            return t;
        }
        Builder b = new Builder(values.size(), 16L * values.size());
        for (String v : values) {
            b.add(v);
        }
        return b.build();
    }

    /** An empty column. */
    public static TextColumn empty() {
        return EMPTY;
    }

    /**
     * A builder of a column of {@code size} values whose UTF-8 bytes are expected to total about {@code bytes} (the
     * byte array grows if they are more, and is trimmed at {@link Builder#build} if they are fewer).
     */
    public static Builder builder(int size, long bytes) {
        return new Builder(size, bytes);
    }

    @Override
    public int size() {
        return ends.length;
    }

    /** Where value {@code i} starts in {@link #bytes}: the end of value i − 1 (so {@code start(size())} is the end). */
    private int start(int i) {
        return i == 0 ? 0 : ends[i - 1];
    }

    /** Value {@code i}, decoded into a new {@code String}. */
    @Override
    public String get(int i) {
        Objects.checkIndex(i, ends.length);
        int s = start(i);
        return new String(bytes, s, ends[i] - s, StandardCharsets.UTF_8);
    }

    /** The values at {@code rows}, in that order (a row may repeat); e.g. one group of a {@code --by} analysis. */
    public TextColumn pick(int[] rows) {
        long total = 0;
        for (int r : rows) {
            Objects.checkIndex(r, ends.length);
            total += ends[r] - start(r);
        }
        if (total > MAX_BYTES) {
            throw new IllegalArgumentException("text column: " + total + " bytes of values, more than the limit of "
                    + MAX_BYTES);
        }
        byte[] out = new byte[(int) total];
        int[] outEnds = new int[rows.length];
        int at = 0;
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            int s = start(r);
            int n = ends[r] - s;
            System.arraycopy(bytes, s, out, at, n);
            at += n;
            outEnds[i] = at;
        }
        return new TextColumn(out, outEnds);
    }

    /**
     * Equal to any list of the same strings in the same order; between two columns, a comparison of the bytes (the
     * UTF-8 of valid Unicode text is one-to-one, so equal bytes are equal strings).
     */
    @Override
    public boolean equals(Object o) {
        if (o instanceof TextColumn t) {
            return Arrays.equals(ends, t.ends) && Arrays.equals(bytes, 0, start(size()), t.bytes, 0, t.start(t.size()));
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    /** Most bytes a column holds (the largest Java array, rounded down). */
    static final int MAX_BYTES = Integer.MAX_VALUE - 16;

    /** Appends values one at a time; {@link #build} once. */
    public static final class Builder {
        private byte[] bytes;
        private final int[] ends;
        private int count;
        private int length;

        private Builder(int size, long bytes) {
            if (size < 0 || bytes < 0) {
                throw new IllegalArgumentException("text column: size " + size + " and bytes " + bytes
                        + " must not be negative");
            }
            this.ends = new int[size];
            this.bytes = new byte[(int) Math.min(bytes, MAX_BYTES)];
        }

        /** Appends {@code value} (not null, no unpaired surrogate). */
        public Builder add(String value) {
            Objects.requireNonNull(value, () -> "text column: value " + count + " is null");
            checkUnicode(value);
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            append(v, 0, v.length);
            return this;
        }

        /**
         * Appends the text of {@code b[from, to)} if every byte there is ASCII (0–127) and returns true; otherwise
         * appends nothing and returns false (the caller then decodes the bytes and calls {@link #add}).
         */
        public boolean addIfAscii(byte[] b, int from, int to) {
            Objects.checkFromToIndex(from, to, b.length);
            for (int i = from; i < to; i++) {
                if (b[i] < 0) {
                    return false;
                }
            }
            append(b, from, to);
            return true;
        }

        private void append(byte[] b, int from, int to) {
            if (count == ends.length) {
                throw new IllegalStateException("text column: more than the " + ends.length + " values declared");
            }
            int n = to - from;
            if ((long) length + n > MAX_BYTES) {
                throw new IllegalArgumentException("text column: more than the limit of " + MAX_BYTES + " bytes");
            }
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_BYTES, Math.max((long) length + n,
                        bytes.length + (bytes.length >> 1) + 16L)));
            }
            System.arraycopy(b, from, bytes, length, n);
            length += n;
            ends[count++] = length;
        }

        /** The column; every declared value must have been added. */
        public TextColumn build() {
            if (count != ends.length) {
                throw new IllegalStateException("text column: " + count + " values added, " + ends.length + " declared");
            }
            if (count == 0) {
                return EMPTY;
            }
            return new TextColumn(length == bytes.length ? bytes : Arrays.copyOf(bytes, length), ends);
        }

        private void checkUnicode(String v) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new IllegalArgumentException("text column: value " + count + " has an unpaired surrogate at"
                            + " index " + i + " (must be valid Unicode text)");
                }
            }
        }
    }
}
