package org.trialmeta.document;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A document's text in one byte a character: each character up to U+00FF is its Latin-1 byte, and the others
 * (dashes, minus signs, ≤, curly quotes, Greek letters: a few in a hundred in an English paper) are kept in a side
 * table ordered by position. A Java string keeps one byte a character only when every character fits, so a single
 * en dash doubles it (a 6 MB text: 12 MB); this holds the same text in 6 MB and a few bytes for each wide character.
 * Immutable; a {@link CharSequence}, so what reads text ({@code scan}'s tokenizer) reads it as it reads a string.
 *
 * <p>Byte 0 marks a wide character; a NUL has byte 0 and no entry in the table.
 */
public final class CompactText implements CharSequence {

    private static final CompactText EMPTY = new CompactText(new byte[0], 0, new int[0], new char[0], 0);

    private final byte[] bytes;
    private final int length;
    private final int[] widePositions;
    private final char[] wideChars;
    private final int wide;

    private CompactText(byte[] bytes, int length, int[] widePositions, char[] wideChars, int wide) {
        this.bytes = bytes;
        this.length = length;
        this.widePositions = widePositions;
        this.wideChars = wideChars;
        this.wide = wide;
    }

    /** The text of {@code s} (a copy). */
    public static CompactText of(CharSequence s) {
        if (s instanceof CompactText c) {
            return c;
        }
        if (s.length() == 0) {
            return EMPTY;
        }
        return new Builder(s.length()).append(s).build();
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        Objects.checkIndex(index, length);
        byte b = bytes[index];
        return b != 0 ? (char) (b & 0xff) : wideAt(index);
    }

    private char wideAt(int index) {
        int k = Arrays.binarySearch(widePositions, 0, wide, index);
        return k >= 0 ? wideChars[k] : '\0';
    }

    /** The characters from {@code start} to {@code end} as a string (a {@code CharSequence} that is a string). */
    @Override
    public String subSequence(int start, int end) {
        Objects.checkFromToIndex(start, end, length);
        int k = firstWideAtOrAfter(start);
        if (k == wide || widePositions[k] >= end) {
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }
        char[] c = new char[end - start];
        for (int i = start; i < end; i++) {
            c[i - start] = (char) (bytes[i] & 0xff);
        }
        for (; k < wide && widePositions[k] < end; k++) {
            c[widePositions[k] - start] = wideChars[k];
        }
        return new String(c);
    }

    private int firstWideAtOrAfter(int index) {
        int k = Arrays.binarySearch(widePositions, 0, wide, index);
        return k >= 0 ? k : -k - 1;
    }

    /** The number of characters above U+00FF. */
    public int wideCount() {
        return wide;
    }

    /** The whole text as a string (for a long text, twice its size in memory when it has a wide character). */
    @Override
    public String toString() {
        return subSequence(0, length);
    }

    /** Whether {@code other} has the same characters. */
    public boolean contentEquals(CharSequence other) {
        if (other.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (charAt(i) != other.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Builds a text a character at a time. The byte array grows by half when full; given the number of characters
     * it will hold (or an upper bound, e.g. the size in bytes of a UTF-8 file), it is made once.
     */
    public static final class Builder {
        private byte[] bytes;
        private int length;
        private int[] widePositions = new int[16];
        private char[] wideChars = new char[16];
        private int wide;

        /** @param capacity characters to make room for at first (at least 0) */
        public Builder(int capacity) {
            if (capacity < 0) {
                throw new IllegalArgumentException("capacity " + capacity + " is negative");
            }
            bytes = new byte[Math.max(16, capacity)];
        }

        /** Characters appended so far. */
        public int length() {
            return length;
        }

        public Builder append(char c) {
            if (bytes == null) {
                throw new IllegalStateException("the text was already built");
            }
            if (length == bytes.length) {
                if (length == Integer.MAX_VALUE - 8) {
                    throw new OutOfMemoryError("text longer than a Java array");
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, length + (long) (length >> 1) + 16));
            }
            if (c != 0 && c <= 0xff) {
                bytes[length++] = (byte) c;
                return this;
            }
            if (c != 0) {
                if (wide == widePositions.length) {
                    widePositions = Arrays.copyOf(widePositions, wide + (wide >> 1) + 16);
                    wideChars = Arrays.copyOf(wideChars, widePositions.length);
                }
                widePositions[wide] = length;
                wideChars[wide++] = c;
            }
            bytes[length++] = 0;
            return this;
        }

        public Builder append(CharSequence s) {
            for (int i = 0, n = s.length(); i < n; i++) {
                append(s.charAt(i));
            }
            return this;
        }

        /**
         * The text. The byte array is kept as it is when at most an eighth of it is unused (a UTF-8 file's size is
         * an upper bound of its characters, reached when all are ASCII), else copied to its length. The builder
         * takes no more characters after this.
         */
        public CompactText build() {
            if (bytes == null) {
                throw new IllegalStateException("the text was already built");
            }
            byte[] b = bytes.length - length > length / 8 + 1024 ? Arrays.copyOf(bytes, length) : bytes;
            bytes = null;
            return new CompactText(b, length, Arrays.copyOf(widePositions, wide), Arrays.copyOf(wideChars, wide),
                    wide);
        }
    }
}
