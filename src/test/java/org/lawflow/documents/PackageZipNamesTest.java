package org.lawflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Chinese file names of a filing package come back exactly from the tools people open it with: Debian's
 * {@code unzip} (Info-ZIP 6.0, which ignores the UTF-8 flag of entries made on MS-DOS) and Python's {@code zipfile}.
 * Outside CI a missing tool skips its part with a message; in CI ({@code CI=true}) {@code unzip} must be there
 * ({@code .ci/run} installs it).
 */
class PackageZipNamesTest {

    private static final List<String> NAMES = List.of("01-行政处罚决定书-宁交执罚〔2026〕1号.pdf",
            "02-行政处罚决定备案报告-宁交执罚〔2026〕1号.pdf", "03-行政处罚决定备案表-宁交执罚〔2026〕1号.pdf", "manifest.json");

    @TempDir static Path dir;
    static Path zip;

    @BeforeAll
    static void build() throws IOException {
        List<PackageZip.Entry> entries = new ArrayList<>();
        for (DocumentKind kind : List.of(DocumentKind.PENALTY_DECISION, DocumentKind.FILING_REPORT,
                DocumentKind.FILING_FORM)) {
            byte[] pdf = ("%PDF-1.7 " + kind).getBytes(StandardCharsets.UTF_8);
            entries.add(new PackageZip.Entry(kind, kind.title() + "-宁交执罚〔2026〕1号.pdf", pdf,
                    DocumentRendering.sha256(pdf)));
        }
        var built = PackageZip.build("c1", "宁交执罚〔2026〕1号", "西宁市交通运输综合行政执法支队", PackageKind.FILING,
                OffsetDateTime.parse("2026-12-11T17:05:00+08:00"), entries);
        zip = Files.write(dir.resolve("备案材料.zip"), built.zip());
    }

    @Test
    void debianUnzipListsTheChineseNamesAndTheChinaTime() throws Exception {
        requireTool("unzip");
        String listing = run("unzip", "-l", zip.toString());
        for (String name : NAMES) {
            assertThat(listing).as(listing).containsPattern("(?m)^.*2026-12-11 17:05   \\Q" + name + "\\E$");
        }
        Path out = Files.createDirectory(dir.resolve("unzipped"));
        run("unzip", "-q", zip.toString(), "-d", out.toString());
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(NAMES);
        }
        assertThat(Files.isReadable(out.resolve(NAMES.get(0)))).as("extracted with read permission").isTrue();
    }

    @Test
    void pythonZipfileReadsTheChineseNames() throws Exception {
        requireTool("python3");
        String names = run("python3", "-c",
                "import sys, zipfile; sys.stdout.buffer.write('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist())"
                        + ".encode('utf-8'))", zip.toString());
        assertThat(names.lines()).containsExactlyElementsOf(NAMES);
    }

    /**
     * What the tools rely on, byte by byte: every local and central header has the language-encoding flag (general
     * purpose bit 11: the name is UTF-8) and every central header names Unix as the host (Info-ZIP honours the flag
     * only then).
     */
    @Test
    void everyEntryIsFlaggedUtf8AndMadeOnUnix() throws Exception {
        byte[] bytes = Files.readAllBytes(zip);
        var b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int local = 0;
        int central = 0;
        for (int at = 0; at + 4 <= bytes.length; at++) {
            int signature = b.getInt(at);
            if (signature == 0x04034b50) {
                assertThat(b.getShort(at + 6) & 0x0800).as("local header at " + at + ": bit 11").isNotZero();
                local++;
            } else if (signature == 0x02014b50) {
                assertThat(b.getShort(at + 8) & 0x0800).as("central header at " + at + ": bit 11").isNotZero();
                assertThat(bytes[at + 5]).as("central header at " + at + ": made on Unix").isEqualTo((byte) 3);
                central++;
            }
        }
        assertThat(local).isEqualTo(NAMES.size());
        assertThat(central).isEqualTo(NAMES.size());
    }

    @Test
    void javaReadsTheChineseNames() throws Exception {
        try (var file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            assertThat(file.stream().map(java.util.zip.ZipEntry::getName)).containsExactlyElementsOf(NAMES);
        }
    }

    /** A missing tool skips the check with a message; in CI a missing unzip fails. */
    private static void requireTool(String name) throws Exception {
        if (new ProcessBuilder("sh", "-c", "command -v " + name).start().waitFor() != 0) {
            if ("unzip".equals(name) && "true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI needs Debian's unzip (apt-get install unzip, see .ci/run)");
            }
            System.err.println("[PackageZipNamesTest] " + name + " is not installed: that check is skipped");
            Assumptions.abort(name + " not installed");
        }
    }

    private static String run(String... command) throws Exception {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
