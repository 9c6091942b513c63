package org.lawflow.review;

import java.util.List;

import org.lawflow.system.ChinaTime;
import org.lawflow.system.ChinaTimeFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public page of published enforcement decisions (no login): 执法机关、执法对象、执法类别、执法结论. A withdrawn
 * entry stays for {@code lawflow.publication.withdrawal-notice-days}, marked 已撤回 with its reason (行政处罚法第四十八条:
 * 公开说明理由); a corrected one says when.
 */
@Controller
class PublicDecisionsController {

    private static final int LIMIT = 500;
    private final PublicationRepository publications;
    private final int withdrawalNoticeDays;

    PublicDecisionsController(PublicationRepository publications,
            @Value("${lawflow.publication.withdrawal-notice-days:30}") int withdrawalNoticeDays) {
        this.publications = publications;
        this.withdrawalNoticeDays = withdrawalNoticeDays;
    }

    @GetMapping("/public/decisions")
    String page(Model model) {
        model.addAttribute("decisions", shown());
        model.addAttribute("withdrawalNoticeDays", withdrawalNoticeDays);
        return "public/decisions";
    }

    @GetMapping(value = "/public/decisions.json")
    @ResponseBody
    List<PublicView> json() {
        return shown().stream().map(PublicView::of).toList();
    }

    private List<Publication> shown() {
        return publications.findPublic(ChinaTime.nowOffset().minusDays(withdrawalNoticeDays), LIMIT);
    }

    /** Only what the public may see: no internal ids, no unmasked personal data (the reason was masked when stored). */
    record PublicView(String agency, String caseNo, String party, String partyId, String category, String conclusion,
            String decidedOn, String publishedOn, String correctedOn, boolean withdrawn, String withdrawnOn,
            String withdrawalReason) {
        static PublicView of(Publication p) {
            return new PublicView(p.agencyName(), p.caseNo(), p.partyDisplay(), p.partyIdDisplay(), p.category(),
                    p.conclusion(), p.decidedOn().toString(), chinaDate(p.publishedAt()), chinaDate(p.correctedAt()),
                    p.withdrawn(), chinaDate(p.withdrawnAt()), p.withdrawalReason());
        }

        private static String chinaDate(Object at) {
            return at == null ? null : ChinaTimeFormat.inChina(at).toLocalDate().toString();
        }
    }
}
