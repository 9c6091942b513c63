package org.lawflow.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Two people working the same task at once (two reviewers press 完成 together in Tasklist, or call
 * {@code POST /engine-rest/task/{id}/complete} together): Camunda's REST layer answers the loser with 500, because
 * it wraps every engine exception of {@code complete}/{@code submit-form}/{@code claim} in a 500. That is a normal
 * conflict, not a server error: this filter turns exactly those answers (optimistic locking, a task that no longer
 * exists, a task already claimed) into 409 with a Chinese message, keeping Camunda's error format
 * ({@code type}, {@code message}, {@code code}) so Tasklist shows the message. Nothing else is touched; the engine
 * itself is unchanged (the loser's transaction was rolled back by the engine).
 * <p>
 * A servlet filter rather than a JAX-RS exception mapper: Camunda's own {@code RestExceptionHandler} already maps
 * the wrapping {@code RestException}, and Jersey's choice between two mappers of the same type is not specified.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TaskConflictFilter extends OncePerRequestFilter {

    private static final Pattern TASK_WORK = Pattern.compile(
            "^(/engine-rest|/camunda/api/engine/engine/[^/]+)/task/[^/]+/(complete|submit-form|claim|resolve)$");

    private final ObjectMapper objectMapper;

    TaskConflictFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !TASK_WORK.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
        } finally {
            String conflict = wrapper.getStatus() == 500 ? conflict(wrapper) : null;
            if (conflict != null) {
                wrapper.resetBuffer();
                wrapper.setStatus(HttpStatus.CONFLICT.value());
                wrapper.setContentType("application/json;charset=UTF-8");
                ObjectNode body = objectMapper.createObjectNode();
                body.put("type", "TaskConflict");
                body.put("message", conflict);
                body.put("code", 409);
                wrapper.getOutputStream().write(objectMapper.writeValueAsBytes(body));
            }
            wrapper.copyBodyToResponse();
        }
    }

    /** The Chinese message if the 500 is a concurrent-work conflict, else null. */
    private static String conflict(ContentCachingResponseWrapper response) {
        String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        if (body.contains("updated by another transaction concurrently") || body.contains("\"code\":1,")
                || body.contains("\"code\":1}") || body.contains("OptimisticLockingException")
                || body.contains("Cannot find task with id") || body.contains("task is null")) {
            return "该任务已由他人办理完毕或已不存在，请刷新任务列表";
        }
        if (body.contains("is already claimed") || body.contains("TaskAlreadyClaimedException")) {
            return "该任务已被他人认领，请刷新任务列表";
        }
        return null;
    }
}
