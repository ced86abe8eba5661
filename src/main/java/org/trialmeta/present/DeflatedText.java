package org.trialmeta.present;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A long text made now and written later, perhaps more than once, kept meanwhile as deflated UTF-8 (DEFLATE at its
 * fastest level, {@link Deflater#BEST_SPEED}): for a part of a page that must wait for the rest of the page while
 * what it is made from holds far more memory than its compressed text. The report's reviewer-check section is the
 * case: on 8,000 trial files it is 38 MB of HTML made from 64,000 findings, which need about 18 MB of heap while
 * the report's figures and networks are made; deflated, the section is 3.3 MB, made in about 0.1 s.
 *
 * <p>Writing it ({@link #to}) inflates it as it goes; the text written is exactly the text {@code body} wrote.
 */
public final class DeflatedText implements Written.Body {

    private static final int BUFFER = 1 << 16;

    private final byte[] deflated;

    private DeflatedText(byte[] deflated) {
        this.deflated = deflated;
    }

    /** What {@code body} writes, deflated. */
    public static DeflatedText of(Written.Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(BUFFER);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater, BUFFER);
            Written.utf8(out, body);
            out.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail; the body's own errors are unchecked too
        } finally {
            deflater.end();
        }
        return new DeflatedText(bytes.toByteArray());
    }

    /** Bytes kept. */
    public int deflatedBytes() {
        return deflated.length;
    }

    @Override
    public void to(Writer out) throws IOException {
        Inflater inflater = new Inflater();
        try (Reader in = new InputStreamReader(new InflaterInputStream(new ByteArrayInputStream(deflated), inflater,
                BUFFER), StandardCharsets.UTF_8)) {
            in.transferTo(out);
        } finally {
            inflater.end();
        }
    }
}
