package org.lawflow.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen before a controller is found (the security firewall, the servlet container) reach
 * {@code /error}; they too are answered as problem details, without internals, instead of Spring's default map.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly (GET /error), not forwarded by the container with an error: there is no such resource
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 404);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = switch (status) {
            case BAD_REQUEST -> "请求格式无效（地址或参数含有不允许的字符）";
            case NOT_FOUND -> "请求的资源不存在";
            case METHOD_NOT_ALLOWED -> "不支持该请求方法";
            case PAYLOAD_TOO_LARGE -> "请求体过大";
            case UNAUTHORIZED -> "需要登录";
            case FORBIDDEN -> "无权访问";
            default -> status.is5xxServerError() ? "服务器内部错误，已记录日志" : "请求无效";
        };
        ProblemDetail problem = ApiExceptionHandler.problem(status, status.getReasonPhrase(), detail);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            problem.setInstance(java.net.URI.create(uri.replaceAll("[^A-Za-z0-9/_.~-]", "_")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
