package org.lawflow.desk;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.identity.WebappUsers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Pickers on Tasklist start forms. Tasklist loads no form variables for a start form (only a task's), so a select or
 * taglist with {@code valuesKey} would offer nothing there. When Tasklist fetches a start form
 * ({@code GET /camunda/api/engine/engine/default/process-definition/{id}/deployed-start-form}), each component whose
 * {@code valuesKey} LawFlow knows ({@link StartFormOptions}) gets inline {@code values} instead, computed for the
 * logged-in user and the definition's agency (its tenant; the user's agencies for a shared definition). The deployed
 * .form files keep {@code valuesKey} (they open in Camunda Modeler) and no option is stored; the start checks the
 * submitted values itself. Without a webapp login, or if anything fails, the answer goes out as Camunda made it
 * ({@link WebappAnswerFilter}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 70) // after Spring Session's filter: the webapp session is there
class StartFormOptionsFilter extends WebappAnswerFilter {

    private final RepositoryService repositoryService;
    private final Map<String, StartFormOptions> providers;
    private final ObjectMapper json;

    StartFormOptionsFilter(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
            WebappUsers webappUsers, RepositoryService repositoryService, List<StartFormOptions> providers,
            ObjectMapper json) {
        super(Pattern.compile(
                Pattern.quote(webappPath) + "/api/engine/engine/[^/]+/process-definition/([^/]+)/deployed-start-form"),
                webappUsers);
        this.repositoryService = repositoryService;
        this.providers = providers.stream().collect(Collectors.toMap(StartFormOptions::key, Function.identity()));
        this.json = json;
    }

    @Override
    byte[] rewrite(byte[] body, LawFlowUser user, String definitionId) {
        return withOptions(body, user, definitionId);
    }

    /** The form with the known {@code valuesKey}s replaced by {@code values} for {@code user}; unchanged if none. */
    byte[] withOptions(byte[] body, LawFlowUser user, String definitionId) {
        try {
            JsonNode form = json.readTree(body);
            if (!(form instanceof ObjectNode) || !replace(form, scope(user, definitionId), user)) {
                return body;
            }
            return json.writeValueAsBytes(form);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces in {@code node} and the components it contains (groups too); whether anything was replaced. */
    private boolean replace(JsonNode node, Scope scope, LawFlowUser user) {
        boolean replaced = false;
        if (node instanceof ObjectNode component && component.path("valuesKey").isTextual()
                && providers.containsKey(component.get("valuesKey").asText())) {
            ArrayNode values = component.putArray("values");
            providers.get(component.get("valuesKey").asText()).options(scope.processKey(), scope.agencies(), user)
                    .forEach(o -> values.addObject().put("label", o.label()).put("value", o.value()));
            component.remove("valuesKey");
            replaced = true;
        }
        for (JsonNode child : node.path("components")) {
            replaced |= replace(child, scope, user);
        }
        return replaced;
    }

    private record Scope(String processKey, List<String> agencies) {
    }

    /** The definition's process and agencies (from the engine's deployment cache). */
    private Scope scope(LawFlowUser user, String definitionId) {
        var definition = repositoryService.getProcessDefinition(definitionId);
        String tenant = definition.getTenantId();
        return new Scope(definition.getKey(), tenant != null ? List.of(tenant) : user.agencies());
    }
}
