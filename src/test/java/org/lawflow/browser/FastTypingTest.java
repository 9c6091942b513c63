package org.lawflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Nothing an officer types is lost (issue #30): in real tasks of the review, each form is filled the way a quick
 * typist does it, with no pause, Tab from field to field and 完成 at once; what the engine stored must be exactly what
 * was typed. Before the fix form-js's 300 ms delayed updates let a re-render erase the text typed right after an
 * amount, and the first letter typed after Tab.
 */
@LawFlowSpringTest
class FastTypingTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;

    @Test
    void quickTypingWithTabsIsStoredAsTyped() throws Exception {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var registration = ApiClient.citizenCase("zhangwei", "liqiang");
        registration.put("proposedDecision", Map.of("penalties", java.util.List.of(Map.of("kind", "FINE", "amount", 3000))));
        registration.put("majorPublicInterest", true);
        var filed = flows.filedCase("zhangwei", registration);
        String caseNo = filed.caseNo();
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
        flows.done("zhangwei", caseNo, "Task_SubmitProposedDecision", Map.of("proposalConfirmed", true));
        flows.runJobs(caseNo);
        flows.done("zhangwei", caseNo, "Task_RecordNoticeDelivery",
                Map.of("noticeDeliveredOn", ApiClient.todayInChina(), "deliveryMethod", "DIRECT"));

        String summary = "当事人称系初次违法，车辆为家庭唯一生计来源，请求从轻处罚。";
        String recheck = "经复核，当事人所述属实，维持原拟处罚。";
        String reviewReasons = "主体合法，程序正当，事实清楚，适用法律正确，裁量适当。";
        String decisionReasons = "事实清楚，证据确凿，适用法律正确，依法减轻处罚。";
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            try {
                // 陈述申辩: tick, summary, Tab to nothing but the next field, then the explanation
                browser.loginToTasklist("zhangwei");
                String statement = flows.task(caseNo, "Task_RecordStatement").getId();
                browser.openTask(statement);
                browser.click("Field_PartyStated");
                browser.field("Field_StatementSummary").sendKeys(summary);
                browser.clickLabel("理由不成立，不予采纳");
                browser.field("Field_Opinion").sendKeys(recheck);
                browser.complete();
                awaitDone(statement);
                flows.runJobs(caseNo);

                // 法制审核: the amount and at once, after Tab, the reasons
                browser.loginToTasklist("wangfang");
                String review = flows.task(caseNo, "Task_ReviewLegality").getId();
                browser.openTask(review);
                for (String check : new String[] {"Field_CheckSubject", "Field_CheckAuthority", "Field_CheckProcedure",
                        "Field_CheckFacts", "Field_CheckLawApplied", "Field_CheckDiscretion", "Field_CheckDocuments"}) {
                    browser.click(check);
                }
                browser.clickLabel("同意");
                browser.field("Field_ReviewedFineAmount").sendKeys("2800", Keys.TAB, reviewReasons);
                browser.complete();
                awaitDone(review);
                flows.runJobs(caseNo);

                // 负责人决定 (the reported case): the amount replaced, Tab, the reason, 完成 with no pause
                browser.loginToTasklist("zhaomin");
                String decision = flows.task(caseNo, "Task_HeadDecision").getId();
                browser.openTask(decision);
                browser.clickLabel("给予行政处罚");
                browser.field("Field_DecidedFineAmount").sendKeys(Keys.chord(Keys.CONTROL, "a"), "2500", Keys.TAB,
                        decisionReasons);
                browser.complete();
                awaitDone(decision);
            } finally {
                browser.screenshot("fast-typing");
            }
        }
        assertThat(stored(caseNo, "statementSummary")).isEqualTo(summary);
        assertThat(stored(caseNo, "opinion")).isEqualTo(recheck);
        assertThat(stored(caseNo, "reviewedFineAmount")).isIn(2800L, 2800, 2800.0);
        assertThat(stored(caseNo, "reviewReasons")).isEqualTo(reviewReasons);
        assertThat(stored(caseNo, "decidedFineAmount")).isIn(2500L, 2500, 2500.0);
        assertThat(stored(caseNo, "decisionOpinion")).isEqualTo(decisionReasons);
    }

    private void awaitDone(String taskId) {
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    }

    /** The value the case's review stored last for the variable. */
    private Object stored(String caseNo, String name) {
        var instance = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey("major-decision-review").singleResult();
        var variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).list();
        assertThat(variables).as(name).hasSize(1);
        return variables.get(0).getValue();
    }
}
