package org.lawflow.system;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A recorded service (送达) of a document, checked the same way for every 送达 task: the day it happened (not in the
 * future, not before the document was made), the method from {@link ServiceMethod}, electronic service only with the
 * party's consent (行政处罚法第六十一条第二款), and the day it takes effect ({@link #effectiveOn()}), from which the
 * party's windows run: a public notice only after {@link StatutoryCount#PUBLIC_NOTICE_DAYS} days.
 *
 * <p>A task's complete listener reads its form with {@link #read(VariableScope, Fields, LocalDate)}; each refusal is
 * an {@link InvalidInputException} naming the field in Chinese.
 */
public record ServiceRecord(LocalDate servedOn, ServiceMethod method, String receiptNo, boolean electronicConsent,
        LocalDate effectiveOn) {

    /**
     * The variable names of one 送达 task's form and the document's Chinese name ("听证通知书"). {@code consent} is the
     * checkbox "当事人已同意电子送达"; {@code receiptNo} (送达回证编号) may be null when the form has none.
     */
    public record Fields(String document, String date, String method, String receiptNo, String consent) {
    }

    /** Reads and checks the task's entries; {@code documentOn} is the day the document was made, or null. */
    public static ServiceRecord read(VariableScope scope, Fields fields, LocalDate documentOn) {
        return check(fields, scope.getVariable(fields.date()), scope.getVariable(fields.method()),
                fields.receiptNo() == null ? null : scope.getVariable(fields.receiptNo()),
                fields.consent() == null ? null : scope.getVariable(fields.consent()), documentOn, ChinaTime.today());
    }

    static ServiceRecord check(Fields f, Object date, Object method, Object receiptNo, Object consent,
            LocalDate documentOn, LocalDate today) {
        LocalDate served = date instanceof java.util.Date d ? d.toInstant().atZone(ChinaTime.ZONE).toLocalDate()
                : date instanceof LocalDate d ? d : InputChecks.parseDate(f.date(), date);
        if (served == null) {
            throw new InvalidInputException(f.date(), "请填写" + f.document() + "的送达日期");
        }
        InputChecks.pastDate(f.date(), served);
        if (served.isAfter(today)) {
            throw new InvalidInputException(f.date(), "送达日期" + ChinaTimeFormat.documentDate(served) + "晚于今天（"
                    + ChinaTimeFormat.documentDate(today) + "），送达尚未发生，不能登记");
        }
        if (documentOn != null && served.isBefore(documentOn)) {
            throw new InvalidInputException(f.date(), "送达日期" + ChinaTimeFormat.documentDate(served) + "早于"
                    + f.document() + "的制作日期（" + ChinaTimeFormat.documentDate(documentOn) + "），请核对送达回证");
        }
        ServiceMethod how = method(f, method);
        boolean consented = Boolean.TRUE.equals(consent) || "true".equals(String.valueOf(consent).strip());
        if (how.needsConsent() && !consented) {
            throw new InvalidInputException(f.consent() == null ? f.method() : f.consent(),
                    "电子送达须当事人同意并签订确认书（行政处罚法第六十一条第二款）；未经同意的电子邮件等不视为送达，请改用其他送达方式");
        }
        String receipt = receiptNo == null ? null : InputChecks.text(f.receiptNo(), String.valueOf(receiptNo).strip());
        LocalDate effective = how == ServiceMethod.PUBLIC
                ? served.plusDays(StatutoryCount.PUBLIC_NOTICE_DAYS.value())
                : served;
        return new ServiceRecord(served, how, receipt == null || receipt.isEmpty() ? null : receipt,
                how.needsConsent() && consented, effective);
    }

    private static ServiceMethod method(Fields f, Object value) {
        String code = value == null ? "" : String.valueOf(value).strip();
        for (ServiceMethod m : ServiceMethod.values()) {
            if (m.name().equals(code)) {
                return m;
            }
        }
        throw new InvalidInputException(f.method(), "请选择送达方式：" + ServiceMethod.labels());
    }

    /** True if the service takes effect later than it happened (公告送达). */
    public boolean deferred() {
        return !effectiveOn.equals(servedOn);
    }

    /** For the full-process record: "送达日期：2026年11月3日；送达方式：直接送达；送达回证编号：…". */
    public String describe() {
        return "送达日期：" + ChinaTimeFormat.documentDate(servedOn) + "；送达方式：" + method.label()
                + (electronicConsent ? "（当事人已签署电子送达确认书）" : "")
                + (receiptNo == null ? "" : "；送达回证编号：" + receiptNo)
                + (deferred() ? "；" + StatutoryCount.PUBLIC_NOTICE_DAYS.text() + "，" + ChinaTimeFormat.documentDate(effectiveOn)
                        + "视为送达" : "");
    }
}
