package org.lawflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages are modules: no cycles, and no reaching into another module's internals. */
class ModuleStructureTest {

    @Test
    void featurePackagesFormAValidModuleStructure() {
        ApplicationModules.of(LawFlowApplication.class).verify();
    }
}
