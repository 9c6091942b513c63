package org.lawflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * HTTP sessions ({@code spring_session} rows) come from logins only — anonymous page views, scripts, the public pages
 * and health create none (the probe's 200 GETs had made 200 rows) — and a failed CSRF check is refused without
 * logging the user out.
 */
@LawFlowSpringTest
class WebappSessionTest {

    static final List<String> ANONYMOUS_PAGES = List.of("/public/decisions", "/public/decisions.json",
            "/actuator/health", "/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
            "/camunda/app/tasklist/scripts/config.js", "/camunda/app/tasklist/camunda-tasklist-bootstrap.js",
            "/camunda/lib/deps.js", "/camunda/api/admin/auth/user/default", "/camunda/app/welcome/default/");

    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void onlyALoginCreatesASession() throws Exception {
        long before = sessions();
        int views = 0;
        for (int round = 0; round < 20; round++) {
            for (String path : ANONYMOUS_PAGES) {
                var answer = client.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(answer.statusCode()).as(path).isLessThan(500);
                assertThat(answer.headers().allValues("Set-Cookie")).as(path)
                        .noneMatch(c -> c.startsWith("JSESSIONID="));
                views++;
            }
        }
        assertThat(sessions()).as(views + " anonymous GETs").isEqualTo(before);

        // a wrong password creates none either; the right one exactly one
        var page = client.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/tasklist/default/")).GET()
                .build(), HttpResponse.BodyHandlers.discarding());
        var jar = WebappSession.cookies(page.headers().allValues("Set-Cookie"), new LinkedHashMap<>());
        var wrong = client.send(WebappSession.loginForm(base(), jar, jar.get("XSRF-TOKEN"),
                "username=liqiang&password=wrong"), HttpResponse.BodyHandlers.discarding());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(sessions()).isEqualTo(before);
        WebappSession.login(client, base(), "liqiang");
        assertThat(sessions()).isEqualTo(before + 1);
        System.out.println("WebappSessionTest: " + views + " anonymous GETs and a failed login: no session; a login: 1");
    }

    @Test
    void aFailedCsrfCheckIsRefusedWithoutLoggingTheUserOut() throws Exception {
        var session = WebappSession.login(client, base(), "sunli");
        String query = base() + "/camunda/api/engine/engine/default/task/count";
        var without = client.send(WebappSession.post(query, session.jar(), null, "{}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
        var wrong = client.send(WebappSession.post(query, session.jar(), "0123456789ABCDEF0123456789ABCDEF", "{}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(403);

        var me = client.send(session.get(base() + "/camunda/api/admin/auth/user/default"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as("still logged in: " + me.body()).isEqualTo(200);
        assertThat(me.body()).contains("sunli");
        var right = client.send(WebappSession.post(query, session.jar(), session.token(), "{}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);

        // logging out still ends the session
        var logout = client.send(WebappSession.post(base() + "/camunda/api/admin/auth/user/default/logout",
                session.jar(), session.token(), ""), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).as(logout.body()).isLessThan(300);
        var after = client.send(session.get(base() + "/camunda/api/admin/auth/user/default"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isNotEqualTo(200);
    }

    private long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
