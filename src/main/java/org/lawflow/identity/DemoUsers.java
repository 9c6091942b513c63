package org.lawflow.identity;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo users of DESIGN.md, password {@code demo}. Only in the demo profile, never in production. */
@Component
@Profile("demo")
class DemoUsers {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    record DemoUser(String id, String name, List<String> groups, String agency) {
        DemoUser(String id, String name, String group, String agency) {
            this(id, name, List.of(group), agency);
        }
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("zhangwei", "张伟", Groups.OFFICER, "xining"),
            new DemoUser("liqiang", "李强", Groups.OFFICER, "xining"),
            new DemoUser("wangfang", "王芳", Groups.LEGAL_REVIEWER, "xining"),
            new DemoUser("zhaomin", "赵敏", List.of(Groups.AGENCY_HEAD, Groups.PRINCIPAL_HEAD), "xining"),
            new DemoUser("chenjing", "陈静", Groups.HEARING_HOST, "xining"),
            new DemoUser("sunli", "孙丽", Groups.SUPERVISOR, "xining"),
            new DemoUser("zhoujie", "周杰", Groups.OFFICER, "haidong"),
            new DemoUser("admin", "管理员", Groups.ADMIN, null),
            // 副职负责人: the second head that a 集体讨论 needs.
            new DemoUser("qianlei", "钱磊", Groups.AGENCY_HEAD, "xining"));

    private final UserAccounts accounts;

    DemoUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(20)
    void create() {
        for (DemoUser u : USERS) {
            accounts.ensure(u.id(), u.name(), PASSWORD, u.groups(),
                    u.agency() == null ? List.of() : List.of(u.agency()));
        }
        log.warn("DEMO profile: {} demo users with password '{}' exist. Never run the demo profile in production.",
                USERS.size(), PASSWORD);
    }
}
