package org.lawflow.review;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 较大数额 (large amount) thresholds that give the party a hearing right (行政处罚法第六十三条) and put a case on
 * the legal-review catalogue. The law leaves them to provinces: local transport departments follow the standard
 * of the provincial 人大常委会 or people's government. The Qinghai figures could not be verified [unverified law].
 *
 * <p>They fail closed: LawFlow does not start without {@code lawflow.thresholds.large-amount-citizen},
 * {@code -organization} and {@code basis} (the standard they come from). A default in code would silently deny a
 * hearing and a legal review wherever the province's figure is lower. The demo profile sets the maritime standard
 * (≥1万元 natural persons, ≥10万元 organisations), marked as demo values.
 */
@ConfigurationProperties("lawflow.thresholds")
public record PenaltyThresholds(BigDecimal largeAmountCitizen, BigDecimal largeAmountOrganization, String basis) {

    public PenaltyThresholds {
        StringBuilder missing = new StringBuilder();
        if (largeAmountCitizen == null || largeAmountCitizen.signum() <= 0) {
            missing.append(" lawflow.thresholds.large-amount-citizen（自然人较大数额罚款标准，元）");
        }
        if (largeAmountOrganization == null || largeAmountOrganization.signum() <= 0) {
            missing.append(" lawflow.thresholds.large-amount-organization（法人或其他组织较大数额罚款标准，元）");
        }
        if (basis == null || basis.isBlank()) {
            missing.append(" lawflow.thresholds.basis（标准的出处，如省人大常委会或省政府的规定）");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("未配置本省“较大数额”标准，LawFlow 不予启动（否则可能遗漏当事人的听证权利和法制审核）。"
                    + "请设置：" + missing.toString().strip());
        }
    }

    boolean isLarge(BigDecimal amount, boolean citizen) {
        return amount.compareTo(citizen ? largeAmountCitizen : largeAmountOrganization) >= 0;
    }
}
