package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ServiceRecordTest {

    static final ServiceRecord.Fields FIELDS = new ServiceRecord.Fields("听证通知书", "servedOn", "serviceMethod",
            "receiptNo", "electronicConsent");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final LocalDate MADE = LocalDate.of(2026, 12, 3);

    static ServiceRecord check(Object date, Object method, Object consent) {
        return ServiceRecord.check(FIELDS, date, method, " HZ-001 ", consent, MADE, TODAY);
    }

    @Test
    void aDirectServiceTakesEffectOnItsDay() {
        var r = check("2026-12-04", "DIRECT", null);
        assertThat(r.servedOn()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(r.effectiveOn()).isEqualTo(r.servedOn());
        assertThat(r.receiptNo()).isEqualTo("HZ-001");
        assertThat(r.describe()).contains("直接送达", "HZ-001").doesNotContain("视为送达");
    }

    @Test
    void aFutureDateOrOneBeforeTheDocumentIsRefusedNamingTheField() {
        assertThatThrownBy(() -> check("2026-12-08", "DIRECT", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("晚于今天").extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("servedOn");
        assertThatThrownBy(() -> check("2026-12-02", "DIRECT", null)).hasMessageContaining("早于听证通知书的制作日期");
        assertThatThrownBy(() -> check(null, "DIRECT", null)).hasMessageContaining("请填写听证通知书的送达日期");
        assertThatThrownBy(() -> check("12/04/2026", "DIRECT", null)).hasMessageContaining("日期格式无效");
        // the day the document was made is a possible day of service (handed over on the spot)
        assertThat(check("2026-12-03", "ON_THE_SPOT", null).servedOn()).isEqualTo(MADE);
    }

    @Test
    void theMethodComesFromTheFixedList() {
        assertThatThrownBy(() -> check("2026-12-04", "FAX", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("直接送达、留置送达、邮寄送达、电子送达（须当事人同意）")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("serviceMethod");
        assertThatThrownBy(() -> check("2026-12-04", null, null)).hasMessageContaining("请选择送达方式");
    }

    @Test
    void electronicServiceCountsOnlyWithConsent() {
        assertThatThrownBy(() -> check("2026-12-04", "ELECTRONIC", false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("行政处罚法第六十一条第二款")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("electronicConsent");
        assertThatThrownBy(() -> check("2026-12-04", "ELECTRONIC", null)).hasMessageContaining("须当事人同意");
        var r = check("2026-12-04", "ELECTRONIC", "true");
        assertThat(r.electronicConsent()).isTrue();
        assertThat(r.describe()).contains("电子送达确认书");
    }

    @Test
    void aPublicNoticeTakesEffectThirtyDaysAfterPublication() {
        var r = check("2026-12-04", "PUBLIC", null);
        assertThat(r.effectiveOn()).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(r.deferred()).isTrue();
        assertThat(r.describe()).contains("经过三十日", "2027年1月3日视为送达", "类推适用");
    }
}
