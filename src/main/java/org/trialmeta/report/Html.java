package org.trialmeta.report;

/** The report's style sheet (text is escaped by {@link org.trialmeta.present.Escape#html}). */
final class Html {

    private Html() {}

    static final String CSS = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; max-width: 1100px; margin: 2em auto; color: #222; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #ccc; }
            table.data { border-collapse: collapse; margin: 1em 0; font-size: 12px; }
            table.data caption { text-align: left; font-weight: bold; padding-bottom: 0.4em; }
            table.data th, table.data td { border: 1px solid #bbb; padding: 3px 6px; vertical-align: top; }
            table.data th { background: #f0f0f0; }
            p.note { font-size: 11px; color: #555; margin: 0.2em 0; }
            figure { margin: 1.5em 0; } figure img { max-width: 100%; border: 1px solid #eee; }
            figcaption { font-size: 12px; color: #444; }
            .placeholder { border: 1px dashed #999; padding: 0.8em; color: #555; }
            .downloads { font-size: 12px; }
            table.check-findings { border-collapse: collapse; margin: 1em 0; font-size: 12px; }
            table.check-findings th, table.check-findings td { border: 1px solid #bbb; padding: 3px 6px; vertical-align: top; }
            table.check-findings th { background: #f0f0f0; }
            tr.severity-error td:first-child, span.severity-error { color: #b00020; font-weight: bold; }
            tr.severity-warning td:first-child, span.severity-warning { color: #9a5b00; font-weight: bold; }
            tr.severity-error { background: #fdecee; } tr.severity-warning { background: #fff6e0; }
            """;
}
