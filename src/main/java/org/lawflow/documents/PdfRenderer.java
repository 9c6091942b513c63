package org.lawflow.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.fontbox.ttf.CmapSubtable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * XHTML → PDF with openhtmltopdf (PDFBox 3) and the embedded TrueType Noto Sans SC from ph-fonts-noto-sans-sc
 * (OFL). The 10 MB font is read from the jar once; parsed copies are kept in a small pool (a PDFBox font must not
 * be used by two renderings at once) and only the glyphs used are embedded (subset).
 * <p>
 * A document whose every character is in {@link CommonCharacters} (GB 2312 and the usual punctuation: almost all
 * documents) is drawn with a copy of the font reduced to those characters, made once from the full font: PDFBox
 * builds a width table over every glyph of the font for each document, so 7,800 glyphs instead of 30,800 cost
 * about a fifth less CPU and 40 % fewer allocations per document (BENCHMARKS.md, third round). Any other
 * character (a rare name such as 喆 or 堃) puts the whole document on the full font; both embed the same glyphs.
 */
final class PdfRenderer {

    static final String FONT_FAMILY = "Noto Sans SC";
    private static final String FONT_RESOURCE = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static volatile byte[] fontBytes;
    /**
     * Rendering is CPU-bound, so more parsed fonts than cores only cost memory: each parsed copy holds its own
     * 10 MB of font data plus the character maps (about 20 MB). One per job-executor thread (6) made the 512 MB
     * benchmark heap collect garbage continuously (BENCHMARKS.md).
     */
    private static final FontPool<TrueTypeFont> FONTS = new FontPool<>(Runtime.getRuntime().availableProcessors(),
            () -> parseFont(fontBytes()));
    private static final FontPool<TrueTypeFont> COMMON_FONTS = new FontPool<>(
            Runtime.getRuntime().availableProcessors(), () -> parseFont(CommonCharacters.get().fontBytes()));

    private static final DocumentBuilderFactory XHTML = xhtmlParsers();

    /** Footer type: 7.5 pt grey, 10.5 pt apart, centred in the 26 mm bottom margin of layout.html. */
    private static final float FOOTER_FONT_SIZE = 7.5f;
    private static final float FOOTER_LEADING = 10.5f;
    private static final float FOOTER_FIRST_BASELINE = 39.5f;
    private static final float FOOTER_GREY = 0x44 / 255f;

    static {
        // openhtmltopdf logs every rendering step at INFO; only warnings are of interest
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    /** The lines printed centred at the foot of every page, given the page number and the page count. */
    @FunctionalInterface
    interface PageFooter {
        PageFooter NONE = (page, pages) -> List.of();

        List<String> lines(int page, int pages);
    }

    byte[] render(String xhtml, String title) {
        return render(xhtml, title, PageFooter.NONE);
    }

    /**
     * Renders the XHTML and stamps {@code footer} onto every page afterwards with PDFBox. The footer was a CSS
     * running element in the page margin ({@code @bottom-center}); openhtmltopdf lays out and paints such margin
     * boxes for every page (8.5 % of a filing package's rendering samples), while drawing two centred lines of known
     * text costs a fifth of that. With the table change the flow's CPU fell by a tenth (BENCHMARKS.md, sixth round).
     */
    byte[] render(String xhtml, String title, PageFooter footer) {
        org.w3c.dom.Document dom = parse(xhtml);
        boolean common = CommonCharacters.get().covers(xhtml)
                && CommonCharacters.get().covers(String.join("", footer.lines(1, 1)));
        FontPool<TrueTypeFont> pool = common ? COMMON_FONTS : FONTS;
        TrueTypeFont font = pool.borrow();
        // the document is closed before the font goes back: saving it subsets (reads) the font
        try (PDDocument document = new PDDocument(); var out = new ByteArrayOutputStream(64 * 1024)) {
            PDType0Font pdfFont = PDType0Font.load(document, font, true);
            var builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.useFastMode();
            builder.useFont(new PDFontSupplier(pdfFont), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.withW3cDocument(dom, "classpath:/templates/documents/");
            builder.withProducer("LawFlow");
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
            }
            stamp(document, pdfFont, footer);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering of " + title + " failed", e);
        } finally {
            pool.giveBack(font);
        }
    }

    private static void stamp(PDDocument document, PDType0Font font, PageFooter footer) throws IOException {
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            List<String> lines = footer.lines(i + 1, pages);
            if (lines.isEmpty()) {
                continue;
            }
            PDPage page = document.getPage(i);
            float centre = page.getMediaBox().getLowerLeftX() + page.getMediaBox().getWidth() / 2;
            try (var content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                content.setNonStrokingColor(FOOTER_GREY, FOOTER_GREY, FOOTER_GREY);
                content.setFont(font, FOOTER_FONT_SIZE);
                float baseline = page.getMediaBox().getLowerLeftY() + FOOTER_FIRST_BASELINE;
                for (String line : lines) {
                    float width = font.getStringWidth(line) / 1000 * FOOTER_FONT_SIZE;
                    content.beginText();
                    content.newLineAtOffset(centre - width / 2, baseline);
                    content.showText(line);
                    content.endText();
                    baseline -= FOOTER_LEADING;
                }
            }
        }
    }

