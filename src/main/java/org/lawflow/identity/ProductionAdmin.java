package org.lawflow.identity;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile the installation starts with exactly one administrator, taken from
 * {@code LAWFLOW_ADMIN_USER} / {@code LAWFLOW_ADMIN_PASSWORD}. A weak password stops the start-up.
 */
@Component
@Profile("!demo")
class ProductionAdmin {

    private static final Set<String> COMMON = Set.of("password", "12345678", "123456789012", "admin", "demo",
            "camunda", "qwerty", "lawflow", "changeme", "password123", "admin123456");

    private final UserAccounts accounts;
    private final String user;
    private final String password;

    ProductionAdmin(UserAccounts accounts, @Value("${lawflow.admin.user:}") String user,
            @Value("${lawflow.admin.password:}") String password) {
        this.accounts = accounts;
        this.user = user;
        this.password = password;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(20)
    void ensureAdmin() {
        if (user.isBlank()) {
            throw new IllegalStateException("生产环境需要管理员账号：请设置 LAWFLOW_ADMIN_USER 和 LAWFLOW_ADMIN_PASSWORD");
        }
        if (!accounts.exists(user)) {
            String problem = weakness(user, password);
            if (problem != null) {
                throw new IllegalStateException("LAWFLOW_ADMIN_PASSWORD 不安全：" + problem);
            }
            accounts.ensure(user, "管理员", password, List.of(Groups.ADMIN), List.of());
        }
    }

    /** Null if acceptable, else the reason in Chinese. */
    static String weakness(String user, String password) {
        if (password == null || password.length() < 12) {
            return "至少需要 12 个字符";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.contains(user.toLowerCase(Locale.ROOT))) {
            return "不得使用常见密码或包含用户名";
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            return "必须同时包含字母和数字";
        }
        return null;
    }
}
