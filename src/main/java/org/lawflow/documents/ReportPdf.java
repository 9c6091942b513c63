package org.lawflow.documents;

import org.springframework.stereotype.Component;

/**
 * PDF rendering for other modules' reports (e.g. the monthly statistics of {@code monitor}): the same renderer and
 * embedded Noto Sans SC (font family {@value #FONT_FAMILY}) as the official documents, so the text is searchable
 * and extracts as the ideographs written. Reports are not official documents: they are not stored or numbered.
 */
@Component
@org.springframework.modulith.NamedInterface("report")
public class ReportPdf {

    public static final String FONT_FAMILY = PdfRenderer.FONT_FAMILY;

    private final PdfRenderer renderer = new PdfRenderer();

    /** Renders well-formed XHTML (relative resources resolve against {@code templates/documents/}). */
    public byte[] render(String xhtml, String title) {
        return renderer.render(xhtml, title);
    }
}
