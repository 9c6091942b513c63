package org.lawflow.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lawflow.agency.Agency;
import org.lawflow.casefile.CaseStatus;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.casefile.PenaltyKind;

/** A case, an agency and review variables for rendering documents without Spring or a database. */
public final class SampleCases {

    private SampleCases() {
    }

    public static Agency xining() {
        return new Agency("xining", "西宁市交通运输综合行政执法支队", "宁交执",
                new Agency.Recipient("青海省交通运输厅", "jiaotongting@qinghai.example"),
                new Agency.Recipient("西宁市司法局", "sifaju@xining.example"),
                new Agency.Recipient("西宁市公安局", "gongan@xining.example"),
                new Agency.Recipient("西宁市人民检察院", "jianchayuan@xining.example"),
                new Agency.Recipient("中共西宁市纪律检查委员会 西宁市监察委员会", "jiwei@xining.example"),
                new Agency.Recipient("西宁市交通运输局纪检监察组", "jijianzu@xining.example"));
    }

    public static EnforcementCase citizenCase() {
        return new EnforcementCase(UUID.randomUUID(), "xining", "宁交执罚〔2026〕7号", CaseStatus.IN_REVIEW,
                "未取得道路运输经营许可擅自从事道路旅客运输经营",
                new EnforcementCase.Party(EnforcementCase.PartyType.CITIZEN, "马建国", "630102198506123019", null,
                        "13800971234", "青海省西宁市城东区八一路1号", "majianguo@party.example"),
                "2026年11月3日，当事人驾驶青A12345小型客车在西宁火车站载客收费，无道路运输经营许可。",
                List.of(new EnforcementCase.Evidence("现场笔录", "现场检查笔录一份")),
                "《中华人民共和国道路运输条例》第八条", "《中华人民共和国道路运输条例》第六十三条",
                List.of(new EnforcementCase.Penalty(PenaltyKind.FINE, new BigDecimal("30000"), null)),
                List.of("liqiang", "zhangwei"), false, false, false, false, LocalDate.of(2026, 11, 4), "zhangwei",
                OffsetDateTime.now());
    }

    public static Map<String, Object> reviewVariables() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("proposedPenalty", "罚款30000元");
        vars.put("hearingRights", true);
        vars.put("noticeDeliveredOn", "2026-11-10");
        vars.put("reviewOpinion", "APPROVE");
        vars.put("reviewReasons", "事实清楚，证据确凿，适用法律正确，程序合法。");
        vars.put("decidedOn", "2026-12-01");
        vars.put("headDecision", "PENALTY");
        vars.put("discussionConclusion", "PENALTY");
        // as Documents puts them from the case's penalty history
        vars.put("decidedPenalty", "罚款30000元");
        vars.put("currentPenalty", "罚款30000元");
        vars.put("reviewedProposal", "罚款30000元");
        return vars;
    }
}
