package org.lawflow.transfer;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.lawflow.calendar.StatutoryDeadlines;

/**
 * Test doubles for the transfer process tests: the document, package and mail delegates of branch documents,
 * the {@code deadlines} bean (the real calendar on its data file, recording the periods asked for) and the transfer
 * record steps (they need the database; the Spring Boot tests cover them). Every call is recorded as "doc:KIND",
 * "package:KIND", "mail:recipients:template" or "record:ACTION". The task guards are the real ones.
 */
final class TransferDoubles {

    /** The record step beans both BPMNs name, and the ACTION each double records. */
    private static final Map<String, String> RECORD_STEPS = Map.ofEntries(
            Map.entry("transferRegisteredRecord", "REGISTERED"),
            Map.entry("transferHeadDecisionRecord", "HEAD_DECIDED"),
            Map.entry("transferSentRecord", "SENT"),
            Map.entry("policeReceiptRecord", "RECEIPT"),
            Map.entry("policeFilingDecisionRecord", "FILING_DECISION"),
            Map.entry("reconsiderationRequestRecord", "RECONSIDERATION_REQUESTED"),
            Map.entry("reconsiderationAnswerRecord", "RECONSIDERATION_ANSWER"),
            Map.entry("supervisionRequestRecord", "SUPERVISION_REQUESTED"),
            Map.entry("supervisionResultRecord", "SUPERVISION_RESULT"),
            Map.entry("returnToAdministrativeRecord", "RETURNED_TO_ADMINISTRATIVE"),
            Map.entry("policeFiledRecord", "FILED"),
            Map.entry("evidenceHandoverRecord", "HANDED_OVER"),
            Map.entry("judicialOutcomeRecord", "JUDICIAL_OUTCOME"),
            Map.entry("clueDirectTransferRecord", "CLUE_DIRECT"),
            Map.entry("clueRegisteredRecord", "CLUE_REGISTERED"),
            Map.entry("clueRoutingRecord", "CLUE_ROUTED"),
            Map.entry("clueHeadDecisionRecord", "CLUE_DECIDED"),
            Map.entry("clueSentRecord", "CLUE_SENT"),
            Map.entry("clueFeedbackRecord", "CLUE_FEEDBACK"));

    final List<String> calls = new ArrayList<>();
    final List<String> periods = new ArrayList<>();

    /** The real statutory calendar (bundled data file), recording which periods the flows ask for. */
    public class RecordingDeadlines {
        final StatutoryDeadlines real = StatutoryDeadlines.fromDataFile();

        public Date due(String period, Object from) {
            periods.add(period);
            return real.due(period, from);
        }
    }

    /** Records "prefix:field values" like the real delegates would be configured, or "record:ACTION". */
    public class Recording implements JavaDelegate {
        private final String prefix;
        private final String action;
        private Expression kind;
        private Expression recipients;
        private Expression template;

        Recording(String prefix) {
            this(prefix, null);
        }

        Recording(String prefix, String action) {
            this.prefix = prefix;
            this.action = action;
        }

        public void setKind(Expression e) { kind = e; }
        public void setRecipients(Expression e) { recipients = e; }
        public void setTemplate(Expression e) { template = e; }
        public void setDocuments(Expression e) { }
        public void setAttachDocuments(Expression e) { }
        public void setAttachPackage(Expression e) { }
        public void setDeadlineName(Expression e) { }

        @Override
        public void execute(DelegateExecution execution) {
            if (action != null) {
                calls.add(prefix + ":" + action);
                if (action.endsWith("REGISTERED") && execution.getVariable("transferId") == null) {
                    execution.setVariable("transferId", UUID.randomUUID().toString());
                }
                if ("CLUE_ROUTED".equals(action)) {
                    execution.setVariable("receivingBodyName",
                            "INTERNAL".equals(execution.getVariable("receivingBody")) ? "纪检监察组" : "纪委监委");
                }
            } else if (recipients != null) {
                calls.add(prefix + ":" + recipients.getValue(execution) + ":" + template.getValue(execution));
            } else {
                calls.add(prefix + ":" + kind.getValue(execution));
            }
        }
    }

    void register(IdentityService identityService) {
        Mocks.register("deadlines", new RecordingDeadlines());
        Mocks.register("generateDocumentDelegate", new Recording("doc"));
        Mocks.register("buildPackageDelegate", new Recording("package"));
        Mocks.register("sendMailDelegate", new Recording("mail"));
        org.lawflow.RecordingReminder.register(calls);
        RECORD_STEPS.forEach((bean, action) -> Mocks.register(bean, new Recording("record", action)));
        var settings = TransferSettings.defaults();
        var teams = new TransferTeams(identityService, settings);
        var criminal = new CriminalTransferSteps();
        Mocks.register("transferTeamGuard", criminal.transferTeamGuard(teams));
        Mocks.register("transferReportGuard", criminal.transferReportGuard());
        Mocks.register("evidenceHandoverGuard", criminal.evidenceHandoverGuard());
        var approvals = new HeadApprovalSteps();
        Mocks.register("transferApprovalGuard", approvals.transferApprovalGuard());
        Mocks.register("criminalTransferApprovalGuard", approvals.criminalTransferApprovalGuard());
        Mocks.register("judicialOutcomeGuard", new JudicialReturnSteps().judicialOutcomeGuard());
        var answers = new PoliceAnswerSteps();
        Mocks.register("policeFilingDecisionGuard", answers.policeFilingDecisionGuard());
        Mocks.register("reconsiderationAnswerGuard", answers.reconsiderationAnswerGuard());
        Mocks.register("supervisionResultGuard", answers.supervisionResultGuard());
        var challenges = new ChallengeSteps();
        Mocks.register("challengeDecisionGuard", challenges.challengeDecisionGuard());
        Mocks.register("supervisionDecisionGuard", challenges.supervisionDecisionGuard());
        Mocks.register("clueFeedbackGuard", new ClueSteps().clueFeedbackGuard(settings));
    }

    /**
     * Officers zhangwei, liqiang (xining), zhoujie (haidong); reviewer wangfang (xining); head zhaomin, also
     * principal-head (正职负责人); deputy head qianlei (agency-head only); supervisor sunli.
     */
    static void createUsers(IdentityService ids) {
        removeUsers(ids);
        for (String[] u : new String[][] {{"zhangwei", "officer", "xining"}, {"liqiang", "officer", "xining"},
                {"zhoujie", "officer", "haidong"}, {"wangfang", "legal-reviewer", "xining"},
                {"zhaomin", "agency-head", "xining"}, {"sunli", "supervisor", "xining"},
                {"qianlei", "agency-head", "xining"}}) {
            ids.saveUser(ids.newUser(u[0]));
            if (ids.createGroupQuery().groupId(u[1]).count() == 0) {
                ids.saveGroup(ids.newGroup(u[1]));
            }
            if (ids.createTenantQuery().tenantId(u[2]).count() == 0) {
                ids.saveTenant(ids.newTenant(u[2]));
            }
            ids.createMembership(u[0], u[1]);
            ids.createTenantUserMembership(u[2], u[0]);
        }
        if (ids.createGroupQuery().groupId("principal-head").count() == 0) {
            ids.saveGroup(ids.newGroup("principal-head"));
        }
        ids.createMembership("zhaomin", "principal-head");
    }

    static void removeUsers(IdentityService ids) {
        for (String u : List.of("zhangwei", "liqiang", "zhoujie", "wangfang", "zhaomin", "sunli", "qianlei")) {
            ids.deleteUser(u);
        }
        for (String t : List.of("xining", "haidong")) {
            ids.deleteTenant(t);
        }
    }
}
