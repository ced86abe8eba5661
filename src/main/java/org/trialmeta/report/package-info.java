/**
 * The report: publication figures, tables and the HTML page. The only package that touches JFreeSVG, PDFBox
 * and POI. {@link org.trialmeta.report.Report} lays out results computed elsewhere (the analyses and the reviewer
 * check) into figures, {@link org.trialmeta.report.Table}s (written by {@link org.trialmeta.report.TableWriter} as
 * CSV, Markdown, HTML and DOCX), {@code analysis.json} and {@code index.html}; numbers are written by
 * {@code org.trialmeta.present.Formats}.
 *
 * <p>Every figure is a {@link org.trialmeta.report.Figure} built from a plain input record of this
 * package (no stats or model types), so the analyses map their results onto these records:
 * <ul>
 *   <li>{@link org.trialmeta.report.ForestPlot} ← {@link org.trialmeta.report.ForestPlotData}
 *       (rows: {@code Header}, {@code Study}, {@code Pooled}, {@code Text});</li>
 *   <li>{@link org.trialmeta.report.SurvivalPlot} ← {@link org.trialmeta.report.SurvivalPlotData}
 *       (Kaplan-Meier steps, CI steps, censor times, numbers at risk at the tick times);</li>
 *   <li>{@link org.trialmeta.report.MedianChart} ← {@link org.trialmeta.report.MedianChartData}
 *       (reported / not reached / not reported medians with CIs);</li>
 *   <li>{@link org.trialmeta.report.BarChart} ← {@link org.trialmeta.report.BarChartData}
 *       (bars with value and annotation texts);</li>
 *   <li>{@link org.trialmeta.report.FunnelPlot} ← {@link org.trialmeta.report.FunnelPlotData}
 *       (estimates against standard errors, trim-and-fill studies; drawn by a JFreeChart {@code XYPlot}).</li>
 * </ul>
 * A {@link org.trialmeta.report.FigureStyle} (JOURNAL_PAGE, JOURNAL_COLUMN, SLIDE) sets the font size
 * and the width aimed at. Each renderer computes its geometry once ({@code layout()}, a record of
 * positions and {@link org.trialmeta.report.TextBox}es that tests check) and draws it with Java2D in
 * points: JFreeChart draws the plot into the data area the layout reserved (data, gridlines, tick marks
 * and tick labels), the figure draws its laid-out text, tables and axis lines (see {@code docs/figures.md});
 * {@link org.trialmeta.report.FigureWriter} turns any figure into a 300 dpi PNG, an SVG and a PDF with
 * vector text in the bundled DejaVu Sans, byte-identical from run to run.
 */
package org.trialmeta.report;
