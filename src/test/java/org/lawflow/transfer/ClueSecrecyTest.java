package org.lawflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Issue #27 item 5: nothing of a discipline clue (its flow, documents, packages, mails and case record entries)
 * reaches anybody but the agency head and the supervisor — not an officer of the case, not an administrator — in
 * any surface: the case view's events, documents, packages, mails, flows and tasks, the documents list and the demo
 * mail page.
 */
@LawFlowSpringTest
class ClueSecrecyTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired ManagementService managementService;

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

    /** A case whose clue went to the 纪委监委 (package and mail sent); returns the case id. */
    String caseWithSentClue() {
        var transfers = new TransferApiTest();
        transfers.rest = rest;
        String caseId = transfers.newCase();
        var started = api().post("zhaomin", "/api/cases/" + caseId + "/transfers", TransferApiTest.clue("CITY_MANAGED"));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String pi = started.json().get("processInstanceId").asText();
        transfers.completeTask("zhaomin", caseId, "Task_ApproveClueTransfer",
                Map.of("headApproval", "APPROVE", "headOpinion", "同意移送"));
        runJobs(pi);
        return caseId;
    }

    @Test
    void clueIsInvisibleToOfficersAndAdministratorsInEverySurfaceAndVisibleToHeadAndSupervisor() {
        String caseId = caseWithSentClue();
        String head = api().get("zhaomin", "/api/cases/" + caseId).body();
        assertThat(head).as("the head sees the clue's record, documents, package and mail")
                .contains("登记问题线索", "问题线索已移送", "CLUE_TRANSFER_LETTER", "DISCIPLINE_TRANSFER", "clue-transfer");
        String supervisor = api().get("sunli", "/api/cases/" + caseId).body();
        assertThat(supervisor).contains("登记问题线索", "问题线索已移送", "CLUE_TRANSFER_LETTER", "clue-transfer");
        assertThat(api().get("sunli", "/demo/mails").body()).contains("问题线索移送函");

        for (String user : new String[] {"zhangwei", "liqiang", "admin"}) {
            var view = api().get(user, "/api/cases/" + caseId);
            assertThat(view.status()).as(user).isEqualTo(200);
            assertThat(view.body()).as(user + " reads the case").doesNotContain("线索", "纪律检查", "纪检", "discipline-clue",
                    "CLUE_TRANSFER_LETTER", "DISCIPLINE_TRANSFER", "clue-transfer", "某运输管理所副所长");
            assertThat(view.json().get("events").size()).as(user).isPositive();
            var documents = api().get(user, "/api/cases/" + caseId + "/documents");
            assertThat(documents.body()).as(user).doesNotContain("线索", "CLUE", "DISCIPLINE");
            var mails = api().get(user, "/demo/mails");
            assertThat(mails.status()).isEqualTo(200);
            assertThat(mails.body()).as(user + " on the demo mail page").doesNotContain("问题线索", "线索移送");
        }
    }
}
