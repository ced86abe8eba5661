/**
 * Reading a document as it is (plain text, Markdown, HTML, PDF, DOCX) into one text with page and line
 * locations, for {@code trialmeta scan}. Every reader is bounded: file size, pages, decoded bytes and text length
 * are capped ({@link org.trialmeta.document.DocumentLimits}), PDFs are parsed with a bounded memory-only stream
 * cache, DOCX through POI with its zip-bomb guards tightened and its hardened XML parsers. A document that breaks a
 * limit, is encrypted or is not what its name says is refused with one line ({@link
 * org.trialmeta.model.InputException}, exit 2). The only package besides {@code report} that may use PDFBox and
 * POI.
 */
package org.trialmeta.document;
