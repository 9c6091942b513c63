package org.lawflow.documents;

import java.util.Locale;

/**
 * The official documents (执法文书) LawFlow generates. Restricted kinds (discipline matters) are visible only to
 * the agency head and supervisors of the case's agency.
 */
public enum DocumentKind {

    VIOLATION_NOTICE("违法行为通知书", "告", false),
    HEARING_NOTIFICATION("听证告知书", "听告", false),
    HEARING_NOTICE("听证通知书", "听通", false),
    HEARING_RECORD("听证笔录", "听录", false),
    HEARING_REPORT("听证报告", "听报", false),
    LEGAL_REVIEW_OPINION("法制审核意见书", "法审", false),
    COLLECTIVE_DISCUSSION("集体讨论记录", "集讨", false),
    PENALTY_DECISION("行政处罚决定书", "决", false),
    FILING_REPORT("行政处罚决定备案报告", "备报", false),
    FILING_FORM("行政处罚决定备案表", "备表", false),
    CRIMINAL_TRANSFER_LETTER("涉嫌犯罪案件移送书", "刑移", false),
    CRIMINAL_INVESTIGATION_REPORT("涉嫌犯罪案件情况的调查报告", "刑调", false),
    SEIZED_ITEMS_LIST("涉案物品清单", "物清", false),
    CLUE_TRANSFER_LETTER("问题线索移送函", "线移", true),
    PUBLICATION_RECORD("执法决定信息公示记录", "公示", false),
    ENFORCEMENT_DEMAND("催告书", "催", false),
    CLOSURE_REPORT("结案报告", "结", false);

    private final String title;
    private final String code;
    private final boolean restricted;

    DocumentKind(String title, String code, boolean restricted) {
        this.title = title;
        this.code = code;
        this.restricted = restricted;
    }

    /** Chinese title printed on the document, e.g. 行政处罚决定书. */
    public String title() {
        return title;
    }

    /** Short kind code appended to the case number to form the document number (文号). */
    public String code() {
        return code;
    }

    /** Visible only to agency-head and supervisor (discipline matters). */
    public boolean restricted() {
        return restricted;
    }

    /** Template name below templates/documents/: the kind in lower case with dashes, e.g. penalty-decision. */
    public String template() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The document number (文号): the case number with the kind code, e.g. 宁交执罚〔2026〕7号-决. */
    public String documentNumber(String caseNo) {
        return caseNo + "-" + code;
    }
}
