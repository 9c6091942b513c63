package org.lawflow.identity;

import java.util.Map;

/** Camunda group ids of the interface contract (DESIGN.md) and their Chinese names. */
public final class Groups {

    public static final String OFFICER = "officer";
    public static final String LEGAL_REVIEWER = "legal-reviewer";
    public static final String AGENCY_HEAD = "agency-head";
    /** 正职负责人: also in agency-head; alone approves a criminal transfer (国务院令第310号第五条). */
    public static final String PRINCIPAL_HEAD = "principal-head";
    public static final String HEARING_HOST = "hearing-host";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "camunda-admin";

    static final Map<String, String> NAMES = Map.of(
            OFFICER, "执法人员",
            LEGAL_REVIEWER, "法制审核员",
            AGENCY_HEAD, "负责人",
            PRINCIPAL_HEAD, "正职负责人",
            HEARING_HOST, "听证主持人",
            SUPERVISOR, "监督管理",
            ADMIN, "系统管理员");

    private Groups() {
    }
}
