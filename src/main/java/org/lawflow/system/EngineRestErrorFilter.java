package org.lawflow.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns three kinds of 500 that Camunda's REST layer ({@code /engine-rest}, and the webapps' {@code /camunda/api/engine})
 * gives for what are not server errors into proper answers, keeping Camunda's error format ({@code type},
 * {@code message}, {@code code}) so Tasklist and Cockpit show the message:
 * <ul>
 * <li><b>409</b>: two people work the same task at once (two reviewers press 完成 together, or call
 * {@code POST /engine-rest/task/{id}/complete} together). Camunda wraps every engine exception of
 * {@code complete}/{@code submit-form}/{@code claim}/{@code resolve} in a 500; the loser's optimistic-locking failure,
 * "task does not exist" or "already claimed" become 409 with a Chinese message (ConcurrencyTest); so does a 403
 * for a task that was completed meanwhile (the loser's authorization check ran after the winner's commit).</li>
 * <li><b>409</b>: a LawFlow rule inside the engine refused the command with a {@link ConflictException} (e.g. a review
 * started before 立案 was approved, from a Tasklist start form or {@code POST /engine-rest/process-definition/key/…/start}),
 * which Camunda answers as a 500 of type {@code ConflictException}; only the status changes.</li>
 * <li><b>503</b> with {@code Retry-After}: the database connection was lost (PostgreSQL restart, fail-over), as
 * {@code /api} answers too (DatabaseOutageTest): the engine REST's error body carries the error code that
 * {@link DatabaseExceptionCodes} assigns, or the driver's and the pool's messages ({@link DatabaseFailures#MESSAGES}).</li>
 * <li><b>400</b> with the field in {@code field}, or <b>409</b>: a listener or delegate refused the input or the step (an
 * {@link InvalidInputException} or {@link ConflictException}, seen by {@link EngineUserErrors}), as {@code /api} does;
 * the {@code message} is the Chinese reason alone, which Tasklist shows the officer as it is (Camunda's own would be
 * "Cannot submit task form …: ENGINE-03051 There was an exception while invoking the TaskListener. Message: …").</li>
 * </ul>
 * A 403 or 404 whose message is Camunda's English ("No matching task with id …", "The user with id … does not have …")
 * gets a Chinese message: Tasklist shows it to the officer in its notice.
 * Nothing else is touched; the engine is unchanged (the failed transaction was rolled back by the engine). A servlet
 * filter rather than a JAX-RS exception mapper: Camunda's own {@code RestExceptionHandler} already maps the wrapping
 * {@code RestException}, and Jersey's choice between two mappers of the same type is not specified. It buffers only
 * engine REST responses.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class EngineRestErrorFilter extends OncePerRequestFilter {

    private static final Pattern ENGINE_REST = Pattern.compile("^(/engine-rest|/camunda/api/engine)/.*");
    private static final Pattern TASK_WORK = Pattern.compile(
            "^(/engine-rest|/camunda/api/engine/engine/[^/]+)/task/[^/]+/(complete|submit-form|claim|resolve)$");

    private static final Pattern BY_ID = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/(task|process-instance)/([^/]+)(?:/.*)?$");
    /** Collection endpoints under the same paths, not ids. */
    private static final Set<String> NOT_IDS = Set.of("count", "create", "report", "delete",
            "delete-historic-query-based", "suspended", "job-retries", "job-retries-historic-query-based",
            "variables-async", "message-async");
    /** Camunda's refusal of another tenant's object (ENGINE-13034). */
    private static final String OTHER_TENANT = "because it belongs to no authenticated tenant";

    private final ObjectMapper objectMapper;
    private final ObjectProvider<ProcessEngine> engine;

    EngineRestErrorFilter(ObjectMapper objectMapper, ObjectProvider<ProcessEngine> engine) {
        this.objectMapper = objectMapper;
        this.engine = engine;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !ENGINE_REST.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
        } finally {
            String path = DeclaredVariablesFilter.path(request);
            boolean taskWork = "POST".equals(request.getMethod()) && TASK_WORK.matcher(path).matches();
            boolean databaseDown = wrapper.getStatus() == 500
                    && (body(wrapper).contains("\"code\":" + DatabaseExceptionCodes.DATABASE_UNAVAILABLE)
                    || DatabaseFailures.mentionsConnectionLoss(body(wrapper)));
            String conflict = wrapper.getStatus() == 500 && taskWork ? conflict(wrapper) : null;
            if (conflict == null && taskWork && !databaseDown && (wrapper.getStatus() == 403 || wrapper.getStatus() == 500)
                    && completedMeanwhile(path)) {
                // the loser read the task before the winner committed, and what it read afterwards was already
                // changed by the winner: the candidate grants removed (403), or the task's own execution deleted so
                // that a task listener found no case variables (500). Not a missing right nor a bug: the task is done
                conflict = "该任务已由他人办理完毕，请刷新任务列表";
            }
            String missing;
            RuntimeException userError = wrapper.getStatus() == 500 && !databaseDown ? userError(request, wrapper) : null;
            if (userError instanceof InvalidInputException invalid) {
                // the message is what Tasklist's toast shows an officer: the Chinese reason alone (the guards' reasons
                // name the field in Chinese); the variable name is in "field" for clients
                writeError(wrapper, HttpStatus.BAD_REQUEST, "InvalidInput", invalid.getMessage(), invalid.field());
            } else if (userError != null) {
                writeError(wrapper, HttpStatus.CONFLICT, "Conflict", userError.getMessage(), null);
            } else if (databaseDown) {
                wrapper.setHeader("Retry-After", "10");
                writeError(wrapper, HttpStatus.SERVICE_UNAVAILABLE, "DatabaseUnavailable", "数据库暂时不可用，请稍后重试", null);
            } else if (conflict != null) {
                writeError(wrapper, HttpStatus.CONFLICT, "TaskConflict", conflict, null);
            } else if (wrapper.getStatus() >= 400 && wrapper.getStatus() != 401
                    && (missing = missingOrOtherAgency(request, path)) != null) {
                writeError(wrapper, HttpStatus.NOT_FOUND, "NotFound", missing, null);
            } else if (wrapper.getStatus() == 500 && ruleConflict(wrapper)) {
                wrapper.setStatus(HttpStatus.CONFLICT.value());
            } else if ((wrapper.getStatus() == 403 || wrapper.getStatus() == 404) && englishMessage(wrapper)) {
                // Camunda's "No matching task with id …" / "The user with id … does not have … permission": Tasklist
                // shows the message to the officer as it is
                HttpStatus status = HttpStatus.valueOf(wrapper.getStatus());
                writeError(wrapper, status, status == HttpStatus.FORBIDDEN ? "Forbidden" : "NotFound",
                        status == HttpStatus.FORBIDDEN ? "当前用户无权执行此操作" : "所请求的任务或记录不存在，或无权查看", null);
            }
            wrapper.copyBodyToResponse();
        }
    }

    /** Replaces the engine's answer by the engine REST API's own error shape {type, message, code[, field]}. */
    private void writeError(ContentCachingResponseWrapper wrapper, HttpStatus status, String type, String message,
            String field) throws IOException {
        wrapper.resetBuffer();
        wrapper.setStatus(status.value());
        wrapper.setContentType("application/json;charset=UTF-8");
        ObjectNode body = objectMapper.createObjectNode();
        body.put("type", type);
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        body.put("code", status.value());
        wrapper.getOutputStream().write(objectMapper.writeValueAsBytes(body));
    }

    /**
     * The task of the path no longer runs and its history says it ended (queried without a user: no checks). This
     * request's own work was rolled back, so someone else completed it. False if the question cannot be answered.
     */
    private boolean completedMeanwhile(String path) {
        String[] parts = path.split("/");
        String taskId = parts[parts.length - 2];
        ProcessEngine processEngine = engine.getIfAvailable();
        try {
            return processEngine != null
                    && processEngine.getTaskService().createTaskQuery().taskId(taskId).count() == 0
                    && processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished()
                            .count() > 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * For a refusal on a task or process instance by id: the one "not found" answer if it does not exist or belongs to
     * another agency, else null. Camunda answers another tenant's id with a 500 "ENGINE-13034 … belongs to no
     * authenticated tenant" and a missing one with 404, 400 or 500 depending on the endpoint: both told apart which ids
     * exist in other agencies (issue #27, item 4). The query runs without a user (none is set here) and is compared with
     * the agencies of the request's engine user ({@link EngineUserErrors#CALLER}); the engine's administrators see all.
     */
    private String missingOrOtherAgency(HttpServletRequest request, String path) {
        Matcher m = BY_ID.matcher(path);
        ProcessEngine processEngine = engine.getIfAvailable();
        if (!m.matches() || NOT_IDS.contains(m.group(2)) || processEngine == null
                || !(request.getAttribute(EngineUserErrors.CALLER) instanceof Authentication caller)) {
            return null;
        }
        boolean task = "task".equals(m.group(1));
        String id = m.group(2);
        Optional<String> tenant;
        try {
            tenant = task
                    ? Optional.ofNullable(processEngine.getTaskService().createTaskQuery().taskId(id).singleResult())
                            .map(t -> Objects.toString(t.getTenantId(), ""))
                    : Optional.ofNullable(processEngine.getRuntimeService().createProcessInstanceQuery()
                            .processInstanceId(id).singleResult()).map(p -> Objects.toString(p.getTenantId(), ""));
        } catch (RuntimeException e) {
            return null;
        }
        boolean visible = tenant.isPresent() && (tenant.get().isEmpty()
                || caller.getTenantIds() != null && caller.getTenantIds().contains(tenant.get())
                || caller.getGroupIds() != null && caller.getGroupIds().contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN));
        return visible ? null : task ? "任务不存在" : "流程实例不存在";
    }

    /** The input error or conflict a listener or delegate threw in this request, if the 500 is about it. */
    private static RuntimeException userError(HttpServletRequest request, ContentCachingResponseWrapper response) {
        if (!(request.getAttribute(EngineUserErrors.ATTRIBUTE) instanceof RuntimeException e) || e.getMessage() == null) {
            return null;
        }
        String probe = e.getMessage().replaceAll("[\"\\\\].*", ""); // the part JSON leaves unescaped
        return body(response).contains(probe) ? e : null;
    }

    private static String body(ContentCachingResponseWrapper response) {
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** Camunda's REST layer answered a {@link ConflictException} as a 500 (its body names the type). */
    private boolean ruleConflict(ContentCachingResponseWrapper response) {
        try {
            var body = objectMapper.readTree(response.getContentAsByteArray());
            return body != null && ConflictException.class.getSimpleName().equals(body.path("type").asText());
        } catch (IOException notJson) {
            return false;
        }
    }

    /** The error body is Camunda's, with a message in English (no Chinese character). */
    private boolean englishMessage(ContentCachingResponseWrapper response) {
        try {
            var body = objectMapper.readTree(response.getContentAsByteArray());
            String message = body == null ? "" : body.path("message").asText("");
            return !message.isEmpty() && message.codePoints()
                    .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        } catch (IOException notJson) {
            return false;
        }
    }

    /** The Chinese message if the 500 is a concurrent-work conflict, else null. */
    private static String conflict(ContentCachingResponseWrapper response) {
        String body = body(response);
        if (body.contains("updated by another transaction concurrently") || body.contains("\"code\":1,")
                || body.contains("\"code\":1}") || body.contains("OptimisticLockingException")
                || body.contains("Cannot find task with id") || body.contains("task is null")
                || body.contains(OTHER_TENANT)) {
            return "该任务已由他人办理完毕或已不存在，请刷新任务列表";
        }
        if (body.contains("is already claimed") || body.contains("TaskAlreadyClaimedException")) {
            return "该任务已被他人认领，请刷新任务列表";
        }
        return null;
    }
}
