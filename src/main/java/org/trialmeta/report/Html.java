package org.trialmeta.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import org.trialmeta.present.Escape;
import org.trialmeta.present.Written;

/**
 * The report page's frame: {@code <head>} with the Content-Security-Policy and the style sheets, a navigation
 * (table of contents) made from the page's {@link Section}s, and the sections themselves. A section is an anchor
 * id, a heading and a body; its {@link NavItem}s (figures, tables, sub-headings) are listed under it in the
 * navigation. Adding a section to the report is adding one {@link Section} to the list: the heading, the
 * navigation entry and the anchor follow from it.
 *
 * <p>Every text is escaped here or by the section's author with {@link Escape#html}; bodies are HTML already.
 * The page loads nothing from elsewhere and runs no script: the policy is {@value #CSP}.
 */
final class Html {

    private Html() {}

    /**
     * Content-Security-Policy of the report page: nothing fetched but the report's own images, no script; the
     * style sheet is inline. Links to DOIs and PubMed are navigation, which the policy does not govern.
     */
    static final String CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none';"
            + " form-action 'none'";

    /**
     * An entry of the navigation under a section.
     *
     * @param id    the anchor (an element id on the page)
     * @param title the text of the link
     */
    record NavItem(String id, String title) {
        NavItem {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * A section of the page: {@code <section id="ID"><h2>TITLE</h2>BODY</section>} and a link in the navigation.
     *
     * @param id    the anchor, unique on the page
     * @param title the heading (plain text, escaped when written)
     * @param items anchors inside the body listed under the section in the navigation (figures, tables)
     * @param body  writes the section's HTML when the page is written (a long table is never held as one text)
     */
    record Section(String id, String title, List<NavItem> items, Written.Body body) {
        Section {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            items = List.copyOf(items);
            Objects.requireNonNull(body, "body");
        }

        /** A section whose HTML is given. */
        Section(String id, String title, List<NavItem> items, String html) {
            this(id, title, items, out -> out.write(html));
        }
    }

    /**
     * Writes the whole page: head, a {@code <header>} (HTML given), the navigation and the sections in order.
     *
     * @param title   the document title and heading (plain text)
     * @param intro   HTML shown under the heading, before the first section (data date, summary)
     * @param sections the sections, in page order
     * @param h        where the page is written
     */
    static void page(String title, String intro, List<Section> sections, Writer h) throws IOException {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(Escape.html(CSP)).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Escape.html(title)).append("</title>\n<style>\n").append(CSS).append(PAGE_CSS)
                .append("</style>\n</head>\n<body>\n<div class=\"page\">\n");
        h.append("<nav class=\"toc\" id=\"contents\" aria-label=\"Contents\">\n<p class=\"toc-title\">Contents</p>\n<ol>\n");
        for (Section s : sections) {
            h.append("<li><a href=\"#").append(Escape.html(s.id())).append("\">").append(Escape.html(s.title()))
                    .append("</a>");
            if (!s.items().isEmpty()) {
                h.append("\n<ol>\n");
                for (NavItem i : s.items()) {
                    h.append("<li><a href=\"#").append(Escape.html(i.id())).append("\">").append(Escape.html(i.title()))
                            .append("</a></li>\n");
                }
                h.append("</ol>\n");
            }
            h.append("</li>\n");
        }
        h.append("</ol>\n</nav>\n<main>\n<header>\n<h1>").append(Escape.html(title)).append("</h1>\n").append(intro)
                .append("</header>\n");
        for (Section s : sections) {
            h.append("<section id=\"").append(Escape.html(s.id())).append("\">\n<h2>").append(Escape.html(s.title()))
                    .append("</h2>\n");
            s.body().to(h);
            h.append("</section>\n");
        }
        h.append("</main>\n</div>\n</body>\n</html>\n");
    }

