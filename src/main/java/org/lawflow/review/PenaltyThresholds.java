package org.lawflow.review;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 较大数额 (large amount) thresholds that give the party a hearing right (行政处罚法第六十三条) and put a case on
 * the legal-review catalogue. The law leaves them to provinces: local transport departments follow the standard
 * of the provincial 人大常委会 or people's government. The Qinghai figures could not be verified, so these are
 * DEFAULTS taken from the maritime standard (≥1万元 natural persons, ≥10万元 organisations); set
 * {@code lawflow.thresholds.large-amount-citizen} / {@code -organization} to the province's figures.
 */
@ConfigurationProperties("lawflow.thresholds")
public record PenaltyThresholds(BigDecimal largeAmountCitizen, BigDecimal largeAmountOrganization) {

    public PenaltyThresholds {
        largeAmountCitizen = largeAmountCitizen == null ? new BigDecimal("10000") : largeAmountCitizen;
        largeAmountOrganization = largeAmountOrganization == null ? new BigDecimal("100000") : largeAmountOrganization;
    }

    boolean isLarge(BigDecimal amount, boolean citizen) {
        return amount.compareTo(citizen ? largeAmountCitizen : largeAmountOrganization) >= 0;
    }
}
