package org.trialmeta.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trialmeta.model.InputException;

/**
 * Reads a document for {@code scan}: {@code .txt}, {@code .md}, {@code .html}/{@code .htm}, {@code .pdf} or
 * {@code .docx}, chosen by the name and checked against the first bytes (a PDF starts {@code %PDF-}, a DOCX is a
 * zip starting {@code PK}). Text formats must be UTF-8 (a BOM is dropped; carriage returns become line ends).
 * Everything a user can get wrong is an {@link InputException} whose one line names the file and the rule.
 *
 * <pre>{@code
 * DocumentText d = DocumentReader.read(Path.of("paper.pdf"), DocumentLimits.DEFAULTS);
 * d.text(); d.pages(); d.locate(offset);   // "p. 3, line 12"
 * }</pre>
 */
public final class DocumentReader {

    private DocumentReader() {}

    /** Reads {@code file} within {@code limits}. */
    public static DocumentText read(Path file, DocumentLimits limits) {
        String display = file.toString();
        DocumentFormat format = DocumentFormat.ofFileName(file.getFileName() == null ? "" : file.getFileName().toString())
                .orElseThrow(() -> new InputException(display + ": unknown document type (give a .txt, .md, .html,"
                        + " .pdf or .docx file)"));
        if (!Files.exists(file)) {
            throw new InputException(display + ": file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(display + ": not a regular file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new InputException(display + ": cannot be read (" + Readers.cause(e) + ")");
        }
        long limit = format == DocumentFormat.PDF || format == DocumentFormat.DOCX ? limits.maxFileBytes()
                : limits.maxTextFileBytes();
        if (size > limit) {
            throw new InputException(display + ": file is " + size + " bytes (limit " + limit + " bytes)");
        }
        byte[] head = head(file, display);
        switch (format) {
            case PDF -> {
                if (!startsWith(head, "%PDF-")) {
                    throw new InputException(display + ": not a PDF (it does not start with %PDF-)");
                }
                return PdfText.read(file, display, limits);
            }
            case DOCX -> {
                if (!startsWith(head, "PK")) {
                    throw new InputException(display + ": not a DOCX (a DOCX is a zip archive; this is not one)");
                }
                return DocxText.read(file, display, limits);
            }
            default -> {
                CompactText text = utf8(file, display, limit, size);
                if (text.length() > limits.maxTextChars()) {
                    throw new InputException(display + ": more than " + limits.maxTextChars()
                            + " characters of text (limit)");
                }
                return DocumentText.of(display, format,
                        format == DocumentFormat.HTML ? HtmlText.of(text.toString()) : text);
            }
        }
    }

    private static byte[] head(Path file, String display) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new InputException(display + ": cannot be read (" + Readers.cause(e) + ")");
        }
    }

    private static boolean startsWith(byte[] head, String magic) {
        if (head.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (head[i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The file as UTF-8 text, without a BOM and with {@code \n} for every line end, decoded as it is read into a
     * {@link CompactText} made once at the file's size (its characters are at most its bytes): a long text is never
     * in memory as its bytes, a buffer of its characters and a string at once, nor as pieces and the string they are
     * joined into (a 6 MB text with dashes: 24 MB at once; now the text's 6 MB and its wide characters).
     */
    private static CompactText utf8(Path file, String display, long limit, long size) {
        CompactText.Builder text = new CompactText.Builder((int) Math.min(Math.min(size, limit), Integer.MAX_VALUE - 8));
        boolean nul = false;
        try (InputStream raw = Files.newInputStream(file);
                Reader in = new InputStreamReader(new AtMost(raw, limit), StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buf = new char[8192];
            boolean start = true;
            boolean afterCr = false;
            int n;
            while ((n = in.read(buf)) >= 0) {
                for (int i = 0; i < n; i++) {
                    char c = buf[i];
                    if (start) {
                        start = false;
                        if (c == '\ufeff') {
                            continue;
                        }
                    }
                    if (c == '\n' && afterCr) {
                        afterCr = false;
                        continue;
                    }
                    afterCr = c == '\r';
                    nul |= c == '\u0000';
                    text.append(afterCr ? '\n' : c);
                }
            }
        } catch (CharacterCodingException e) {
            throw new InputException(display + ": not valid UTF-8 text (save the file as UTF-8)");
        } catch (AtMost.TooLarge e) {
            throw new InputException(display + ": file is larger than " + limit + " bytes (limit)");
        } catch (IOException e) {
            throw new InputException(display + ": cannot be read (" + Readers.cause(e) + ")");
        }
        if (nul) {
            throw new InputException(display + ": contains NUL characters (not a text file)");
        }
        return text.build();
    }

    /** A stream that fails with {@link TooLarge} once more than {@code limit} bytes have been read from it. */
    private static final class AtMost extends FilterInputStream {
        /** More bytes than the limit (the file grew after its size was checked). */
        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;

            TooLarge() {
                super("larger than the limit");
            }
        }

        private final long limit;
        private long read;

        AtMost(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge();
            }
        }
    }
}
