package org.lawflow.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A task completion or a process start through the engine REST API or the webapps (Tasklist) may carry only the
 * variables its Camunda Form declares, with values in range; setting a task's variables directly likewise. Anything
 * else is a 400 naming the variable (issue #27: an officer completed 提交拟处罚决定 with {@code hearingRights=false,
 * largeAmount=false, officerNames=…} and skipped hearing, legal review and filing). Starts must begin at the start
 * event, without skipping listeners.
 * <p>
 * Why a servlet filter: the engine REST sets the submitted variables before the complete listeners run, and by then
 * a listener cannot tell a variable the client sent from one the server set; here the request itself is read, before
 * the engine sees it. The routing flags and the case data in variables are set only by the server (delegates, the
 * {@code /api} services through the Java API), which this filter does not see. The form is the deployed one of the
 * task's own process definition (formRefBinding=deployment), cached per definition and activity.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30) // after the engine REST's authentication (+20): lookups run as the caller
class DeclaredVariablesFilter extends OncePerRequestFilter {

    private static final String ENGINE = "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";
    private static final Pattern TASK_SUBMIT = Pattern.compile(ENGINE + "/task/([^/]+)/(?:complete|submit-form|resolve)$");
    private static final Pattern TASK_VARIABLES = Pattern.compile(
            ENGINE + "/task/([^/]+)/(?:variables|localVariables)(?:/([^/]+)(/data)?)?$");
    private static final Pattern START_BY_KEY = Pattern.compile(
            ENGINE + "/process-definition/key/([^/]+)(?:/tenant-id/([^/]+))?/(?:start|submit-form)$");
    private static final Pattern START_BY_ID = Pattern.compile(ENGINE + "/process-definition/([^/]+)/(?:start|submit-form)$");
    /** Variable types a form field can have; objects, files and serialized Java never come from a form. */
    private static final Set<String> FORM_TYPES = Set.of("", "string", "boolean", "integer", "long", "short", "double",
            "date", "null");
    /** Camunda's text column for a variable (ACT_RU_VARIABLE.TEXT_) holds 4,000 characters. */
    static final int MAX_TEXT = 4000;
    /** At most this many items in a list a form submits (pickers of staff, per-person entries). */
    static final int MAX_ITEMS = 50;
    private static final Set<String> NUMBER_TYPES = Set.of("integer", "long", "short", "double");

    /** The variables a request submits: a map of name → {value, type} and names given without a value. */
    private record Submitted(JsonNode variables, List<String> names) {
    }

    private record Form(String id, Map<String, FormFields.Field> fields) {
    }

    private final ObjectMapper json;
    private final ObjectProvider<ProcessEngine> engine;
    private final Map<String, Form> forms = new ConcurrentHashMap<>();

