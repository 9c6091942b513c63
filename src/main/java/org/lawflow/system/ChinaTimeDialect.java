package org.lawflow.system;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #china} in Thymeleaf templates: {@code ${#china.date(x)}}, {@code ${#china.dateTime(x)}} —
 * {@link ChinaTimeFormat}, China time whatever the server's zone (unlike {@code #dates} and {@code #temporals}).
 * Spring Boot adds the bean to the web pages' template engine; other engines (mail) add it themselves.
 */
@Component
public class ChinaTimeDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "china";

    public ChinaTimeDialect() {
        super("LawFlow China time");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? ChinaTimeFormat.TEMPLATES : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
