package org.lawflow.review;

import java.util.List;

import org.lawflow.system.ChinaTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The public page of published enforcement decisions (no login): 执法机关、执法对象、执法类别、执法结论. */
@Controller
class PublicDecisionsController {

    private final PublicationRepository publications;

    PublicDecisionsController(PublicationRepository publications) {
        this.publications = publications;
    }

    @GetMapping("/public/decisions")
    String page(Model model) {
        model.addAttribute("decisions", publications.findPublished(500));
        return "public/decisions";
    }

    @GetMapping(value = "/public/decisions.json")
    @ResponseBody
    List<PublicView> json() {
        return publications.findPublished(500).stream().map(PublicView::of).toList();
    }

    /** Only what the public may see: no internal ids, no unmasked personal data. */
    record PublicView(String agency, String caseNo, String party, String partyId, String category, String conclusion,
            String decidedOn, String publishedOn) {
        static PublicView of(Publication p) {
            return new PublicView(p.agencyName(), p.caseNo(), p.partyDisplay(), p.partyIdDisplay(), p.category(),
                    p.conclusion(), p.decidedOn().toString(),
                    ChinaTimeFormat.inChina(p.publishedAt()).toLocalDate().toString());
        }
    }
}