    /**
     * Tables, notes and the reviewer check's findings: shared by the report page and the stand-alone table pages.
     * Cells wrap between words; long identifiers without spaces (digests, the check's field paths) also inside
     * a word, so a table never runs wider than its container.
     */
    static final String CSS = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; line-height: 1.4; color: #222;
              max-width: 84rem; margin: 1em auto; padding: 0 1.5em; }
            table.data, table.check-findings { border-collapse: collapse; margin: 1em 0; font-size: 12px; width: 100%; }
            table.data caption, table.check-findings caption { text-align: left; font-weight: bold; padding-bottom: 0.4em; }
            table.data th, table.data td, table.check-findings th, table.check-findings td { border: 1px solid #bbb;
              padding: 3px 6px; vertical-align: top; text-align: left; overflow-wrap: break-word; }
            table.data th, table.check-findings th { background: #f0f0f0; }
            table.data code, table.check-findings td.ident { overflow-wrap: anywhere; }
            table.check-findings td.ident { min-width: 11em; }
            p.note { font-size: 11px; color: #555; margin: 0.2em 0; }
            .downloads { font-size: 12px; }
            tr.severity-error td:first-child, span.severity-error { color: #b00020; font-weight: bold; }
            tr.severity-warning td:first-child, span.severity-warning { color: #9a5b00; font-weight: bold; }
            tr.severity-error { background: #fdecee; } tr.severity-warning { background: #fff6e0; }
            """;

    /**
     * The report page's layout: a sticky navigation beside the content on a laptop screen (above it when the
     * window is narrow), figures that never exceed their column, and an A4 print style without the navigation.
     */
    static final String PAGE_CSS = """
            *, *::before, *::after { box-sizing: border-box; }
            html { scroll-padding-top: 0.5em; }
            body { margin: 0; padding: 0; max-width: none; background: #fff; }
            .page { display: grid; grid-template-columns: 15rem minmax(0, 1fr); column-gap: 2rem; max-width: 84rem;
              margin: 0 auto; padding: 0 1.5rem; }
            main { min-width: 0; padding: 1em 0 4em; }
            h1 { font-size: 1.6em; margin: 0.4em 0 0.6em; } h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #ccc; }
            h3 { font-size: 1.1em; margin-top: 1.4em; }
            section { scroll-margin-top: 0.5em; }
            nav.toc { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; padding: 1em 0.5em 1em 0;
              font-size: 12px; border-right: 1px solid #e2e2e2; }
            nav.toc .toc-title { font-weight: bold; margin: 0.4em 0; }
            nav.toc ol { list-style: none; margin: 0; padding: 0; }
            nav.toc ol ol { padding-left: 0.9em; margin: 0.15em 0 0.4em; font-size: 11px; }
            nav.toc li { margin: 0.2em 0; overflow-wrap: anywhere; }
            nav.toc a { color: #1a4f8b; text-decoration: none; } nav.toc a:hover { text-decoration: underline; }
            .at-a-glance { border: 1px solid #ccc; background: #f7f7f7; padding: 0.5em 0.8em; }
            figure { margin: 1.5em 0; } figure img { display: block; max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { font-size: 12px; color: #444; margin-top: 0.3em; }
            figure .downloads { margin: 0.3em 0 0; }
            .placeholder { border: 1px dashed #999; padding: 0.8em; color: #555; }
            details.check-info { margin: 1em 0; border: 1px solid #ccc; padding: 0.3em 0.8em; }
            details.check-info > summary { cursor: pointer; font-weight: bold; }
            @media (max-width: 60rem) {
              .page { display: block; padding: 0 1em; }
              nav.toc { position: static; max-height: none; border-right: none; border-bottom: 1px solid #ccc; }
            }
            @page { size: A4; margin: 15mm 12mm 15mm 12mm; }
            @media print {
              body { font-size: 9pt; }
              .page { display: block; max-width: none; padding: 0; }
              main { padding: 0; }
              nav.toc, .downloads { display: none; }
              h2 { margin-top: 1.2em; break-after: avoid; } h3 { break-after: avoid; }
              table.data, table.check-findings { font-size: 7pt; break-inside: avoid; }
              table.data th, table.data td, table.check-findings th, table.check-findings td { padding: 2px 3px; }
              p.note, figcaption { font-size: 7.5pt; }
              thead { display: table-header-group; } tr, figure, .at-a-glance { break-inside: avoid; }
              figure img { max-height: 230mm; width: auto; border: none; }
              a { color: inherit; text-decoration: none; }
            }
            """;
}
