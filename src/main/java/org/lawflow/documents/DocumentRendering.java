package org.lawflow.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.lawflow.agency.Agency;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.casefile.PartyIdentifiers;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a document: Thymeleaf template templates/documents/&lt;kind&gt;.html (sharing layout.html) → XHTML →
 * PDF. The footer of every page carries the case number and the SHA-256 of the rendered content; the SHA-256 of
 * the final PDF file is stored with the document (the register, 登记).
 */
final class DocumentRendering {

    record Rendered(byte[] pdf, String sha256, String contentSha256, String docNo, String title, String fileName) {
    }

    private final SpringTemplateEngine engine;
    private final PdfRenderer pdf = new PdfRenderer();

    DocumentRendering() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/documents/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setEnableSpringELCompiler(true);
    }

    Rendered render(DocumentKind kind, EnforcementCase c, Agency agency, Map<String, Object> vars, LocalDate issuedOn) {
        Map<String, Object> model = new HashMap<>();
        model.put("case", c);
        model.put("agency", agency);
        model.put("vars", vars == null ? Map.of() : vars);
        model.put("v", new TemplateValues(vars));
        String docNo = kind.documentNumber(c.caseNo());
        model.put("docNo", docNo);
        model.put("title", kind.title());
        model.put("kind", kind);
        model.put("issuedOn", TemplateValues.date(issuedOn));
        model.put("filedOn", TemplateValues.date(c.filedOn()));
        model.put("party", PartyView.of(c.party(), false));
        model.put("publicParty", PartyView.of(c.party(), true));
        String html = engine.process(kind.template(), new Context(java.util.Locale.SIMPLIFIED_CHINESE, model));
        String contentSha256 = sha256(html.getBytes(StandardCharsets.UTF_8));
        byte[] bytes = pdf.render(html, kind.title(), footer(c.caseNo(), docNo, contentSha256));
        String fileName = kind.title() + "-" + c.caseNo() + ".pdf";
        return new Rendered(bytes, sha256(bytes), contentSha256, docNo, kind.title(), fileName);
    }

    /** The footer of every page: the content hash covers the rendered XHTML, which holds everything but this. */
    private static PdfRenderer.PageFooter footer(String caseNo, String docNo, String contentSha256) {
        return (page, pages) -> List.of("案号 " + caseNo + "　文号 " + docNo + "　第 " + page + " 页 / 共 " + pages + " 页",
                "内容校验 SHA-256 " + contentSha256 + "　文件 SHA-256 见登记");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The party as printed: in full, or for publication (公示) with a natural person's name and ID masked; {@code you}
     * is how a document addresses it (你 to a natural person, 你单位 to an organisation).
     */
    record PartyView(String typeLabel, String name, String idLabel, String idNumber, String legalRepresentative,
            String address, String phone, String you) {
        static PartyView of(EnforcementCase.Party p, boolean masked) {
            boolean citizen = p.type() == EnforcementCase.PartyType.CITIZEN;
            String name = masked && citizen ? TemplateValues.maskName(p.name()) : p.name();
            String id = masked && citizen ? PartyIdentifiers.mask(p.idNumber()) : p.idNumber();
            return new PartyView(citizen ? "公民" : "法人或其他组织", TemplateValues.text(name),
                    citizen ? "公民身份号码" : "统一社会信用代码", TemplateValues.text(id),
                    TemplateValues.text(p.legalRepresentative()), TemplateValues.text(masked ? null : p.address()),
                    TemplateValues.text(masked ? null : p.phone()), citizen ? "你" : "你单位");
        }
    }
}