    DeclaredVariablesFilter(ObjectMapper json, ObjectProvider<ProcessEngine> engine) {
        this.json = json;
        this.engine = engine;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || !path(request).matches(ENGINE + "/(?:task|process-definition)/.*");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        boolean post = "POST".equals(request.getMethod());
        Matcher m;
        Supplier<Form> form;
        boolean start = false;
        if (post && (m = TASK_SUBMIT.matcher(path)).matches()) {
            form = taskForm(m.group(1));
        } else if ((m = TASK_VARIABLES.matcher(path)).matches()) {
            form = taskForm(m.group(1));
        } else if (post && (m = START_BY_KEY.matcher(path)).matches()) {
            form = startForm(decode(m.group(1)), m.group(2) == null ? null : decode(m.group(2)));
            start = true;
        } else if (post && (m = START_BY_ID.matcher(path)).matches()) {
            form = startFormById(decode(m.group(1)));
            start = true;
        } else {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        try {
            Submitted submitted = submitted(m, path, body, start);
            if (submitted != null && !(submitted.variables().isEmpty() && submitted.names().isEmpty())) {
                Form f = lookUp(form);
                if (f != null) {
                    check(submitted, f);
                }
            }
        } catch (InvalidInputException e) {
            refuse(response, e);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** What the request sets; null if the body is not ours to judge (the engine answers it). */
    private Submitted submitted(Matcher m, String path, byte[] body, boolean start) {
        List<String> names = new ArrayList<>();
        if (TASK_VARIABLES.matcher(path).matches() && m.group(3) != null) {
            throw new InvalidInputException(decode(m.group(2)), "表单字段不接受文件或二进制数据");
        }
        JsonNode root = body.length == 0 ? json.createObjectNode() : parse(body);
        if (TASK_VARIABLES.matcher(path).matches()) {
            if (m.group(2) != null) {
                // PUT/DELETE …/variables/{name}: the body is the single value
                var one = json.createObjectNode();
                one.set(decode(m.group(2)), root.isObject() ? root : null);
                return new Submitted(one, names);
            }
            root.path("deletions").forEach(name -> names.add(name.asText()));
            return new Submitted(root.path("modifications").isObject() ? root.get("modifications")
                    : json.createObjectNode(), names);
        }
        if (start && (root.path("startInstructions").size() > 0 || root.path("skipCustomListeners").asBoolean(false)
                || root.path("skipIoMappings").asBoolean(false))) {
            throw new InvalidInputException("startInstructions", "流程只能从开始事件启动，不得指定启动节点或跳过监听器、输入输出映射");
        }
        return new Submitted(root.path("variables").isObject() ? root.get("variables") : json.createObjectNode(), names);
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new InvalidInputException("body", "请求体不是有效的 JSON");
        }
    }

    private void check(Submitted submitted, Form form) {
        for (String name : submitted.names()) {
            declared(name, form);
        }
        var fields = submitted.variables().fields();
        while (fields.hasNext()) {
            var variable = fields.next();
            checkValue(variable.getKey(), variable.getValue(), declared(variable.getKey(), form));
        }
    }

    private static FormFields.Field declared(String name, Form form) {
        InputChecks.text("variables", name);
        FormFields.Field field = form.fields().get(name);
        if (field == null) {
            throw new InvalidInputException(name, "变量“" + name + "”不是表单“" + form.id() + "”的字段，不能提交"
                    + "（是否听证、法制审核、集体讨论、备案等流程标志以及执法人员、金额由系统根据案件计算）");
        }
        return field;
    }

    void checkValue(String name, JsonNode variable, FormFields.Field field) {
        JsonNode value = variable == null ? null : variable.get("value");
        String type = variable == null ? "" : variable.path("type").asText("").toLowerCase(java.util.Locale.ROOT);
        if ("json".equals(type) && (field.isList() || field.isDynamicList())) {
            checkList(name, value, field);
            return;
        }
        if (!FORM_TYPES.contains(type)) {
            throw new InvalidInputException(name, "变量类型“" + type + "”不能由表单提交（只接受文本、数字、日期或是否"
                    + "；列表只能由表单的多选或列表字段提交）");
        }
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isContainerNode()) {
            throw new InvalidInputException(name, "应为单个取值");
        }
        String text = value.asText();
        InputChecks.text(name, text);
        if (text.length() > MAX_TEXT) {
            // the engine stores a text variable in a 4,000-character column: longer would fail as a 500 at commit
            throw new InvalidInputException(name, "不超过" + MAX_TEXT + "字（现为" + text.length() + "字）");
        }
        if (field.isNumber() || NUMBER_TYPES.contains(type)) {
            InputChecks.amount(name, text); // the forms' numbers are amounts in 元
        } else if (field.isDate() || "date".equals(type)) {
            var day = InputChecks.parseDate(name, text);
            if (field.isPastDay()) {
                InputChecks.pastDate(name, day);
            } else {
                InputChecks.appointmentDate(name, day);
            }
        }
    }

    /**
     * A taglist's or checklist's values, or a dynamic list's items, as Tasklist submits them: a Json variable whose
     * value is the JSON text of an array. A list holds texts (the picked options' values); a dynamic list holds
     * objects with only the item fields the form declares, each a single value. Each text is checked as a form's text.
     */
    void checkList(String name, JsonNode value, FormFields.Field field) {
        if (value == null || value.isNull()) {
            return;
        }
        JsonNode list;
        try {
            list = value.isTextual() ? json.readTree(value.asText()) : value;
        } catch (IOException e) {
            throw new InvalidInputException(name, "应为列表（JSON 数组）");
        }
        if (list == null || !list.isArray()) {
            throw new InvalidInputException(name, "应为列表（JSON 数组）");
        }
        if (list.size() > MAX_ITEMS) {
            throw new InvalidInputException(name, "不超过" + MAX_ITEMS + "项（现为" + list.size() + "项）");
        }
        for (JsonNode item : list) {
            if (field.isList()) {
                checkItemText(name, item);
                continue;
            }
            if (!item.isObject()) {
                throw new InvalidInputException(name, "每一项应为一组字段");
            }
            var itemFields = item.fields();
            while (itemFields.hasNext()) {
                var f = itemFields.next();
                if (!field.itemKeys().contains(f.getKey())) {
                    throw new InvalidInputException(name, "“" + f.getKey() + "”不是列表“" + name + "”的字段，不能提交");
                }
                checkItemText(name + "." + f.getKey(), f.getValue());
            }
        }
    }

    private static void checkItemText(String name, JsonNode item) {
        if (item == null || item.isNull()) {
            return;
        }
        if (item.isContainerNode()) {
            throw new InvalidInputException(name, "应为单个取值");
        }
        String text = InputChecks.text(name, item.asText());
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException(name, "不超过" + MAX_TEXT + "字（现为" + text.length() + "字）");
        }
    }

