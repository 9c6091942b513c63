package org.lawflow.transfer;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.lawflow.calendar.StatutoryDeadlines;

/**
 * Test doubles for the transfer process tests: the document, package and mail delegates of branch documents,
 * the {@code deadlines} bean (the real calendar on its data file, recording the periods asked for) and the transfer record delegate (it needs the
 * database; the Spring Boot test covers it). Every call is recorded as "doc:KIND", "package:KIND",
 * "mail:recipients:template" or "record:ACTION".
 */
final class TransferDoubles {

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

    /** Records "prefix:field values" like the real delegates would be configured. */
    public class Recording implements JavaDelegate {
        private final String prefix;
        private Expression kind;
        private Expression recipients;
        private Expression template;

        Recording(String prefix) {
            this.prefix = prefix;
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
            if ("record".equals(prefix)) {
                String what = TransferRecordDelegate.ACTIONS.get(execution.getCurrentActivityId());
                calls.add(prefix + ":" + what);
                if (what.endsWith("REGISTERED") && execution.getVariable("transferId") == null) {
                    execution.setVariable("transferId", UUID.randomUUID().toString());
                }
                if ("CLUE_ROUTED".equals(what)) {
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
        Mocks.register("transferRecordDelegate", new Recording("record"));
        var settings = TransferSettings.defaults();
        Mocks.register("transferTaskGuard", new TransferTaskGuard(new TransferTeams(identityService, settings), settings));
    }

    /** Officers zhangwei, liqiang (xining), zhoujie (haidong); reviewer wangfang (xining); head zhaomin. */
    static void createUsers(IdentityService ids) {
        removeUsers(ids);
        for (String[] u : new String[][] {{"zhangwei", "officer", "xining"}, {"liqiang", "officer", "xining"},
                {"zhoujie", "officer", "haidong"}, {"wangfang", "legal-reviewer", "xining"},
                {"zhaomin", "agency-head", "xining"}, {"sunli", "supervisor", "xining"}}) {
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
    }

    static void removeUsers(IdentityService ids) {
        for (String u : List.of("zhangwei", "liqiang", "zhoujie", "wangfang", "zhaomin", "sunli")) {
            ids.deleteUser(u);
        }
        for (String t : List.of("xining", "haidong")) {
            ids.deleteTenant(t);
        }
    }
}
