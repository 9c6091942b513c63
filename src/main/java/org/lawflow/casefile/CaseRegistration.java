package org.lawflow.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/cases}: what the officer knows when registering a case (立案登记). */
record CaseRegistration(
        @Size(max = 32, message = "执法机构编号过长") String agencyId,
        @NotBlank(message = "案由不能为空") @Size(max = 200, message = "案由不超过200字") String cause,
        @NotNull(message = "当事人信息不能为空") @Valid PartyInput party,
        @NotBlank(message = "违法事实不能为空") @Size(max = 10000, message = "违法事实不超过10000字") String facts,
        @NotEmpty(message = "证据清单不能为空") @Size(max = 200, message = "证据不超过200项") List<@NotNull(message = "证据项不能为空（null）") @Valid EvidenceInput> evidence,
        @NotBlank(message = "法律依据不能为空") @Size(max = 2000, message = "法律依据不超过2000字") String legalBasis,
        @Size(max = 2000, message = "处罚依据不超过2000字") String penaltyBasis,
        @NotNull(message = "拟作出的处罚决定不能为空") @Valid ProposedDecision proposedDecision,
        @Size(max = 10, message = "执法人员不超过10人") List<@NotBlank(message = "执法人员账号不能为空") String> officers,
        Boolean majorPublicInterest,
        Boolean complexCase,
        Boolean socialImpact,
        /** 直接关系第三人重大权益; absent reads false (see EnforcementCase#thirdPartyMajorInterest). */
        Boolean thirdPartyMajorInterest,
        LocalDate filedOn) {

    record PartyInput(
            @NotNull(message = "当事人类型必须为 CITIZEN 或 ORGANIZATION") EnforcementCase.PartyType type,
            @NotBlank(message = "当事人名称不能为空") @Size(max = 200, message = "当事人名称不超过200字") String name,
            @NotBlank(message = "证件号码不能为空") @Size(max = 18, message = "证件号码应为18位") String idNumber,
            @Size(max = 100, message = "法定代表人不超过100字") String legalRepresentative,
            @Pattern(regexp = "[0-9+\\- ]{5,20}", message = "联系电话格式无效") String phone,
            @Size(max = 300, message = "地址不超过300字") String address,
            @Email(message = "电子邮箱格式无效") @Size(max = 200, message = "电子邮箱过长") String email) {
    }

    record EvidenceInput(
            @NotBlank(message = "证据种类不能为空") @Size(max = 32, message = "证据种类不超过32字") String kind,
            @NotBlank(message = "证据说明不能为空") @Size(max = 1000, message = "证据说明不超过1000字") String description) {
    }

    record ProposedDecision(
            @NotEmpty(message = "至少需要一项拟处罚") @Size(max = 12, message = "处罚种类过多") List<@Valid PenaltyInput> penalties) {
    }

    record PenaltyInput(
            @NotNull(message = "处罚种类无效") PenaltyKind kind,
            @DecimalMin(value = "0.01", message = "金额必须大于0")
            @DecimalMax(value = "100000000", message = "金额超出合理范围（不超过1亿元）") BigDecimal amount,
            @Size(max = 500, message = "说明不超过500字") String detail) {
    }
}
