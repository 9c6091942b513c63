package org.lawflow.identity;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda webapps ({@code /camunda/app/*}, {@code /camunda/api/*}) get an HTTP session — a {@code spring_session}
 * row — only when someone logs in, and a wrong CSRF token no longer logs the user out.
 * <p>
 * Camunda's CSRF filter keeps its token in the session and creates one for every GET, so each anonymous page view,
 * script or stylesheet stored a session (200 GETs, 200 rows), and on a missing or wrong {@code X-XSRF-TOKEN} it
 * invalidated the session: any page could log a user out with a forged POST. This filter runs before Camunda's
 * (after Spring Session's) and
 * <ul>
 * <li>gives a request without a session a <em>transient</em> one, never stored: Camunda's filter writes its token
 * there and sends it as the {@code XSRF-TOKEN} cookie as before. A request that already carries that cookie gets it
 * back in the transient session, so it is not replaced on every request. The webapps send the cookie's value as the
 * header, so before login the token is a double-submit cookie (a foreign page can neither read nor set it).</li>
 * <li>checks the token of every modifying request itself, as Camunda's filter does — against the session's token,
 * or, without a session, against the cookie — and refuses a missing or wrong one with 403 and
 * {@code X-XSRF-TOKEN: Required}, leaving the session alone.</li>
 * </ul>
 * Camunda's login ({@code AuthenticationUtil.revalidateSession}) invalidates the session it finds and asks for a new
 * one: the transient session is dropped there and the real session created — the only place one is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 60) // after Spring Session's filter (+50), before Spring Security and Camunda's
class WebappSessionFilter extends OncePerRequestFilter {

    /** Camunda's names (CsrfConstants); the cookie name is Camunda's default, which LawFlow does not change. */
    static final String TOKEN_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    static final String TOKEN_HEADER = "X-XSRF-TOKEN";
    static final String TOKEN_COOKIE = "XSRF-TOKEN";
    private static final Pattern WELL_FORMED_TOKEN = Pattern.compile("[0-9A-Za-z_-]{16,128}");
    private static final Pattern SAFE_METHODS = Pattern.compile("GET|HEAD|OPTIONS");

    private final String webappPath;

    WebappSessionFilter(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.webappPath = webappPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith(webappPath + "/app/") || path.startsWith(webappPath + "/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        boolean modifying = !SAFE_METHODS.matcher(request.getMethod()).matches();
        String cookieToken = cookieToken(request);
        if (modifying) {
            String header = request.getHeader(TOKEN_HEADER);
            Object expected = session != null ? session.getAttribute(TOKEN_ATTRIBUTE) : cookieToken;
            if (header == null || header.isBlank() || !header.equals(expected)) {
                response.setHeader(TOKEN_HEADER, "Required");
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "CSRF token missing or wrong");
                return;
            }
        }
        if (session != null) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new TransientSessionRequest(request, cookieToken), response);
    }

    private static String cookieToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (TOKEN_COOKIE.equals(cookie.getName()) && WELL_FORMED_TOKEN.matcher(cookie.getValue()).matches()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** A request without a stored session: until a login invalidates it, its session lives in memory only. */
    private static final class TransientSessionRequest extends HttpServletRequestWrapper {
        private TransientSession transientSession;

        TransientSessionRequest(HttpServletRequest request, String token) {
            super(request);
            transientSession = new TransientSession(request.getServletContext());
            if (token != null) {
                transientSession.setAttribute(TOKEN_ATTRIBUTE, token);
            }
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            if (transientSession != null && transientSession.invalidated) {
                transientSession = null; // logged in: from here on the real, stored session
            }
            if (transientSession != null) {
                HttpSession real = super.getSession(false);
                return real != null ? real : transientSession;
            }
            return super.getSession(create);
        }

        @Override
        public String changeSessionId() {
            HttpSession session = getSession(false);
            return session == transientSession ? transientSession.getId() : super.changeSessionId();
        }
    }

    /** The attributes of one request's session, never stored, never sent as a cookie. */
    private static final class TransientSession implements HttpSession {
        private final ServletContext context;
        private final String id = "transient-" + UUID.randomUUID();
        private final long created = System.currentTimeMillis();
        private final Map<String, Object> attributes = new ConcurrentHashMap<>();
        private volatile boolean invalidated;
        private int maxInactiveInterval = 1800;

        TransientSession(ServletContext context) {
            this.context = context;
        }

        @Override
        public long getCreationTime() {
            return created;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public long getLastAccessedTime() {
            return created;
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
            maxInactiveInterval = interval;
        }

        @Override
        public int getMaxInactiveInterval() {
            return maxInactiveInterval;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }

        @Override
        public void invalidate() {
            attributes.clear();
            invalidated = true;
        }

        @Override
        public boolean isNew() {
            return true;
        }
    }
}
