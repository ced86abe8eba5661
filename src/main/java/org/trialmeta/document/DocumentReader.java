package org.trialmeta.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
                String text = utf8(file, display, limit);
                if (text.length() > limits.maxTextChars()) {
                    throw new InputException(display + ": more than " + limits.maxTextChars()
                            + " characters of text (limit)");
                }
                return DocumentText.of(display, format, format == DocumentFormat.HTML ? HtmlText.of(text) : text);
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

    private static String utf8(Path file, String display, long limit) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw new InputException(display + ": cannot be read (" + Readers.cause(e) + ")");
        }
        if (bytes.length > limit) {
            throw new InputException(display + ": file is larger than " + limit + " bytes (limit)");
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(display + ": not valid UTF-8 text (save the file as UTF-8)");
        }
        if (!s.isEmpty() && s.charAt(0) == '\ufeff') {
            s = s.substring(1);
        }
        if (s.indexOf('\u0000') >= 0) {
            throw new InputException(display + ": contains NUL characters (not a text file)");
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
