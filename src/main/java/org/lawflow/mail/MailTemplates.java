package org.lawflow.mail;

import java.util.Locale;
import java.util.Map;

import org.lawflow.system.ChinaTimeDialect;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Mail texts: templates/mail/&lt;name&gt;.txt in Thymeleaf TEXT mode. The first line is {@code Subject: ...}; the rest
 * is the body, with trailing blanks removed and runs of blank lines collapsed to one.
 */
final class MailTemplates {

    record MailText(String subject, String body) {
    }

    private final SpringTemplateEngine engine;

    MailTemplates() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(new ChinaTimeDialect());
    }

    MailText render(String template, Map<String, Object> model) {
        if (!template.matches("[a-z0-9-]+")) {
            throw new IllegalStateException("Invalid mail template name '" + template + "'");
        }
        String text = engine.process(template, new Context(Locale.SIMPLIFIED_CHINESE, model));
        return split(text);
    }

    static MailText split(String text) {
        String normalized = text.replace("\r\n", "\n").replaceAll("[ \\t]+\n", "\n").strip();
        int newline = normalized.indexOf('\n');
        String first = newline < 0 ? normalized : normalized.substring(0, newline);
        if (!first.startsWith("Subject:")) {
            throw new IllegalStateException("Mail template must start with 'Subject: ...'");
        }
        String body = newline < 0 ? "" : normalized.substring(newline + 1);
        body = body.replaceAll("\n{3,}", "\n\n").strip() + "\n";
        return new MailText(first.substring("Subject:".length()).strip(), body);
    }
}
