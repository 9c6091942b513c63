package org.lawflow;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A document's text as a person reads it on the page. Sorted by position: the renderer draws a paragraph's inline
 * values after the words around them, so the text in drawing order reads "主持人，记录员。…陈静孙丽".
 */
public final class PdfText {

    /** The text, line by line. */
    public static String of(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text without blanks: a line break or justified spacing does not split the phrase a test looks for. */
    public static String compact(byte[] pdf) {
        return of(pdf).replaceAll("\\s+", "");
    }

    private PdfText() {
    }
}
