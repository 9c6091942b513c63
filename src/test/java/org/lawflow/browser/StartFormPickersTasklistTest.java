package org.lawflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * A start form with pickers in a real browser: zhangwei starts 涉嫌犯罪案件移送 from Tasklist's 发起流程, finds the case
 * in the 案号 select by typing part of its number, picks the 专案组 by name (no user ids typed), and the transfer is
 * registered with those two officers.
 */
@LawFlowSpringTest
class StartFormPickersTasklistTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;

    @Test
    void theOfficerPicksTheCaseAndTheTeamOnTheStartForm() throws Exception {
        var api = new ApiClient(rest);
        var filed = new Flows(api, engine).filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        String number = filed.caseNo().substring(filed.caseNo().indexOf('〔')); // 〔2026〕12号
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            try {
                browser.loginToTasklist("zhangwei");
                browser.startProcess("涉嫌犯罪案件移送");
                assertThat(browser.pageText()).contains("专案组成员");
                browser.pickOption("Field_CaseNo", number, filed.caseNo() + "　");
                browser.field("Field_TransferReason").sendKeys("无证营运，非法经营额逾25万元");
                browser.field("Field_SuspectedCrime").sendKeys("非法经营罪");
                browser.pickTags("Field_TransferTeam", "张伟（执法人员）", "李强（执法人员）");
                browser.screenshot("start-form-pickers-filled");
                browser.startInDialog();
            } finally {
                browser.screenshot("start-form-pickers");
                browser.savePage("start-form-pickers");
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("zhangwei",
                "/api/cases/" + filed.id() + "/transfers").json().size() == 1);
        JsonNode transfer = api.get("zhangwei", "/api/cases/" + filed.id() + "/transfers").json().get(0);
        assertThat(transfer.get("kind").asText()).isEqualTo("CRIMINAL");
        assertThat(transfer.get("team").asText()).isEqualTo("zhangwei,liqiang");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("criminal-case-transfer")
                .processInstanceBusinessKey(filed.caseNo()).singleResult().getTenantId()).isEqualTo("xining");
    }
}
