package org.lawflow.documents;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see which document: users of the case's agency (tenant); other agencies get 404 as if it did not exist.
 * Restricted kinds (discipline clues) only the agency head and supervisors (403 for other staff).
 */
@Component
class DocumentAccess {

    private final Documents documents;

    DocumentAccess(Documents documents) {
        this.documents = documents;
    }

    DocumentInfo document(UUID id, LawFlowUser user) {
        DocumentInfo info = documents.document(id).filter(d -> user.canSee(d.agencyId()))
                .orElseThrow(() -> new NotFoundException("文书不存在：" + id));
        requireRestrictedAccess(info.kind().restricted(), user);
        return info;
    }

    PackageInfo packageInfo(UUID id, LawFlowUser user) {
        PackageInfo info = documents.packageInfo(id).filter(p -> user.canSee(p.agencyId()))
                .orElseThrow(() -> new NotFoundException("材料包不存在：" + id));
        requireRestrictedAccess(info.kind().restricted(), user);
        return info;
    }

    List<DocumentInfo> visibleDocuments(UUID caseId, LawFlowUser user) {
        boolean restricted = user.maySeeClues();
        return documents.forCase(caseId).stream().filter(d -> restricted || !d.kind().restricted()).toList();
    }

    List<PackageInfo> visiblePackages(UUID caseId, LawFlowUser user) {
        boolean restricted = user.maySeeClues();
        return documents.packagesForCase(caseId).stream().filter(p -> restricted || !p.kind().restricted()).toList();
    }

    private static void requireRestrictedAccess(boolean restricted, LawFlowUser user) {
        if (restricted && !user.maySeeClues()) {
            throw new AuthorizationException("仅机构负责人和监督管理人员可查看纪检监察线索材料");
        }
    }
}