    /**
     * The XHTML parsed here with one factory, not by openhtmltopdf: it looks up a new SAX parser factory (a
     * ServiceLoader scan of the classpath) and copies the SAX events through an XSLT identity transform for every
     * document, about a tenth of the rendering time. Same settings: namespace-aware, no DTD or external entities.
     */
    private static org.w3c.dom.Document parse(String xhtml) {
        try {
            DocumentBuilder parser;
            synchronized (XHTML) {
                parser = XHTML.newDocumentBuilder();
            }
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("rendered template is not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory xhtmlParsers() {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return factory;
    }

    static byte[] fontBytes() {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            synchronized (PdfRenderer.class) {
                if (fontBytes == null) {
                    try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("Font " + FONT_RESOURCE + " missing (ph-fonts-noto-sans-sc)");
                        }
                        fontBytes = in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                bytes = fontBytes;
            }
        }
        return bytes;
    }

    static TrueTypeFont parseFont(byte[] bytes) {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            preferUnifiedIdeographs(font);
            // PDFBox would run its Latin glyph-substitution worker (ligatures; a regex built per call) over every
            // string; horizontal Simplified Chinese in the font's default forms needs none of its features
            font.setEnableGsub(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse Noto Sans SC", e);
        }
    }

    /**
     * Noto Sans SC maps e.g. 文 (U+6587) and the Kangxi radical ⽂ (U+2F42) to the same glyph; PDFBox writes the
     * lowest code point of a glyph into the ToUnicode map, so copied or extracted text would read ⽂⾏⻢. Dropping
     * the radical and compatibility code points from the reverse (glyph → code) lookup makes text extraction yield
     * the ordinary characters; the forward lookup used for drawing is untouched.
     */
    @SuppressWarnings("unchecked")
    static void preferUnifiedIdeographs(TrueTypeFont font) {
        try {
            Field multiple = CmapSubtable.class.getDeclaredField("glyphIdToCharacterCodeMultiple");
            multiple.setAccessible(true);
            for (CmapSubtable table : font.getCmap().getCmaps()) {
                var byGlyph = (Map<Integer, List<Integer>>) multiple.get(table);
                for (List<Integer> codes : byGlyph.values()) {
                    if (codes.stream().anyMatch(PdfRenderer::isUnifiedIdeograph)) {
                        codes.removeIf(PdfRenderer::isRadicalOrCompatibility);
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | IOException e) {
            LoggerFactory.getLogger(PdfRenderer.class).warn("Cannot fix the font's reverse cmap ({}); extracted text "
                    + "may show radicals instead of ideographs", e.toString());
        }
    }

    private static boolean isUnifiedIdeograph(int code) {
        return code >= 0x4E00 && code <= 0x9FFF || code >= 0x3400 && code <= 0x4DBF || code >= 0x20000;
    }

    private static boolean isRadicalOrCompatibility(int code) {
        return code >= 0x2E80 && code <= 0x2FDF || code >= 0xF900 && code <= 0xFAFF || code >= 0x2F800 && code <= 0x2FA1F;
    }
}
