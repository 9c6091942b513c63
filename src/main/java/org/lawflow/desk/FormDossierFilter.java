package org.lawflow.desk;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.identity.WebappUsers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts the case dossier into every Tasklist task form: when Tasklist loads a task's form variables
 * ({@code GET /camunda/api/engine/engine/default/task/{id}/form-variables}), two Json variables are added to the
 * answer, built for the logged-in user at that moment: {@code dossier} ({@link Dossier}, shown by the forms' html
 * component {@code Html_Dossier}) and {@code display} (every variable readable, for the form headers:
 * {@code {{display.hearingAt}}}). Nothing is stored in the engine: no copy of the party's data in the history, and
 * the open tasks and opinions are as they are when the form opens. The forms never submit them (no form field has
 * their key). The user must see the task (the engine's authorizations, run as that user); if anything fails, the
 * answer goes out as Camunda made it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 70) // after Spring Session's filter: the webapp session is there
class FormDossierFilter extends WebappAnswerFilter {

    static final String DOSSIER = "dossier";
    static final String DISPLAY = "display";
    private static final Set<String> PLAIN_TYPES = Set.of("String", "Boolean", "Integer", "Long", "Short", "Double",
            "Date");

    private final IdentityService identityService;
    private final DossierAccess access;
    private final DossierBuilder builder;
    private final DisplayValues display;
    private final ObjectMapper json;

    FormDossierFilter(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
            WebappUsers webappUsers, IdentityService identityService, DossierAccess access, DossierBuilder builder,
            DisplayValues display, ObjectMapper json) {
        super(Pattern.compile(Pattern.quote(webappPath) + "/api/engine/engine/[^/]+/task/([^/]+)/form-variables"),
                webappUsers);
        this.identityService = identityService;
        this.access = access;
        this.builder = builder;
        this.display = display;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getParameter("variableNames") != null || super.shouldNotFilter(request);
    }

    @Override
    byte[] rewrite(byte[] body, LawFlowUser user, String taskId) {
        return withDossier(body, user, taskId);
    }

    /** Camunda's answer with {@code dossier} and {@code display} added, as seen by {@code user}. */
    byte[] withDossier(byte[] body, LawFlowUser user, String taskId) throws RuntimeException {
        try {
            JsonNode variables = json.readTree(body);
            if (!(variables instanceof ObjectNode object)) {
                return body;
            }
            Dossier dossier;
            identityService.setAuthentication(user.id(), user.groups(), user.agencies());
            try {
                dossier = builder.build(access.forTask(user, taskId), user, taskId);
            } finally {
                identityService.clearAuthentication();
            }
            Map<String, Object> plain = new LinkedHashMap<>();
            object.fields().forEachRemaining(e -> {
                JsonNode type = e.getValue().get("type");
                JsonNode value = e.getValue().get("value");
                if (type != null && PLAIN_TYPES.contains(type.asText()) && value != null && !value.isNull()) {
                    plain.put(e.getKey(), value.isBoolean() ? (Object) value.booleanValue()
                            : value.isNumber() ? value.numberValue() : value.asText());
                }
            });
            object.set(DOSSIER, jsonVariable(dossier));
            object.set(DISPLAY, jsonVariable(display.of(plain)));
            return json.writeValueAsBytes(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode jsonVariable(Object value) throws IOException {
        ObjectNode variable = json.createObjectNode();
        variable.put("type", "Json");
        variable.put("value", json.writeValueAsString(value));
        variable.set("valueInfo", json.createObjectNode());
        return variable;
    }
}
