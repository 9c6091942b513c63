package org.lawflow.documents;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored package (ZIP of PDFs plus manifest.json) without its bytes. */
public record PackageInfo(UUID id, UUID caseId, String agencyId, PackageKind kind, String fileName, String sha256,
        long size, String processInstanceId, String step, OffsetDateTime createdAt) {
}
