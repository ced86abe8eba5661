package org.trialmeta.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.trialmeta.repository.Messages;

/**
 * Standard output as the commands see it: a UTF-8 {@link PrintWriter} over one 64 KB byte buffer on the file
 * descriptor, flushed by each command's ending (not per line: {@code System.out} under picocli's auto-flushing writer
 * made a system call per line of a table and per 8 KB of JSON). It also lends its byte stream to the JSON generator
 * ({@link #bytes()}), which then writes UTF-8 itself instead of characters that a second layer encodes.
 *
 * <p>Text written through it reaches a terminal: each control character in it ({@link Messages#control}: ESC,
 * the 8-bit CSI and the rest of C0 other than tab and line ends, DEL, C1) is written as U+FFFD, as every file output
 * writes it ({@link Messages#printable}), so a study name in a user's CSV cannot move the cursor, recolour or retitle
 * the terminal. The JSON generator escapes them itself ({@code \u001B}).
 */
final class StdOut extends PrintWriter {

    private final OutputStream bytes;

    private StdOut(OutputStream bytes) {
        super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), false);
        this.bytes = bytes;
    }

    @Override
    public void write(int c) {
        super.write(Messages.control((char) c) ? Messages.REPLACEMENT : c);
    }

    @Override
    public void write(char[] buf, int off, int len) {
        int i = firstControl(buf, off, off + len);
        if (i < 0) {
            super.write(buf, off, len);
            return;
        }
        char[] copy = java.util.Arrays.copyOfRange(buf, off, off + len);
        for (int k = i - off; k < len; k++) {
            if (Messages.control(copy[k])) {
                copy[k] = Messages.REPLACEMENT;
            }
        }
        super.write(copy, 0, len);
    }

    @Override
    public void write(String s, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (Messages.control(s.charAt(i))) {
                write(s.toCharArray(), off, len);
                return;
            }
        }
        super.write(s, off, len);
    }

    private static int firstControl(char[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Messages.control(buf[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The process's standard output. */
    static StdOut open() {
        return new StdOut(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    }

    /** The same over another byte stream (the class-data training run writes to a null stream this way). */
    static StdOut over(OutputStream bytes) {
        return new StdOut(bytes);
    }

    /**
     * The byte stream under this writer, for output already encoded as UTF-8; the characters written so far are
     * flushed into it first, so the two keep their order. The caller flushes this writer when done.
     */
    OutputStream bytes() {
        flush();
        return bytes;
    }
}
