package org.trialmeta.present;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one escaper of user text for HTML and Markdown table cells. */
class EscapeTest {

    @Test
    void aMarkdownCellReadsAsTextOnly() {
        assertThat(Escape.markdownCell("a|b")).isEqualTo("a\\|b");
        assertThat(Escape.markdownCell("**bold** `code` [link](https://x.example) <script>"))
                .isEqualTo("\\*\\*bold\\*\\* \\`code\\` \\[link\\](https://x.example) &lt;script>");
        assertThat(Escape.markdownCell("two\r\nlines\\")).isEqualTo("two  lines\\\\");
        assertThat(Escape.markdownCell("Reid et al. 1974")).isEqualTo("Reid et al. 1974");
    }

    @Test
    void htmlEscapesTheFiveCharacters() {
        assertThat(Escape.html("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
