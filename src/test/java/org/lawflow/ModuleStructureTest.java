package org.lawflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Feature packages are modules: no cycles, no reaching into another module's internals, and each module uses only
 * the modules its package-info.java allows ({@code @ApplicationModule(allowedDependencies = ...)}):
 * <pre>
 * system, agency   (none: the shared kernel and the agencies)
 * identity   → agency, system
 * calendar   → identity, system
 * casefile   → agency, calendar :: events (DeadlineRecomputed only), identity, system
 * transfer   → agency, casefile, identity, system
 * hearing    → casefile, identity, system
 * documents  → agency, casefile, identity, system
 * mail       → agency, casefile, documents, identity, system
 * review     → agency, calendar, casefile, identity, system, transfer (CriminalTransfers: 不得以罚代刑)
 * enforcement → calendar, casefile, system
 * monitor    → calendar, documents :: report (ReportPdf only), identity, mail (StaffMail), system
 * evaluation → agency, calendar, casefile, documents (DocumentKind, ReportPdf), identity, mail (StaffMail), system
 * </pre>
 * Within casefile, the case status has one writer ({@code CaseLifecycle}); other modules read cases through
 * {@code Cases} or {@code CaseFileService}.
 */
class ModuleStructureTest {

    @Test
    void featurePackagesFormAValidModuleStructure() {
        ApplicationModules.of(LawFlowApplication.class).verify();
    }
}
