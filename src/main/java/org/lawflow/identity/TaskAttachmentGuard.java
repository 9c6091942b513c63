package org.lawflow.identity;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Attachments on a task (Tasklist's 附件; {@code POST …/task/{id}/attachment/create},
 * {@code DELETE …/task/{id}/attachment/{attachmentId}}) only by those who may work the task: its assignee, its
 * candidate users and members of its candidate groups within the task's agency, and administrators. Issue #27: an
 * officer attached files to the legal reviewer's task, because Camunda checks only UPDATE on the task, which the
 * per-process grants of {@link AccessPolicy} give every officer. Anybody else gets 403 with the reason, in the engine
 * REST's error format so Tasklist shows it; a task of another agency 404, as if it did not exist.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 25) // after the engine REST's authentication (+20), which answers 401
class TaskAttachmentGuard extends OncePerRequestFilter {

    private static final String ENGINE = "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";
    private static final Pattern CREATE = Pattern.compile(ENGINE + "/task/([^/]+)/attachment/create$");
    private static final Pattern ONE = Pattern.compile(ENGINE + "/task/([^/]+)/attachment/[^/]+$");

    private final IdentityService identityService;
    private final TaskService taskService;
    private final EngineAuthentication engineAuthentication;
    private final ObjectMapper objectMapper;

    TaskAttachmentGuard(IdentityService identityService, TaskService taskService,
            EngineAuthentication engineAuthentication, ObjectMapper objectMapper) {
        this.identityService = identityService;
        this.taskService = taskService;
        this.engineAuthentication = engineAuthentication;
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return taskId(request) == null;
    }

    private static String taskId(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = "POST".equals(request.getMethod()) ? CREATE.matcher(path)
                : "DELETE".equals(request.getMethod()) ? ONE.matcher(path) : null;
        return m != null && m.matches() ? m.group(1) : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = caller();
        if (caller == null || caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.ADMIN)) {
            chain.doFilter(request, response); // no caller here: the engine REST or the webapp answers 401 itself
            return;
        }
        String taskId = taskId(request);
        Task task = engineAuthentication.unrestricted(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            chain.doFilter(request, response); // the engine's own "no such task"
        } else if (task.getTenantId() != null && (caller.getTenantIds() == null
                || !caller.getTenantIds().contains(task.getTenantId()))) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException", "任务不存在：" + taskId);
        } else if (mayWork(task, caller)) {
            chain.doFilter(request, response);
        } else {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                    "无权为任务“" + task.getName() + "”添加或删除附件：只有该任务的办理人或候选人可以操作");
        }
    }

    private boolean mayWork(Task task, Authentication caller) {
        if (caller.getUserId().equals(task.getAssignee())) {
            return true;
        }
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        return engineAuthentication.unrestricted(() -> taskService.getIdentityLinksForTask(task.getId())).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> caller.getUserId().equals(link.getUserId()) || groups.contains(link.getGroupId()));
    }

    /** The engine REST's caller, else the webapps' (Tasklist) logged-in user. */
    private Authentication caller() {
        Authentication engine = identityService.getCurrentAuthentication();
        if (engine != null) {
            return engine;
        }
        Authentications webapp = Authentications.getCurrent();
        if (webapp == null) {
            return null;
        }
        return webapp.getAuthentications().stream().filter(UserAuthentication.class::isInstance)
                .map(UserAuthentication.class::cast).findFirst()
                .map(u -> new Authentication(u.getIdentityId(), List.copyOf(u.getGroupIds()), List.copyOf(u.getTenantIds())))
                .orElse(null);
    }

    private void refuse(HttpServletResponse response, int status, String type, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        objectMapper.writeValue(response.getOutputStream(),
                java.util.Map.of("type", type, "message", message, "code", status));
    }
}
