package org.lawflow.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Test-only entry to the package pipeline (render 3 PDFs + ZIP with manifest), without Spring or a database. */
public final class BenchmarkSupport {

    private static final DocumentRendering RENDERING = new DocumentRendering();
    private static final List<DocumentKind> FILING = List.of(DocumentKind.FILING_REPORT, DocumentKind.PENALTY_DECISION,
            DocumentKind.FILING_FORM);

    private BenchmarkSupport() {
    }

    /** Renders the three filing documents and zips them; returns the ZIP size. */
    public static int buildFilingPackage() {
        var c = SampleCases.citizenCase();
        var agency = SampleCases.xining();
        var vars = SampleCases.reviewVariables();
        var entries = FILING.stream().map(kind -> {
            var r = RENDERING.render(kind, c, agency, vars, LocalDate.now());
            return new PackageZip.Entry(kind, r.fileName(), r.pdf(), r.sha256());
        }).toList();
        return PackageZip.build(c.id().toString(), c.caseNo(), agency.name(), PackageKind.FILING, OffsetDateTime.now(),
                entries).zip().length;
    }
}
