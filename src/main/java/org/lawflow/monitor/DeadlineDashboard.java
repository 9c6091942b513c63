package org.lawflow.monitor;

import java.util.Map;

import org.lawflow.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The deadline dashboard (法定期限看板): {@code /monitor/deadlines} (Chinese page, HTTP Basic login with the
 * LawFlow account) and {@code GET /api/monitor/deadlines} (JSON), both filterable by {@code flow} (process key)
 * and {@code officer} (assignee), both limited to the user's agency.
 */
@Controller
class DeadlineDashboard {

    private final DeadlineBoard board;
    private final CurrentUser currentUser;

    DeadlineDashboard(DeadlineBoard board, CurrentUser currentUser) {
        this.board = board;
        this.currentUser = currentUser;
    }

    @GetMapping("/monitor/deadlines")
    String page(@RequestParam(required = false) String flow, @RequestParam(required = false) String officer,
            Model model) {
        var user = currentUser.get();
        var result = board.board(user, flow, officer);
        model.addAttribute("user", user);
        model.addAttribute("board", result);
        model.addAttribute("overdue", result.count(DeadlineBoard.Status.OVERDUE));
        model.addAttribute("dueSoon", result.count(DeadlineBoard.Status.DUE_SOON));
        model.addAttribute("metLate", result.count(DeadlineBoard.Status.MET_LATE));
        model.addAttribute("openShown", result.count(DeadlineBoard.Status.OPEN));
        model.addAttribute("dueSoonWorkdays", board.dueSoonWorkdays());
        model.addAttribute("flows", board.flows());
        model.addAttribute("flow", flow == null ? "" : flow);
        model.addAttribute("officer", officer == null ? "" : officer);
        return "monitor/deadlines";
    }

    @GetMapping(path = "/api/monitor/deadlines", produces = "application/json")
    @ResponseBody
    Map<String, Object> json(@RequestParam(required = false) String flow,
            @RequestParam(required = false) String officer) {
        var result = board.board(currentUser.get(), flow, officer);
        return Map.of("agencies", result.agencies(), "generatedAt", result.generatedAt(),
                "dueSoonUntil", result.dueSoonUntil(), "items", result.items(), "openTotal", result.openTotal(),
                "openShown", result.count(DeadlineBoard.Status.OPEN));
    }
}
