package org.lawflow.casefile;

import java.util.function.Predicate;

/**
 * The grounds of legal review the registration states (行政处罚法第五十八条, 国办发〔2018〕118号), with the field that
 * holds each and its words: the case view and the dossier list them from here.
 */
public enum ReviewGround {
    MAJOR_PUBLIC_INTEREST("majorPublicInterest", "涉及重大公共利益", EnforcementCase::majorPublicInterest),
    SOCIAL_IMPACT("socialImpact", "可能造成重大社会影响或引发社会风险", EnforcementCase::socialImpact),
    THIRD_PARTY_MAJOR_INTEREST("thirdPartyMajorInterest", "直接关系第三人重大权益", EnforcementCase::thirdPartyMajorInterest),
    COMPLEX_CASE("complexCase", "案件情况疑难复杂、涉及多个法律关系", EnforcementCase::complexCase);

    private final String field;
    private final String label;
    private final Predicate<EnforcementCase> stated;

    ReviewGround(String field, String label, Predicate<EnforcementCase> stated) {
        this.field = field;
        this.label = label;
        this.stated = stated;
    }

    public String field() {
        return field;
    }

    public String label() {
        return label;
    }

    /** Whether the case's registration states this ground. */
    public boolean holdsFor(EnforcementCase c) {
        return stated.test(c);
    }
}
