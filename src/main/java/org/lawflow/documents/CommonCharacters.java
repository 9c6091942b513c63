package org.lawflow.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.BitSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * The characters of almost every document: GB 2312 (6,763 hanzi and its symbols; the national standard character
 * set that official documents are written in), Latin, general and CJK punctuation and full-width forms, as far as
 * Noto Sans SC has them, and a TrueType font reduced to exactly these, made once with PDFBox's own subsetter.
 * See {@link PdfRenderer} for why.
 */
final class CommonCharacters {

    private static volatile CommonCharacters instance;

    private final BitSet codePoints;
    private final byte[] fontBytes;

    private CommonCharacters(BitSet codePoints, byte[] fontBytes) {
        this.codePoints = codePoints;
        this.fontBytes = fontBytes;
    }

    static CommonCharacters get() {
        CommonCharacters c = instance;
        if (c == null) {
            synchronized (CommonCharacters.class) {
                if (instance == null) {
                    instance = of(PdfRenderer.parseFont(PdfRenderer.fontBytes()));
                }
                c = instance;
            }
        }
        return c;
    }

    /** The repertoire within {@code full}, and {@code full} reduced to it (the full font is only read). */
    static CommonCharacters of(TrueTypeFont full) {
        try {
            CmapLookup cmap = full.getUnicodeCmapLookup();
            CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
            BitSet codePoints = new BitSet(0x10000);
            for (int c = 0x20; c < 0x10000; c++) {
                boolean wanted = c < 0x250 // Basic Latin to Latin Extended-B
                        || c >= 0x2000 && c <= 0x206F // general punctuation
                        || c >= 0x3000 && c <= 0x303F // CJK symbols and punctuation
                        || c >= 0xFF00 && c <= 0xFFEF // full-width forms
                        || !Character.isSurrogate((char) c) && gb2312.canEncode((char) c);
                if (wanted && cmap.getGlyphId(c) != 0) {
                    codePoints.set(c);
                }
            }
            TTFSubsetter subsetter = new TTFSubsetter(full);
            codePoints.stream().forEach(subsetter::add);
            var out = new ByteArrayOutputStream(4 << 20);
            subsetter.writeToStream(out);
            return new CommonCharacters(codePoints, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reduce Noto Sans SC to the common characters", e);
        }
    }

    /** True if the reduced font can draw every character of {@code text}. */
    boolean covers(String text) {
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            // line breaks and tabs of the markup are not drawn as glyphs
            if (c >= 0x20 && !codePoints.get(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    int size() {
        return codePoints.cardinality();
    }

    byte[] fontBytes() {
        return fontBytes;
    }
}
