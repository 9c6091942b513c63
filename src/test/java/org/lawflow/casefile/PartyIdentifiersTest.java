package org.lawflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartyIdentifiersTest {

    @ParameterizedTest
    @CsvSource({
            "11010519491231002X, ",
            "630102198506123019, ",
            "632102199001011237, ",
            "630102198506123018, 公民身份号码校验码错误",
            "630102198502303016, 公民身份号码中的出生日期无效",
            "63010219850612301, 公民身份号码应为18位（最后一位可为X）",
            "6301021985061230x9, 公民身份号码应为18位（最后一位可为X）"})
    void citizenIdentityNumbers(String id, String expectedProblem) {
        assertThat(PartyIdentifiers.citizenIdProblem(id)).isEqualTo(expectedProblem);
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y43, ",
            "91630100710485330F, ",
            "91630100MA752XXX0C, ",
            "91630100710485330E, 统一社会信用代码校验码错误",
            "91630100I10485330F, 统一社会信用代码含有无效字符",
            "9163010071048533, 统一社会信用代码应为18位"})
    void unifiedSocialCreditCodes(String code, String expectedProblem) {
        assertThat(PartyIdentifiers.creditCodeProblem(code)).isEqualTo(expectedProblem);
    }

    @ParameterizedTest
    @CsvSource({"630102198506123019, 630102********3019", "short, ****"})
    void masking(String id, String masked) {
        assertThat(PartyIdentifiers.mask(id)).isEqualTo(masked);
    }
}
