package org.lawflow.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/** SMTP down: the mail job fails and retries, ends as an incident; after recovery exactly one mail arrives. */
@LawFlowSpringTest
class MailOutageTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;

    @Test
    void outageBecomesRetriesThenAnIncidentAndRecoveryDeliversExactlyOnce() throws Exception {
        repositoryService.createDeployment().name("mail-outage-test").tenantId("xining").enableDuplicateFiltering(true)
                .addClasspathResource("bpmn-test/mail-outage-test.bpmn").deploy();
        var api = new ApiClient(rest);
        var created = api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        String caseId = created.json().get("id").asText();
        String pi = runtimeService.createProcessInstanceByKey("mail-outage-test").processDefinitionTenantId("xining")
                .setVariables(Map.of("caseId", caseId, "agencyId", "xining", "due", "2026-12-05")).execute().getId();

        greenMail.stop();
        var job = managementService.createJobQuery().processInstanceId(pi).singleResult();
        int previous = Integer.MAX_VALUE;
        for (int attempt = 1; attempt <= 10; attempt++) {
            String jobId = job.getId();
            assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("邮件发送失败");
            job = managementService.createJobQuery().jobId(jobId).singleResult();
            assertThat(job.getRetries()).isLessThan(previous);
            previous = job.getRetries();
            if (job.getRetries() == 0) {
                break;
            }
        }
        assertThat(job.getRetries()).isZero();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).isEqualTo(1);
        var details = api.get("zhaomin", "/api/cases/" + caseId).json();
        assertThat(details.at("/mails/0/status").asText()).isEqualTo("FAILED");
        assertThat(details.at("/mails/0/attempts").asInt()).isGreaterThanOrEqualTo(5);

        greenMail.start();
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        var received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).contains("期限提醒", "法制审核期限");
        details = api.get("zhaomin", "/api/cases/" + caseId).json();
        assertThat(details.get("mails")).hasSize(1);
        assertThat(details.at("/mails/0/status").asText()).isEqualTo("SENT");
        assertThat(details.at("/mails/0/recipient").asText()).isEqualTo("zhaomin@lawflow.example");
    }

    @Test
    void messageIdIsStablePerCaseStepAndRecipient() {
        var r = new MailRecipients.Recipient("superior", "A@x.example", null);
        var same = new MailRecipients.Recipient("justiceBureau", "a@x.example", "名");
        var id = java.util.UUID.randomUUID();
        assertThat(CaseMailer.messageId(id, "pi", "Task_Send", r))
                .isEqualTo(CaseMailer.messageId(id, "pi", "Task_Send", same))
                .startsWith("<" + id + ".pi.Task_Send.").endsWith("@lawflow>");
        assertThat(CaseMailer.messageId(id, "pi", "Task_Send-2", r))
                .isNotEqualTo(CaseMailer.messageId(id, "pi", "Task_Send", r));
    }

    @Test
    void templatesStartWithASubjectAndCollapseBlankLines() {
        var text = MailTemplates.split("Subject:  主题 \n\n\n\n正文一  \n\n\n\n正文二\n\n");
        assertThat(text.subject()).isEqualTo("主题");
        assertThat(text.body()).isEqualTo("正文一\n\n正文二\n");
    }
}