    private Supplier<Form> taskForm(String taskId) {
        return () -> {
            var services = engine.getObject();
            var task = services.getTaskService().createTaskQuery().taskId(decode(taskId)).singleResult();
            if (task == null) {
                return null;
            }
            return forms.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                    k -> read(() -> services.getFormService().getDeployedTaskForm(task.getId())));
        };
    }

    private Supplier<Form> startForm(String key, String tenantId) {
        return () -> {
            var query = engine.getObject().getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(key).latestVersion();
            ProcessDefinition definition = (tenantId == null ? query : query.tenantIdIn(tenantId)).list().stream()
                    .findFirst().orElse(null);
            return definition == null ? null : startFormById(definition.getId()).get();
        };
    }

    private Supplier<Form> startFormById(String definitionId) {
        return () -> forms.computeIfAbsent(definitionId + "#start",
                k -> read(() -> engine.getObject().getFormService().getDeployedStartForm(definitionId)));
    }

    /** The deployed form; a task or start event without a Camunda Form declares no variables. */
    private Form read(Supplier<InputStream> deployed) {
        try (InputStream in = deployed.get()) {
            JsonNode form = json.readTree(in);
            return new Form(form.path("id").asText("?"), FormFields.of(form));
        } catch (ProcessEngineException | IOException e) {
            return new Form("—", Map.of());
        }
    }

    /** The form, or null when the caller may not see the task or definition: the engine gives its own answer. */
    private static Form lookUp(Supplier<Form> form) {
        try {
            return form.get();
        } catch (ProcessEngineException e) {
            return null;
        }
    }

    /** 400 in the engine REST's error format ({@code type}, {@code message}), which Tasklist shows. */
    private void refuse(HttpServletResponse response, InvalidInputException e) throws IOException {
        response.setStatus(400);
        response.setContentType("application/json;charset=UTF-8");
        ObjectNode body = json.createObjectNode();
        body.put("type", "InvalidInput");
        body.put("message", e.field() + "：" + e.getMessage());
        body.put("field", e.field());
        body.put("code", 400);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }

    /**
     * The path as the engine REST's router matches it: percent-decoded, empty segments and a trailing slash dropped
     * ({@code …/case-filing-approval/start/} reached the engine unchecked and started an instance in another agency).
     */
    static String path(HttpServletRequest request) {
        String path = UriUtils.decode(request.getRequestURI().substring(request.getContextPath().length()),
                StandardCharsets.UTF_8).replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
}
