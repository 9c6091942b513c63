package org.lawflow.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A case file (案卷) as registered: the party, the facts, the evidence and the proposed decision. */
public record EnforcementCase(
        UUID id,
        String agencyId,
        String caseNo,
        CaseStatus status,
        String cause,
        Party party,
        String facts,
        List<Evidence> evidence,
        String legalBasis,
        String penaltyBasis,
        List<Penalty> penalties,
        List<String> officers,
        boolean majorPublicInterest,
        boolean complexCase,
        boolean socialImpact,
        /**
         * 直接关系第三人重大权益 (行政处罚法第五十八条第一款第二项, 国办发〔2018〕118号): false when the registration does not
         * say so. That cannot drop a review the statute requires: its limb needs a hearing too, and a held hearing
         * brings the case into legal review by itself.
         */
        boolean thirdPartyMajorInterest,
        LocalDate filedOn,
        String registeredBy,
        OffsetDateTime registeredAt) {

    public enum PartyType { CITIZEN, ORGANIZATION }

    /** 当事人. For citizens {@code idNumber} is the 公民身份号码, for organisations the 统一社会信用代码. */
    public record Party(PartyType type, String name, String idNumber, String legalRepresentative, String phone,
            String address, String email) {
    }

    public record Evidence(String kind, String description) {
    }

    public record Penalty(PenaltyKind kind, BigDecimal amount, String detail) {
        public String describe() {
            return amount == null ? kind.label() : kind.label() + amount.stripTrailingZeros().toPlainString() + "元";
        }
    }

    /** Sum of the fine and confiscation amounts: what the large-amount (较大数额) thresholds compare against. */
    public BigDecimal fineAmount() {
        return penalties.stream().filter(p -> p.kind() == PenaltyKind.FINE && p.amount() != null)
                .map(Penalty::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal confiscationAmount() {
        return penalties.stream()
                .filter(p -> p.kind() != PenaltyKind.FINE && p.kind().needsAmount() && p.amount() != null)
                .map(Penalty::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean hasHeavyPenalty() {
        return penalties.stream().anyMatch(p -> p.kind().heavy());
    }

    public boolean proposes(PenaltyKind kind) {
        return penalties.stream().anyMatch(p -> p.kind() == kind);
    }

    public String penaltySummary() {
        return String.join("；", penalties.stream().map(Penalty::describe).toList());
    }

    public boolean isOfficer(String userId) {
        return officers.contains(userId);
    }
}
