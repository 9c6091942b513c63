package org.lawflow.system;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The ways a document is served (送达) on the party, with the Chinese label a form shows. 行政处罚法第六十一条 refers
 * to the 民事诉讼法 for service: electronic service (fax, e-mail) counts only with the party's consent (第六十一条第二款);
 * 公告送达 takes effect only after {@link StatutoryCount#PUBLIC_NOTICE_DAYS} days.
 */
public enum ServiceMethod {
    ON_THE_SPOT("宣告后当场交付"),
    DIRECT("直接送达"),
    LEFT("留置送达"),
    MAIL("邮寄送达"),
    ELECTRONIC("电子送达（须当事人同意）"),
    ENTRUSTED("委托送达"),
    PUBLIC("公告送达");

    private final String label;

    ServiceMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Only with the party's written consent (确认书). */
    public boolean needsConsent() {
        return this == ELECTRONIC;
    }

    /** "直接送达、留置送达、…": the list a refusal names. */
    public static String labels() {
        return Arrays.stream(values()).map(ServiceMethod::label).collect(Collectors.joining("、"));
    }
}
