package org.lawflow.desk;

import org.lawflow.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /desk/cases/{caseNo}?task={taskId}}: the case dossier as a page, opened from a Tasklist form with the
 * same login (the link at the top of every form's dossier). The case's PDFs open from it at
 * {@code /desk/documents/{id}}. Access as in {@link DossierAccess}.
 */
@Controller
class DeskController {

    static final String VIEW = "desk/dossier";

    private final CurrentUser currentUser;
    private final DossierAccess access;
    private final DossierBuilder builder;

    DeskController(CurrentUser currentUser, DossierAccess access, DossierBuilder builder) {
        this.currentUser = currentUser;
        this.access = access;
        this.builder = builder;
    }

    @GetMapping("/desk/cases/{caseNo}")
    String dossier(@PathVariable String caseNo, @RequestParam(name = "task", required = false) String taskId,
            Model model) {
        var user = currentUser.get();
        var c = access.forPage(user, caseNo, taskId);
        model.addAttribute("dossier", builder.build(c, user, taskId));
        model.addAttribute("viewer", user.displayName());
        return VIEW;
    }
}
