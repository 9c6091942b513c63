package org.lawflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductionAdminTest {

    @ParameterizedTest
    @CsvSource({
            "root, demo, 至少需要 12 个字符",
            "root, password123, 至少需要 12 个字符",
            "chief, chiefSecret2026, 不得使用常见密码或包含用户名",
            "root, onlylettersxyz, 必须同时包含字母和数字",
            "root, 123456789012345, 必须同时包含字母和数字"})
    void weakPasswordsAreRefusedWithTheReason(String user, String password, String reason) {
        assertThat(ProductionAdmin.weakness(user, password)).isEqualTo(reason);
    }

    @Test
    void aStrongPasswordIsAccepted() {
        assertThat(ProductionAdmin.weakness("root", "Qinghai-Xining-2026")).isNull();
    }

    @Test
    void startWithoutAdminFails() {
        var admin = new ProductionAdmin(null, "", "");
        assertThatThrownBy(admin::ensureAdmin).hasMessageContaining("LAWFLOW_ADMIN_USER");
    }
}
