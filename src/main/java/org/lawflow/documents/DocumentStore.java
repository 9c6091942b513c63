package org.lawflow.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables document and filing_package (V3). Reads are not access-checked here: {@link DocumentAccess} does that. */
@Repository
class DocumentStore {

    private static final String DOC_COLUMNS = "id, case_id, agency_id, kind, title, doc_no, file_name, sha256, "
            + "content_sha256, size_bytes, process_instance_id, step, created_at";
    private static final String PKG_COLUMNS = "id, case_id, agency_id, kind, file_name, sha256, size_bytes, "
            + "process_instance_id, step, created_at";

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DocumentInfo d, byte[] content) {
        jdbc.sql("insert into document (" + DOC_COLUMNS + ", content) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(d.id(), d.caseId(), d.agencyId(), d.kind().name(), d.title(), d.docNo(), d.fileName(),
                        d.sha256(), d.contentSha256(), d.size(), d.processInstanceId(), d.step(), d.createdAt(),
                        content)
                .update();
    }

    Optional<DocumentInfo> findByStep(UUID caseId, DocumentKind kind, String processInstanceId, String step) {
        return jdbc.sql("select " + DOC_COLUMNS + " from document where case_id = ? and kind = ? "
                + "and process_instance_id = ? and step = ?")
                .params(caseId, kind.name(), processInstanceId, step).query((rs, i) -> doc(rs)).optional();
    }

    Optional<DocumentInfo> findDocument(UUID id) {
        return jdbc.sql("select " + DOC_COLUMNS + " from document where id = ?").param(id)
                .query((rs, i) -> doc(rs)).optional();
    }

    List<DocumentInfo> documentsOfCase(UUID caseId) {
        return jdbc.sql("select " + DOC_COLUMNS + " from document where case_id = ? order by created_at, id")
                .param(caseId).query((rs, i) -> doc(rs)).list();
    }

    Optional<DocumentInfo> latest(UUID caseId, DocumentKind kind) {
        return jdbc.sql("select " + DOC_COLUMNS + " from document where case_id = ? and kind = ? "
                + "order by created_at desc, id limit 1")
                .params(caseId, kind.name()).query((rs, i) -> doc(rs)).optional();
    }

    byte[] documentContent(UUID id) {
        return jdbc.sql("select content from document where id = ?").param(id)
                .query((rs, i) -> rs.getBytes(1)).single();
    }

    void insert(PackageInfo p, String manifest, byte[] content) {
        jdbc.sql("insert into filing_package (" + PKG_COLUMNS + ", manifest, content) values (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(p.id(), p.caseId(), p.agencyId(), p.kind().name(), p.fileName(), p.sha256(), p.size(),
                        p.processInstanceId(), p.step(), p.createdAt(), manifest, content)
                .update();
    }

    Optional<PackageInfo> findPackage(UUID caseId, PackageKind kind, String processInstanceId) {
        return jdbc.sql("select " + PKG_COLUMNS + " from filing_package where case_id = ? and kind = ? "
                + "and process_instance_id = ?")
                .params(caseId, kind.name(), processInstanceId).query((rs, i) -> pkg(rs)).optional();
    }

    Optional<PackageInfo> latestPackage(UUID caseId, PackageKind kind) {
        return jdbc.sql("select " + PKG_COLUMNS + " from filing_package where case_id = ? and kind = ? "
                + "order by created_at desc, id limit 1")
                .params(caseId, kind.name()).query((rs, i) -> pkg(rs)).optional();
    }

    Optional<PackageInfo> findPackage(UUID id) {
        return jdbc.sql("select " + PKG_COLUMNS + " from filing_package where id = ?").param(id)
                .query((rs, i) -> pkg(rs)).optional();
    }

    List<PackageInfo> packagesOfCase(UUID caseId) {
        return jdbc.sql("select " + PKG_COLUMNS + " from filing_package where case_id = ? order by created_at, id")
                .param(caseId).query((rs, i) -> pkg(rs)).list();
    }

    byte[] packageContent(UUID id) {
        return jdbc.sql("select content from filing_package where id = ?").param(id)
                .query((rs, i) -> rs.getBytes(1)).single();
    }

    String manifest(UUID id) {
        return jdbc.sql("select manifest from filing_package where id = ?").param(id).query(String.class).single();
    }

    private static DocumentInfo doc(ResultSet rs) throws SQLException {
        return new DocumentInfo(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getString("agency_id"), DocumentKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("doc_no"), rs.getString("file_name"), rs.getString("sha256"),
                rs.getString("content_sha256"), rs.getLong("size_bytes"), rs.getString("process_instance_id"),
                rs.getString("step"), rs.getObject("created_at", OffsetDateTime.class));
    }

    private static PackageInfo pkg(ResultSet rs) throws SQLException {
        return new PackageInfo(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getString("agency_id"), PackageKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
                rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("process_instance_id"),
                rs.getString("step"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
