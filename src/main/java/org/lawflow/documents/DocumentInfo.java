package org.lawflow.documents;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored document without its bytes. {@code sha256} is the hash of the PDF file. */
public record DocumentInfo(UUID id, UUID caseId, String agencyId, DocumentKind kind, String title, String docNo,
        String fileName, String sha256, String contentSha256, long size, String processInstanceId, String step,
        OffsetDateTime createdAt) {
}
