package org.lawflow.desk;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lawflow.identity.LawFlowUser;
import org.lawflow.identity.WebappUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Adds to one GET answer of the webapps' engine API, for the user logged in to the webapp: the path's first group
 * names what is asked for (a task, a process definition). Without a webapp login, on an answer other than 200, or if
 * anything fails, the answer goes out as Camunda made it. Subclasses are ordered after Spring Session's filter.
 */
abstract class WebappAnswerFilter extends OncePerRequestFilter {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Pattern path;
    private final WebappUsers webappUsers;

    WebappAnswerFilter(Pattern path, WebappUsers webappUsers) {
        this.path = path;
        this.webappUsers = webappUsers;
    }

    /** Camunda's answer {@code body} with LawFlow's additions for {@code user}; {@code id} from the path. */
    abstract byte[] rewrite(byte[] body, LawFlowUser user, String id);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !path.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var user = webappUsers.fromSession(request);
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Matcher m = path.matcher(path(request));
        String id = m.matches() ? m.group(1) : null;
        var cached = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, cached);
        byte[] body = cached.getContentAsByteArray();
        byte[] answer = body;
        if (cached.getStatus() == HttpServletResponse.SC_OK && id != null) {
            try {
                answer = rewrite(body, user.get(), id);
            } catch (RuntimeException e) {
                log.warn("{}: the answer goes out as Camunda made it ({})", id, e.toString());
            }
        }
        cached.resetBuffer();
        cached.getOutputStream().write(answer);
        cached.copyBodyToResponse();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
