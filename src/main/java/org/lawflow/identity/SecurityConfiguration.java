package org.lawflow.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may call what.
 * <ul>
 * <li>{@code /api/**}: HTTP Basic against the Camunda identity service, stateless. Inside each request the
 * user is also the Camunda engine's authenticated user, so engine authorizations and tenant checks apply to
 * everything the API reads or starts. No session cookie is issued; writes accept only JSON, which a foreign
 * page cannot send without a CORS preflight that is never granted: that is the API's CSRF protection.</li>
 * <li>{@code /monitor/**}, {@code /demo/**}: the same HTTP Basic, answered by the browser's login dialog.</li>
 * <li>{@code /actuator/health}: open; details only for supervisors and administrators who send HTTP Basic.</li>
 * <li>{@code /desk/**}: pages opened from a Tasklist form (the case dossier, the case's PDFs): the Camunda webapp
 * login of the same browser ({@link WebappUsers}), read-only (GET), no second login; without one 401.</li>
 * <li>{@code /public/**}: open.</li>
 * <li>{@code /engine-rest/*}: Camunda's own Basic authentication filter (unauthenticated → 401).</li>
 * <li>{@code /camunda/**}: the Camunda webapps with their own login and CSRF filter (left on; see
 * {@link WebappSessionFilter}).</li>
 * </ul>
 * Wrong passwords everywhere are slowed by {@link LoginThrottleFilter}; LawFlow's own answers carry a
 * Content-Security-Policy and every answer a Referrer-Policy.
 */
@Configuration
class SecurityConfiguration {

    private final ObjectMapper objectMapper;

    SecurityConfiguration(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * The product's own pages behind a login (/monitor: the deadline dashboard; /demo: the demo mail page): HTTP
     * Basic against the Camunda identities, stateless like /api, answered by the browser's login dialog.
     */
    @Bean
    @Order(0)
    SecurityFilterChain loginPageSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
            throws Exception {
        statelessOwnAnswers(http, PAGE_POLICY).securityMatcher("/monitor/**", "/demo/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .authenticationProvider(provider)
                .httpBasic(basic -> basic.realmName("LawFlow"));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
            IdentityService identityService) throws Exception {
        statelessOwnAnswers(http, API_POLICY).securityMatcher("/api/**", "/actuator/prometheus")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/prometheus").hasAnyAuthority("GROUP_" + Groups.SUPERVISOR,
                                "GROUP_" + Groups.ADMIN)
                        .anyRequest().authenticated())
                .authenticationProvider(provider)
                .httpBasic(basic -> basic.authenticationEntryPoint((req, res, ex) ->
                        writeProblem(res, HttpStatus.UNAUTHORIZED, "需要登录：请使用执法账号进行 HTTP Basic 认证")))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
                        writeProblem(res, HttpStatus.FORBIDDEN, "无权访问该资源")))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Health for everybody, its details for supervisors and administrators: anonymous callers (load balancers,
     * docker's HEALTHCHECK) get the status only; HTTP Basic, if sent, is checked, and {@code
     * management.endpoint.health.roles} decides who sees components and details (disk path, database, calendar).
     */
    @Bean
    @Order(2)
    SecurityFilterChain healthSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
            throws Exception {
        statelessOwnAnswers(http, API_POLICY)
                .securityMatcher("/actuator/health", "/actuator/health/**", "/actuator/info")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .authenticationProvider(provider)
                .httpBasic(basic -> basic.authenticationEntryPoint((req, res, ex) ->
                        writeProblem(res, HttpStatus.UNAUTHORIZED, "用户名或密码错误")));
        return http.build();
    }

    /**
     * Pages opened from a Tasklist form: authenticated by the browser's Camunda webapp session (never creating one),
     * GET only (nothing to forge), the user also the engine's authenticated user so authorizations and tenant checks
     * apply as for /api.
     */
    @Bean
    @Order(3)
    SecurityFilterChain deskSecurity(HttpSecurity http, WebappUsers webappUsers, IdentityService identityService)
            throws Exception {
        statelessOwnAnswers(http, PAGE_POLICY).securityMatcher("/desk/**")
                // the Tasklist session is only read: never given a new id (that would log Tasklist out)
                .sessionManagement(s -> s.sessionFixation(f -> f.none()))
                .authorizeHttpRequests(a -> a.requestMatchers(org.springframework.http.HttpMethod.GET, "/desk/**")
                        .authenticated().anyRequest().denyAll())
                .addFilterBefore(new WebappSessionAuthentication(webappUsers), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                writeProblem(res, HttpStatus.UNAUTHORIZED, "需要登录：请先登录 Tasklist 再打开案卷", false))
                        .accessDeniedHandler((req, res, ex) -> writeProblem(res, HttpStatus.FORBIDDEN, "无权访问该资源")));
        return http.build();
    }

    /** The published decisions (公示): no login, no session. */
    @Bean
    @Order(4)
    SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
        statelessOwnAnswers(http, PAGE_POLICY).securityMatcher("/public/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /**
     * Webapps and engine REST bring their own authentication; Spring Security only adds headers. No
     * Content-Security-Policy here: Camunda's webapps send their own (with a script nonce, HttpHeaderSecurityFilter),
     * and a second policy would be enforced on top of it.
     */
    @Bean
    @Order(5)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER));
        return http.build();
    }

    /**
     * LawFlow's own pages (dashboard, demo mail, published decisions): no scripts at all, their inline styles, forms
     * only to themselves, framed only by LawFlow.
     */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'self'; base-uri 'none'";
    /** JSON answers: nothing may load or run in them, nobody may frame them. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

    /** LawFlow's own answers: no session, no CSRF token (HTTP Basic or none), {@link #ownHeaders}. */
    private static HttpSecurity statelessOwnAnswers(HttpSecurity http, String policy) throws Exception {
        return http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(h -> ownHeaders(h, policy));
    }

    /**
     * Content-Security-Policy and Referrer-Policy on LawFlow's own answers. PDFs (documents under /api) keep no policy:
     * a browser's built-in PDF viewer may not run under {@code default-src 'none'}.
     */
    private static void ownHeaders(HeadersConfigurer<HttpSecurity> headers, String policy) {
        headers.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter((request, response) -> {
                    String type = response.getContentType();
                    if (type == null || !type.startsWith("application/pdf")) {
                        response.setHeader("Content-Security-Policy", policy);
                    }
                });
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    private void writeProblem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        writeProblem(response, status, detail, true);
    }

    /** {@code basic}: a 401 asks for HTTP Basic (not on /desk, whose login is Tasklist's). */
    private void writeProblem(HttpServletResponse response, HttpStatus status, String detail, boolean basic)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        if (status == HttpStatus.UNAUTHORIZED && basic) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"LawFlow\", charset=\"UTF-8\"");
        }
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    /** The Tasklist login of this browser as the request's user (/desk). */
    static final class WebappSessionAuthentication extends OncePerRequestFilter {
        private final WebappUsers webappUsers;

        WebappSessionAuthentication(WebappUsers webappUsers) {
            this.webappUsers = webappUsers;
        }

        /** An error page of a /desk request is answered for the same user (not as 401). */
        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            webappUsers.fromSession(request).ifPresent(user -> {
                var authorities = user.groups().stream()
                        .map(g -> new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_" + g))
                        .toList();
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                        .authenticated(user, null, authorities));
                SecurityContextHolder.setContext(context);
            });
            chain.doFilter(request, response);
        }
    }

    /** Makes the API user the engine's current user for the duration of the request. */
    static final class EngineAuthenticationFilter extends OncePerRequestFilter {
        private final IdentityService identityService;

        EngineAuthenticationFilter(IdentityService identityService) {
            this.identityService = identityService;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !(authentication.getPrincipal() instanceof LawFlowUser user)) {
                chain.doFilter(request, response);
                return;
            }
            identityService.setAuthentication(user.id(), user.groups(), user.agencies());
            try {
                chain.doFilter(request, response);
            } finally {
                identityService.clearAuthentication();
            }
        }
    }
}
