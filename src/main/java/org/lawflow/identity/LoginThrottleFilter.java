package org.lawflow.identity;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lawflow.system.CachedBodyRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing without letting anyone lock an account: every login — HTTP Basic on {@code /api},
 * {@code /engine-rest}, {@code /monitor}, {@code /demo}, {@code /actuator}, and the webapps' login form
 * ({@code POST /camunda/api/admin/auth/user/<engine>/login/<app>}) — is counted per (account, client address) and per
 * client address ({@link LoginThrottle}). A key with too many recent failures is answered 429 with
 * {@code Retry-After} before its password is checked, for at most {@code lawflow.login-throttle.max-wait} (60 s).
 * The account's owner at another address is never slowed by a stranger's failures, and Camunda's own per-account
 * login delay and permanent lock are off (application.yaml).
 * <p>
 * The client address is the socket's: {@code X-Forwarded-For} counts only where the operator configures a trusted
 * proxy ({@code server.forward-headers-strategy=native} and {@code server.tomcat.remoteip.internal-proxies}), which
 * makes Tomcat put the forwarded address there. A login counts as failed when it is answered 401.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class LoginThrottleFilter extends OncePerRequestFilter {

    /** Paths where LawFlow or the engine REST checks HTTP Basic credentials. */
    private static final Pattern BASIC_PATHS = Pattern.compile("/(api|engine-rest|monitor|demo|actuator)(/.*)?");
    /** A login form is a few dozen bytes; anything this large is no login. */
    private static final int MAX_LOGIN_FORM_BYTES = 16 * 1024;
    private static final int MAX_ACCOUNT_LENGTH = 128;

    private final LoginThrottle throttle;
    private final Pattern webappLogin;

    LoginThrottleFilter(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
            @Value("${lawflow.login-throttle.burst:5}") int burst,
            @Value("${lawflow.login-throttle.refill:PT5S}") Duration refill,
            @Value("${lawflow.login-throttle.address-burst:30}") int addressBurst,
            @Value("${lawflow.login-throttle.address-refill:PT1S}") Duration addressRefill,
            @Value("${lawflow.login-throttle.max-wait:PT60S}") Duration maxWait) {
        this.throttle = new LoginThrottle(new LoginThrottle.Rate(burst, refill),
                new LoginThrottle.Rate(addressBurst, addressRefill), maxWait, System::nanoTime);
        this.webappLogin = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]*");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpServletRequest forward = request;
        String account = BASIC_PATHS.matcher(path).matches() ? basicAccount(request) : null;
        if (account == null && "POST".equals(request.getMethod()) && webappLogin.matcher(path).matches()) {
            byte[] form = request.getInputStream().readNBytes(MAX_LOGIN_FORM_BYTES + 1);
            if (form.length > MAX_LOGIN_FORM_BYTES) {
                response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
                return;
            }
            account = formField(form, "username");
            forward = new CachedBodyRequest(request, form);
        }
        if (account == null) {
            chain.doFilter(request, response);
            return;
        }
        if (account.length() > MAX_ACCOUNT_LENGTH) {
            account = account.substring(0, MAX_ACCOUNT_LENGTH);
        }
        String address = request.getRemoteAddr();
        Duration wait = throttle.waitFor(account, address);
        if (!wait.isZero()) {
            tooManyAttempts(response, wait);
            return;
        }
        // the failure is counted when the 401 is set, before the answer reaches the client: counted afterwards, a fast
        // guesser's next try could arrive first and get past the limit
        var answer = new FailureCountingResponse(response, account, address);
        chain.doFilter(forward, answer);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            answer.countFailure();
        }
    }

    /** Counts a failed login once, as soon as the answer's status becomes 401. */
    private final class FailureCountingResponse extends jakarta.servlet.http.HttpServletResponseWrapper {
        private final String account;
        private final String address;
        private boolean counted;

        FailureCountingResponse(HttpServletResponse response, String account, String address) {
            super(response);
            this.account = account;
            this.address = address;
        }

        void countFailure() {
            if (!counted) {
                counted = true;
                throttle.failed(account, address);
            }
        }

        private void statusSet(int status) {
            if (status == HttpStatus.UNAUTHORIZED.value()) {
                countFailure();
            }
        }

        @Override
        public void setStatus(int status) {
            statusSet(status);
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            statusSet(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            statusSet(status);
            super.sendError(status, message);
        }
    }

    /** The account name of an HTTP Basic {@code Authorization} header, or null. */
    static String basicAccount(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return ""; // still a login attempt, which fails: counted under the empty account
        }
    }

    private static String formField(byte[] form, String name) {
        for (String pair : new String(form, StandardCharsets.ISO_8859_1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                String raw = pair.substring(eq + 1);
                try {
                    return URLDecoder.decode(new String(raw.getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.UTF_8), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) {
                    return raw;
                }
            }
        }
        return "";
    }

    private static void tooManyAttempts(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"登录尝试过于频繁\",\"status\":429,"
                + "\"detail\":\"用户名或密码错误次数过多，请在" + seconds + "秒后重试\",\"retryAfterSeconds\":" + seconds + "}");
    }
}
