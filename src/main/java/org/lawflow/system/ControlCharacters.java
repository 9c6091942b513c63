package org.lawflow.system;

import java.io.IOException;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Every text field of an {@code /api} body is refused with a 400 naming the field when it holds a control character
 * (NUL and the like, {@link InputChecks#text}): it would end up in the case file, the documents and the mails.
 * Spring Boot adds this module to the application's ObjectMapper; the engine REST has its own and is checked by
 * {@link DeclaredVariablesFilter}.
 */
@Component
class ControlCharacters extends SimpleModule {

    ControlCharacters() {
        super("lawflow-control-characters");
        addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                // the field's path is added by Jackson as the exception leaves (ApiExceptionHandler names it)
                return InputChecks.text("", super.deserialize(p, ctxt));
            }
        });
    }
}
