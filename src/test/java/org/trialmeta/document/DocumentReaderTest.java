package org.trialmeta.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialmeta.model.InputException;

/** Text, Markdown and HTML reading, locations, and the refusals of {@link DocumentReader}. */
class DocumentReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void htmlTextIsTheVisibleTextWithEntitiesDecoded() {
        String html = "<html><head><title>t</title><style>p{color:red}</style><script>var x = '<p>0.5</p>';</script>"
                + "</head><body><p>HR&nbsp;0&middot;72 (95% CI 0&middot;62&ndash;0&middot;83; p&lt;0&#183;001)</p>"
                + "<!-- a comment 9.9 --><table><tr><th>Arm</th><th>ORR</th></tr><tr><td>A</td><td>44&#x25;</td></tr>"
                + "</table><p>a &amp; b &bogus; &#99999999; 3 < 4</p></body></html>";
        String text = HtmlText.of(html);
        assertThat(text).isEqualTo("HR\u00a00\u00b772 (95% CI 0\u00b762\u20130\u00b783; p<0\u00b7001)\n"
                + "Arm | ORR\nA | 44%\na & b &bogus; &#99999999; 3 < 4");
    }

    @Test
    void malformedHtmlIsReadAsTextNotRefused() {
        assertThat(HtmlText.of("<p>unclosed <b attr=\"x>y\">bold <script>never closed")).isEqualTo("unclosed bold");
        assertThat(HtmlText.of("a < b and c <3 d")).isEqualTo("a < b and c <3 d");
    }

    @Test
    void textLocationsArePageAndLine() throws IOException {
        DocumentText d = DocumentReader.read(write("a.txt", "\ufeffline one\r\nline two\rline three"),
                DocumentLimits.DEFAULTS);
        assertThat(d.text().toString()).isEqualTo("line one\nline two\nline three");
        assertThat(d.line(d.text().toString().indexOf("three"))).isEqualTo(3);
        assertThat(d.locate(d.text().toString().indexOf("two"))).isEqualTo("line 2");
        DocumentText paged = new DocumentText("x.pdf", DocumentFormat.PDF, "a\nb\nc\nd", new int[] {0, 4});
        assertThat(paged.page(4)).isEqualTo(2);
        assertThat(paged.line(6)).isEqualTo(2);
        assertThat(paged.locate(6)).isEqualTo("p. 2, line 2");
    }

    @Test
    void whatCannotBeReadIsOneLineNamingTheFile() throws IOException {
        DocumentLimits small = new DocumentLimits(1000, 10, 50, 1 << 20, 1 << 20, 0.01);
        assertThatThrownBy(() -> DocumentReader.read(dir.resolve("missing.txt"), small))
                .isInstanceOf(InputException.class).hasMessageEndingWith("missing.txt: file not found");
        assertThatThrownBy(() -> DocumentReader.read(write("a.rtf", "x"), small))
                .hasMessageContaining("unknown document type");
        Path latin1 = dir.resolve("l.txt");
        Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xe9});
        assertThatThrownBy(() -> DocumentReader.read(latin1, small)).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> DocumentReader.read(write("big.md", "x".repeat(300)), small))
                .hasMessageContaining("bytes (limit 200 bytes)");
        assertThatThrownBy(() -> DocumentReader.read(write("long.txt", "x".repeat(100)), small))
                .hasMessageContaining("more than 50 characters of text");
        assertThatThrownBy(() -> DocumentReader.read(write("fake.pdf", "hello"), small))
                .hasMessageContaining("not a PDF");
        assertThatThrownBy(() -> DocumentReader.read(write("fake.docx", "hello"), small))
                .hasMessageContaining("not a DOCX");
        Files.createDirectory(dir.resolve("d.txt"));
        assertThatThrownBy(() -> DocumentReader.read(dir.resolve("d.txt"), small)).hasMessageContaining("not a regular file");
    }

    /**
     * Text read as it is decoded, in pieces: line ends split across the reader's buffers and the pieces, characters
     * of one to four UTF-8 bytes (an en dash, a supplementary letter) across them, and a BOM only at the start, give
     * the text the whole file decoded at once gives.
     */
    @Test
    void longTextsAreReadAsTheWholeFileDecodedAtOnce() throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        String[] parts = {"a", "é", "\u2013", "\uD835\uDEFC", "\r\n", "\r", "\n", " ", "0.62", "\uFEFF"};
        for (int length : new int[] {0, 1, 8191, 8192, 8193, 65_535, 65_536, 65_537, 300_000}) {
            StringBuilder b = new StringBuilder(length + 4);
            while (b.length() < length) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            for (String head : new String[] {"", "\uFEFF"}) {
                String written = head + b;
                Path f = write("long-" + length + ".txt", written);
                String whole = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                if (whole.startsWith("\uFEFF")) {
                    whole = whole.substring(1);
                }
                String expected = whole.replace("\r\n", "\n").replace('\r', '\n');
                assertThat(DocumentReader.read(f, DocumentLimits.DEFAULTS).text().toString()).as("%d chars", length)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aTextBrokenAnywhereIsRefusedAsUtf8BeforeItsNulCharacters() throws IOException {
        DocumentLimits limits = DocumentLimits.DEFAULTS;
        byte[] body = "x".repeat(70_000).getBytes(StandardCharsets.UTF_8);
        // a three-byte character cut at the very end of the file
        Path cut = dir.resolve("cut.txt");
        byte[] bytes = java.util.Arrays.copyOf(body, body.length + 2);
        bytes[body.length] = (byte) 0xE2;
        bytes[body.length + 1] = (byte) 0x80;
        Files.write(cut, bytes);
        assertThatThrownBy(() -> DocumentReader.read(cut, limits)).hasMessageEndingWith("cut.txt: not valid UTF-8 text"
                + " (save the file as UTF-8)");
        // a NUL early and a bad byte late: the encoding is what is wrong, as when the file was decoded whole
        Path both = dir.resolve("both.txt");
        byte[] b2 = body.clone();
        b2[10] = 0;
        b2[69_000] = (byte) 0xFF;
        Files.write(both, b2);
        assertThatThrownBy(() -> DocumentReader.read(both, limits)).hasMessageContaining("not valid UTF-8");
        Path nul = dir.resolve("nul.txt");
        byte[] b3 = body.clone();
        b3[69_999] = 0;
        Files.write(nul, b3);
        assertThatThrownBy(() -> DocumentReader.read(nul, limits)).hasMessageEndingWith("nul.txt: contains NUL"
                + " characters (not a text file)");
    }
}
