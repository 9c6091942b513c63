package org.lawflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Both transfer flows end to end through REST on PostgreSQL, with the real document, package and mail delegates
 * (branch documents) and GreenMail: the criminal package goes to the police with a copy to the procuratorate,
 * the police answers by REST, the evidence is handed over; the clue goes to the internal discipline body.
 */
@LawFlowSpringTest
class TransferMailFlowTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired ManagementService managementService;
    @Autowired CriminalTransfers criminalTransfers;

    ApiClient api() {
        return new ApiClient(rest);
    }

    void runJobs(String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            var jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> managementService.executeJob(j.getId()));
        }
    }

    static Set<String> recipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress()).collect(Collectors.toSet());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> attachments(MimeMessage m) throws Exception {
        var names = new java.util.ArrayList<String>();
        if (m.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName() != null) {
                    names.add(MimeUtility.decodeText(part.getFileName()));
                }
            }
        }
        return names;
    }

    /** A new case with a transfer started by REST: case id, transfers path, transfer id, process instance. */
    record Started(TransferApiTest api, String caseId, String path, String transferId, String pi) {
    }

    Started start(String user, Map<String, Object> body) {
        var api = new TransferApiTest();
        api.rest = rest;
        String caseId = api.newCase();
        String path = "/api/cases/" + caseId + "/transfers";
        var started = api().post(user, path, body);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return new Started(api, caseId, path, started.json().get("id").asText(),
                started.json().get("processInstanceId").asText());
    }

    /** The text/plain body, decoded. */
    static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i)));
            }
            return all.toString();
        }
        return "";
    }

    @Test
    void criminalPackageGoesToPoliceAndProcuratorateAndTheFiledCaseIsHandedOver() throws Exception {
        Started s = start("zhangwei", TransferApiTest.criminal(List.of("zhangwei", "liqiang")));
        var api = s.api();
        String caseId = s.caseId();
        String path = s.path();
        String transferId = s.transferId();
        String pi = s.pi();
        api.completeTask("zhangwei", caseId, "Task_WriteTransferReport", Map.of("suspectedCrime", "非法经营罪",
                "transferReport", "当事人无证营运，非法经营额逾25万元", "seizedItems", "青A12345小型客车一辆",
                "inspectionReports", "车辆技术检验报告"));
        api.completeTask("zhaomin", caseId, "Task_HeadApproval", Map.of("headApproval", "APPROVE", "headOpinion", "同意移送"));
        runJobs(pi);

        MimeMessage[] received = greenMail.getReceivedMessages();
        Set<String> all = Arrays.stream(received).flatMap(m -> recipients(m).stream()).collect(Collectors.toSet());
        assertThat(all).contains("gongan@xining.example", "jianchayuan@xining.example");
        MimeMessage toPolice = Arrays.stream(received).filter(m -> recipients(m).contains("gongan@xining.example"))
                .findFirst().orElseThrow();
        assertThat(toPolice.getSubject()).contains("涉嫌犯罪案件移送", "宁交执罚");
        assertThat(attachments(toPolice)).anyMatch(n -> n.endsWith(".zip"));
        assertThat(text(toPolice)).contains("西宁市公安局", "非法经营罪", "抄送：西宁市人民检察院", "国务院令第310号");

        JsonNode transfer = api().get("zhangwei", path + "/" + transferId).json();
        assertThat(transfer.get("status").asText()).isEqualTo("SENT");
        JsonNode details = api().get("zhangwei", "/api/cases/" + caseId).json();
        assertThat(details.get("packages").toString()).contains("CRIMINAL_TRANSFER");
        assertThat(details.at("/case/status").asText()).isEqualTo("TRANSFERRED");

        String today = ApiClient.todayInChina();
        var receipt = api().post("zhangwei", path + "/" + transferId + "/police-answers",
                Map.of("type", "RECEIPT", "receivedOn", today));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        var filed = api().post("zhangwei", path + "/" + transferId + "/police-answers",
                Map.of("type", "FILING_DECISION", "decision", "FILED", "noticeOn", today));
        assertThat(filed.status()).as(filed.body()).isEqualTo(202);
        assertThat(filed.json().get("policeReceivedOn").asText()).isEqualTo(today);
        assertThat(filed.json().get("policeAnswers").toString()).contains("RECEIPT", "FILING_DECISION", "FILED");

        api.completeTask("liqiang", caseId, "Task_HandOverEvidence", Map.of("handoverList", "青A12345小型客车一辆\n询问笔录3份",
                "handedOverOn", today, "policeReceiver", "王警官"));
        transfer = api().get("zhangwei", path + "/" + transferId).json();
        assertThat(transfer.get("status").asText()).isEqualTo("HANDED_OVER");
        assertThat(transfer.at("/handovers/0/items").asText()).contains("小型客车");

        // 国务院令第310号第六条: the letter lists the inspection report that was declared
        // (the PDF's text comes out in layout order: a wrapped line may have the full stop in the middle)
        assertThat(pdf(caseId, "CRIMINAL_TRANSFER_LETTER")).contains("涉案物品清单；有关检验报告或者鉴", "（车辆技术检验报告）");
        assertThat(text(toPolice)).contains("四、有关检验报告或者鉴定结论：车辆技术检验报告；");

        // 行政处罚法第二十七条: the procuratorate returns the case; the fine block is lifted, the case is 已立案 again
        UUID id = UUID.fromString(caseId);
        assertThat(criminalTransfers.isPendingForCase(id)).isTrue();
        api.completeTask("zhangwei", caseId, "Task_AwaitJudicialOutcome", Map.of("judicialOutcome", "RETURNED",
                "returningBody", "PROCURATORATE", "returnLetterOn", today, "returnLetterNo", "宁检不诉〔2026〕3号",
                "returnReasons", "犯罪情节轻微，决定不起诉，建议给予行政处罚"));
        assertThat(criminalTransfers.isPendingForCase(id)).isFalse();
        transfer = api().get("zhangwei", path + "/" + transferId).json();
        assertThat(transfer.get("status").asText()).isEqualTo("RETURNED_TO_ADMINISTRATIVE");
        assertThat(transfer.get("policeAnswers").toString()).contains("CASE_RETURN", "PROCURATORATE", today,
                "宁检不诉〔2026〕3号", "建议给予行政处罚");
        details = api().get("zhangwei", "/api/cases/" + caseId).json();
        assertThat(details.at("/case/status").asText()).isEqualTo("FILED");
        assertThat(details.get("events").toString()).contains("人民检察院退回案件，转行政处理", "移送对罚款决定的限制解除");
    }

    /** The return letter can also come by REST, like the police's other answers, once the evidence is handed over. */
    @Test
    void caseReturnByRestLiftsTheFineBlock() throws Exception {
        Started s = start("zhangwei", TransferApiTest.criminal(List.of("zhangwei", "liqiang")));
        String answers = s.path() + "/" + s.transferId() + "/police-answers";
        s.api().completeTask("zhangwei", s.caseId(), "Task_WriteTransferReport", Map.of("suspectedCrime", "非法经营罪",
                "transferReport", "当事人无证营运，非法经营额逾25万元"));
        s.api().completeTask("zhaomin", s.caseId(), "Task_HeadApproval", Map.of("headApproval", "APPROVE",
                "headOpinion", "同意移送"));
        runJobs(s.pi());
        String today = ApiClient.todayInChina();
        Map<String, Object> letter = Map.of("type", "CASE_RETURN", "returningBody", "POLICE", "noticeOn", today,
                "letterNo", "宁公撤〔2026〕7号", "reasons", "经审查不构成犯罪，撤销案件，建议依法给予行政处罚");
        var tooEarly = api().post("zhangwei", answers, letter);
        assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(409);
        var filed = api().post("zhangwei", answers, Map.of("type", "FILING_DECISION", "decision", "FILED", "noticeOn", today));
        assertThat(filed.status()).as(filed.body()).isEqualTo(202);
        s.api().completeTask("liqiang", s.caseId(), "Task_HandOverEvidence", Map.of("handoverList", "青A12345小型客车一辆",
                "handedOverOn", today, "policeReceiver", "王警官"));

        var noBody = api().post("zhangwei", answers, Map.of("type", "CASE_RETURN", "noticeOn", today, "reasons", "理由"));
        assertThat(noBody.json().get("field").asText()).isEqualTo("returningBody");
        var noReasons = api().post("zhangwei", answers, Map.of("type", "CASE_RETURN", "returningBody", "POLICE",
                "noticeOn", today));
        assertThat(noReasons.json().get("field").asText()).isEqualTo("reasons");
        var noDate = api().post("zhangwei", answers, Map.of("type", "CASE_RETURN", "returningBody", "POLICE",
                "reasons", "理由"));
        assertThat(noDate.json().get("field").asText()).isEqualTo("noticeOn");
        UUID id = UUID.fromString(s.caseId());
        assertThat(criminalTransfers.isPendingForCase(id)).isTrue();

        var returned = api().post("zhangwei", answers, letter);
        assertThat(returned.status()).as(returned.body()).isEqualTo(202);
        assertThat(returned.json().get("status").asText()).isEqualTo("RETURNED_TO_ADMINISTRATIVE");
        assertThat(returned.json().get("policeAnswers").toString()).contains("CASE_RETURN", "POLICE", "宁公撤〔2026〕7号");
        assertThat(criminalTransfers.isPendingForCase(id)).isFalse();
        JsonNode details = api().get("zhangwei", "/api/cases/" + s.caseId()).json();
        assertThat(details.at("/case/status").asText()).isEqualTo("FILED");
        assertThat(details.get("events").toString()).contains("公安机关退回案件，转行政处理");
        assertThat(details.get("tasks").toString()).doesNotContain("Task_AwaitJudicialOutcome");
    }

    /** 国务院令第310号第六条: no inspection report declared, no such line in the letter or the mail. */
    @Test
    void letterWithoutInspectionReportsOmitsTheirLine() throws Exception {
        Started s = start("zhangwei", TransferApiTest.criminal(List.of("zhangwei", "liqiang")));
        s.api().completeTask("zhangwei", s.caseId(), "Task_WriteTransferReport", Map.of("suspectedCrime", "非法经营罪",
                "transferReport", "当事人无证营运，非法经营额逾25万元", "seizedItems", "青A12345小型客车一辆"));
        s.api().completeTask("zhaomin", s.caseId(), "Task_HeadApproval", Map.of("headApproval", "APPROVE",
                "headOpinion", "同意移送"));
        runJobs(s.pi());
        String letter = pdf(s.caseId(), "CRIMINAL_TRANSFER_LETTER");
        assertThat(letter).contains("涉嫌犯罪案件情况的调查报告；涉案物品清单").doesNotContain("检验报告", "鉴定结论");
        String caseNo = api().get("zhangwei", "/api/cases/" + s.caseId()).json().at("/case/caseNo").asText();
        MimeMessage toPolice = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).contains("gongan@xining.example") && subject(m).contains(caseNo))
                .findFirst().orElseThrow();
        assertThat(text(toPolice)).contains("四、其他有关涉嫌犯罪的材料").doesNotContain("检验报告", "鉴定");
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the case's latest document of {@code kind}, whitespace removed. */
    String pdf(String caseId, String kind) throws Exception {
        String id = null;
        for (JsonNode d : api().get("zhangwei", "/api/cases/" + caseId + "/documents").json()) {
            if (d.get("kind").asText().equals(kind)) {
                id = d.get("id").asText();
            }
        }
        assertThat(id).as(kind).isNotNull();
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("zhangwei", "demo");
        byte[] bytes = rest.exchange("/api/documents/" + id, HttpMethod.GET, new HttpEntity<>(headers), byte[].class)
                .getBody();
        return org.lawflow.PdfText.compact(bytes);
    }

    /** 国务院令第310号第九、十条: not filed, reconsideration, supervision, still not filed: back to 已立案. */
    @Test
    void policeThatFinallyDoNotFileSendTheCaseBackToAdministrativeHandling() throws Exception {
        Started s = start("zhangwei", TransferApiTest.criminal(List.of("zhangwei", "liqiang")));
        var api = s.api();
        String caseId = s.caseId();
        String answers = s.path() + "/" + s.transferId() + "/police-answers";
        api.completeTask("zhangwei", caseId, "Task_WriteTransferReport", Map.of("suspectedCrime", "非法经营罪",
                "transferReport", "当事人无证营运，非法经营额逾25万元"));
        api.completeTask("zhaomin", caseId, "Task_HeadApproval", Map.of("headApproval", "APPROVE", "headOpinion", "同意移送"));
        runJobs(s.pi());
        String today = ApiClient.todayInChina();
        var notFiled = api().post("zhangwei", answers, Map.of("type", "FILING_DECISION", "decision", "NOT_FILED",
                "noticeOn", today, "reasons", "未达立案追诉标准"));
        assertThat(notFiled.status()).as(notFiled.body()).isEqualTo(202);
        assertThat(notFiled.json().get("status").asText()).isEqualTo("FILING_DECISION_NOT_FILED");
        api.completeTask("zhangwei", caseId, "Task_DecideChallenge", Map.of("challenge", "RECONSIDERATION",
                "challengeReasons", "经营额已达追诉标准"));
        var reconsidered = api().post("zhangwei", answers, Map.of("type", "RECONSIDERATION_ANSWER", "decision", "NOT_FILED",
                "noticeOn", today));
        assertThat(reconsidered.status()).as(reconsidered.body()).isEqualTo(202);
        api.completeTask("zhangwei", caseId, "Task_DecideSupervision", Map.of("requestSupervision", "true",
                "challengeReasons", "复议维持，建议立案监督"));
        runJobs(s.pi());
        var toProcuratorate = new java.util.ArrayList<String>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (recipients(m).contains("jianchayuan@xining.example")) {
                toProcuratorate.add(m.getSubject());
            }
        }
        assertThat(toProcuratorate).anyMatch(subject -> subject.startsWith("立案监督建议"));
        var supervised = api().post("zhangwei", answers, Map.of("type", "SUPERVISION_RESULT", "decision", "NOT_FILED",
                "noticeOn", today));
        assertThat(supervised.status()).as(supervised.body()).isEqualTo(202);

        assertThat(supervised.json().get("status").asText()).isEqualTo("RETURNED_TO_ADMINISTRATIVE");
        assertThat(supervised.json().get("policeAnswers").toString())
                .contains("FILING_DECISION", "RECONSIDERATION_ANSWER", "SUPERVISION_RESULT");
        JsonNode details = api().get("zhangwei", "/api/cases/" + caseId).json();
        assertThat(details.at("/case/status").asText()).isEqualTo("FILED");
        assertThat(details.get("events").toString()).contains("公安机关立案决定：不予立案", "提请公安机关复议",
                "公安机关复议决定：不予立案", "建议人民检察院立案监督", "立案监督结果：不予立案", "公安机关最终不予立案，退回行政处理");
    }

    /**
     * 监察法第三十七条: a clue about the agency's own leaders, registered by the supervisor, goes to the commission
     * without any task for the head, with a copy to the supervisors; the supervisor records the feedback.
     */
    @Test
    void clueAboutTheAgencyLeadersGoesStraightToTheCommissionWithACopyToTheSupervisor() throws Exception {
        Started s = start("sunli", TransferApiTest.clue("AGENCY_LEADER"));
        runJobs(s.pi());
        var toCommission = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).contains("jiwei@xining.example")).toList();
        assertThat(toCommission).hasSize(1);
        assertThat(toCommission.get(0).getSubject()).contains("涉及本单位领导班子成员");
        assertThat(text(toCommission.get(0))).contains("不经本单位负责人审批", "抄送");
        assertThat(attachments(toCommission.get(0))).anyMatch(n -> n.endsWith(".zip"));
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(m -> subject(m).contains("涉及本单位领导班子成员"))
                .flatMap(m -> recipients(m).stream())).contains("sunli@lawflow.example")
                .doesNotContain("jijianzu@xining.example", "zhaomin@lawflow.example", "qianlei@lawflow.example");

        JsonNode details = api().get("sunli", "/api/cases/" + s.caseId()).json();
        assertThat(details.at("/transfers/0/status").asText()).isEqualTo("SENT");
        assertThat(details.get("tasks").toString()).doesNotContain("Task_ApproveClueTransfer").contains("Task_RecordClueFeedback");
        assertThat(details.get("events").toString()).contains("不经本单位负责人审批，直接移送");
        s.api().completeTask("sunli", s.caseId(), "Task_RecordClueFeedback", Map.of("clueReceivedOn", ApiClient.todayInChina()));
        assertThat(api().get("sunli", s.path() + "/" + s.transferId()).json().get("status").asText()).isEqualTo("COMPLETED");
    }

    /** A refused clue does not end silently: its receiving body learns of the refusal and the reasons. */
    @Test
    void refusedClueIsToldToItsReceivingBodyWithTheReasons() throws Exception {
        Started s = start("zhaomin", TransferApiTest.clue("CITY_MANAGED"));
        String caseNo = api().get("zhaomin", "/api/cases/" + s.caseId()).json().at("/case/caseNo").asText();
        s.api().completeTask("zhaomin", s.caseId(), "Task_ApproveClueTransfer", Map.of("headApproval", "REFUSE",
                "headOpinion", "经核实，所反映问题与事实不符"));
        runJobs(s.pi());
        MimeMessage refusal = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).contains("不予移送") && subject(m).contains(caseNo)).findFirst().orElseThrow();
        assertThat(recipients(refusal)).containsExactly("jiwei@xining.example");
        assertThat(text(refusal)).contains("不予移送的理由：经核实，所反映问题与事实不符", "某运输管理所副所长");
        assertThat(api().get("zhaomin", s.path() + "/" + s.transferId()).json().get("status").asText()).isEqualTo("REFUSED");
        String officerView = api().get("zhangwei", "/api/cases/" + s.caseId()).json().toString();
        assertThat(officerView).doesNotContain("clue-refusal", "不予移送告知");
    }

    @Test
    void clueOfAgencyStaffGoesToTheInternalDisciplineBodyAndStaysHiddenFromOfficers() throws Exception {
        Started s = start("zhaomin", TransferApiTest.clue("AGENCY_STAFF"));
        var api = s.api();
        String caseId = s.caseId();
        String pi = s.pi();
        api.completeTask("zhaomin", caseId, "Task_ApproveClueTransfer", Map.of("headApproval", "APPROVE", "headOpinion", "同意"));
        runJobs(pi);

        MimeMessage clueMail = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).contains("jijianzu@xining.example")).findFirst().orElseThrow();
        assertThat(clueMail.getSubject()).contains("问题线索移送函");
        assertThat(attachments(clueMail)).anyMatch(n -> n.endsWith(".zip"));
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).flatMap(m -> recipients(m).stream()))
                .doesNotContain("jiwei@xining.example");

        assertThat(api().get("zhaomin", "/api/cases/" + caseId).json().get("packages").toString())
                .contains("DISCIPLINE_TRANSFER");
        String officerView = api().get("zhangwei", "/api/cases/" + caseId).json().toString();
        assertThat(officerView).doesNotContain("DISCIPLINE_TRANSFER", "CLUE_TRANSFER_LETTER", "某运输管理所副所长");
    }
}
