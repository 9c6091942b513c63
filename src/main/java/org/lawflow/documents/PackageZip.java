package org.lawflow.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.lawflow.system.ChinaTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Builds a package: the PDFs (numbered in the order given) plus manifest.json describing each with SHA-256. The PDFs
 * are stored, not deflated: their streams and fonts are compressed already, so deflating them again saved 1–2 % of
 * the size for 1.4 ms of CPU per filing package (BENCHMARKS.md, eighth round).
 * <p>
 * File names are UTF-8 with the language-encoding flag (general purpose bit 11), which {@link ZipOutputStream} sets
 * for a UTF-8 charset; but it records every entry as made on MS-DOS, and for such entries Debian's {@code unzip}
 * (Info-ZIP 6.0) ignores the flag and converts the name from a DOS code page: 备案报告 came out garbled. So the
 * central directory names Unix as the host, with ordinary file permissions (rw-r--r--), as Info-ZIP's {@code zip}
 * and Python's {@code zipfile} write it; 7-Zip, Windows and {@code java.util.zip} read the names as before. Entry
 * times are the package's generation time in China (ZIP stores a wall time without zone).
 */
final class PackageZip {

    static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Entry(DocumentKind kind, String fileName, byte[] content, String sha256) {
    }

    record Built(byte[] zip, String manifest, String sha256) {
    }

    private PackageZip() {
    }

    static Built build(String caseId, String caseNo, String agencyName, PackageKind kind, OffsetDateTime generatedAt,
            List<Entry> entries) {
        List<Map<String, Object>> files = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        var out = new ByteArrayOutputStream(entries.stream().mapToInt(e -> e.content().length).sum() + 4096);
        LocalDateTime time = generatedAt.atZoneSameInstant(ChinaTime.ZONE).toLocalDateTime();
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            int n = 1;
            for (Entry e : entries) {
                String name = String.format("%02d-%s", n++, e.fileName().replace('/', '_'));
                if (!names.add(name)) {
                    continue;
                }
                zip.putNextEntry(stored(name, e.content(), time));
                zip.write(e.content());
                zip.closeEntry();
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("name", name);
                file.put("kind", e.kind().name());
                file.put("title", e.kind().title());
                file.put("sha256", e.sha256());
                file.put("size", e.content().length);
                files.add(file);
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("caseId", caseId);
            manifest.put("caseNo", caseNo);
            manifest.put("agency", agencyName);
            manifest.put("kind", kind.name());
            manifest.put("title", kind.title());
            manifest.put("legalBasis", kind.legalBasis());
            manifest.put("generatedAt", generatedAt.toString());
            manifest.put("files", files);
            String json = JSON.writeValueAsString(manifest);
            var manifestEntry = new ZipEntry(MANIFEST);
            manifestEntry.setTimeLocal(time);
            zip.putNextEntry(manifestEntry);
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            byte[] bytes = madeOnUnix(out.toByteArray());
            return new Built(bytes, json, DocumentRendering.sha256(bytes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ZipEntry stored(String name, byte[] content, LocalDateTime time) {
        var entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        var crc = new CRC32();
        crc.update(content);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
        return entry;
    }

    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int CENTRAL_DIRECTORY_HEADER = 0x02014b50;
    private static final byte HOST_UNIX = 3;
    private static final int REGULAR_FILE_RW_R_R = 0100644 << 16;

    /** Sets "version made by" to Unix and the external attributes to a plain rw-r--r-- file in every central header. */
    static byte[] madeOnUnix(byte[] zip) {
        var b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.length - 22; // the end record without a comment, which ZipOutputStream writes last
        if (end < 0 || b.getInt(end) != END_OF_CENTRAL_DIRECTORY) {
            throw new IllegalStateException("ZIP without end of central directory record");
        }
        int entries = Short.toUnsignedInt(b.getShort(end + 10));
        int at = b.getInt(end + 16);
        for (int i = 0; i < entries; i++) {
            if (b.getInt(at) != CENTRAL_DIRECTORY_HEADER) {
                throw new IllegalStateException("ZIP central directory header expected at " + at);
            }
            b.put(at + 5, HOST_UNIX);
            b.putInt(at + 38, REGULAR_FILE_RW_R_R);
            at += 46 + Short.toUnsignedInt(b.getShort(at + 28)) + Short.toUnsignedInt(b.getShort(at + 30))
                    + Short.toUnsignedInt(b.getShort(at + 32));
        }
        return zip;
    }
}
