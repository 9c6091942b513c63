package org.lawflow.documents;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.lawflow.casefile.CaseFileService;
import org.lawflow.casefile.CaseDetailsContributor;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.identity.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{id}/documents} (list), {@code GET /api/documents/{id}} (PDF) and
 * {@code GET /api/packages/{id}} (ZIP), only for users of the case's agency.
 */
@RestController
class DocumentController {

    record DocumentView(UUID id, DocumentKind kind, String title, String docNo, String fileName, String sha256,
            long size, String step, OffsetDateTime createdAt, String href) {
        static DocumentView of(DocumentInfo d) {
            return new DocumentView(d.id(), d.kind(), d.title(), d.docNo(), d.fileName(), d.sha256(), d.size(),
                    d.step(), d.createdAt(), "/api/documents/" + d.id());
        }
    }

    record PackageView(UUID id, PackageKind kind, String title, String fileName, String sha256, long size,
            OffsetDateTime createdAt, String href) {
        static PackageView of(PackageInfo p) {
            return new PackageView(p.id(), p.kind(), p.kind().title(), p.fileName(), p.sha256(), p.size(),
                    p.createdAt(), "/api/packages/" + p.id());
        }
    }

    private final CaseFileService caseFiles;
    private final DocumentAccess access;
    private final Documents documents;
    private final CurrentUser currentUser;

    DocumentController(CaseFileService caseFiles, DocumentAccess access, Documents documents, CurrentUser currentUser) {
        this.caseFiles = caseFiles;
        this.access = access;
        this.documents = documents;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/cases/{id}/documents")
    List<DocumentView> list(@PathVariable UUID id) {
        var user = currentUser.get();
        EnforcementCase c = caseFiles.getVisible(id, user);
        return access.visibleDocuments(c.id(), user).stream().map(DocumentView::of).toList();
    }

    @GetMapping("/api/documents/{id}")
    ResponseEntity<byte[]> document(@PathVariable UUID id) {
        DocumentInfo info = access.document(id, currentUser.get());
        return file(documents.content(info.id()), MediaType.APPLICATION_PDF, info.fileName(), info.sha256());
    }

    /**
     * The same PDF for a link in a Tasklist form or the case dossier: the user of the browser's Tasklist login (see
     * the /desk chain in SecurityConfiguration), the same access rules, shown in the browser (inline) instead of
     * downloaded.
     */
    @GetMapping("/desk/documents/{id}")
    ResponseEntity<byte[]> documentInBrowser(@PathVariable UUID id) {
        DocumentInfo info = access.document(id, currentUser.get());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(info.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", info.sha256())
                .body(documents.content(info.id()));
    }

    @GetMapping("/api/packages/{id}")
    ResponseEntity<byte[]> packageFile(@PathVariable UUID id) {
        PackageInfo info = access.packageInfo(id, currentUser.get());
        return file(documents.packageContent(info.id()), MediaType.parseMediaType("application/zip"), info.fileName(),
                info.sha256());
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String fileName, String sha256) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", sha256)
                .body(bytes);
    }

    /** Section "documents" of GET /api/cases/{id}; restricted kinds hidden from officers. */
    @Component
    static class DocumentsSection implements CaseDetailsContributor {
        private final DocumentAccess access;
        private final CurrentUser currentUser;

        DocumentsSection(DocumentAccess access, CurrentUser currentUser) {
            this.access = access;
            this.currentUser = currentUser;
        }

        @Override
        public String section() {
            return "documents";
        }

        @Override
        public Object contribute(EnforcementCase c) {
            return access.visibleDocuments(c.id(), currentUser.get()).stream().map(DocumentView::of).toList();
        }
    }

    /** Section "packages" of GET /api/cases/{id}; restricted kinds hidden from officers. */
    @Component
    static class PackagesSection implements CaseDetailsContributor {
        private final DocumentAccess access;
        private final CurrentUser currentUser;

        PackagesSection(DocumentAccess access, CurrentUser currentUser) {
            this.access = access;
            this.currentUser = currentUser;
        }

        @Override
        public String section() {
            return "packages";
        }

        @Override
        public Object contribute(EnforcementCase c) {
            return access.visiblePackages(c.id(), currentUser.get()).stream().map(PackageView::of).toList();
        }
    }
}
