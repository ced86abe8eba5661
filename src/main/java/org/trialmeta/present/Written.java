package org.trialmeta.present;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Text that may be long (a report page, a table of every finding, the annotated copy of a document) is written to a
 * {@link Writer} as it is made, never built whole first: a {@link Body}. Where a short one is wanted as a string
 * (tests, a section of a page), {@link #text} makes it.
 */
public final class Written {

    private Written() {}

    /** Writes text. */
    @FunctionalInterface
    public interface Body {
        void to(Writer out) throws IOException;
    }

    /** Writes what {@code body} writes to {@code out} in UTF-8, through a 64 KB buffer, and flushes it. */
    public static void utf8(OutputStream out, Body body) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        body.to(w);
        w.flush();
    }

    /** The text {@code body} writes. */
    public static String text(Body body) {
        StringWriter out = new StringWriter();
        to(out, body); // a StringWriter does not fail
        return out.toString();
    }

    /**
     * Writes what {@code body} writes to {@code out}, an I/O error unchecked: for writers that keep their errors to
     * themselves (a {@code PrintWriter}, a {@code StringWriter}), where only the body's own could be thrown.
     */
    public static void to(Writer out, Body body) {
        try {
            body.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
