package org.lawflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Camunda webapp login over plain HTTP, the way Tasklist's login page does it: the page hands out an XSRF token,
 * the login form posts it, the session (cookie {@code JSESSIONID}) then hands out the token for later requests.
 *
 * @param jar    the cookies the server set, by name
 * @param token  the session's CSRF token (header {@code X-XSRF-TOKEN})
 * @param cookie the {@code Set-Cookie} header of the session cookie, attributes included
 */
public record WebappSession(Map<String, String> jar, String token, String cookie) {

    private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

    /** Logs {@code user} (password demo) in to Tasklist at {@code base} (e.g. http://localhost:8080). */
    public static WebappSession login(HttpClient client, String base, String user) throws Exception {
        return login(client, base, user, "tasklist");
    }

    /** Logs {@code user} (password demo) in to one webapp ({@code tasklist}, {@code cockpit}, {@code admin}). */
    public static WebappSession login(HttpClient client, String base, String user, String app) throws Exception {
        var page = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElse(null);
        assertThat(token).as(page.headers().map().toString()).isNotBlank();
        Map<String, String> jar = cookies(page.headers().allValues("Set-Cookie"), new LinkedHashMap<>());
        String path = LOGIN.substring(0, LOGIN.lastIndexOf('/') + 1) + app;
        var login = client.send(form(base + path, jar, token, "username=" + user + "&password=demo"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        List<String> setCookies = login.headers().allValues("Set-Cookie");
        String session = setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElse(page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                        .findFirst().orElse(null));
        assertThat(session).as("session cookie in " + setCookies).isNotNull();
        cookies(setCookies, jar);
        // the login starts a new session (no fixation); the next GET, as Tasklist makes it, hands out its token
        var me = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default"))
                .header("Cookie", cookieHeader(jar)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        cookies(me.headers().allValues("Set-Cookie"), jar);
        return new WebappSession(jar, me.headers().firstValue("X-XSRF-TOKEN").orElse(token), session);
    }

    /** A Tasklist login form post with these cookies and, unless null, this CSRF token. */
    public static HttpRequest loginForm(String base, Map<String, String> jar, String token, String body) {
        return form(base + LOGIN, jar, token, body);
    }

    /** A JSON POST as the webapps send it, with these cookies and, unless null, this CSRF token. */
    public static HttpRequest post(String url, Map<String, String> jar, String token, String json) {
        var b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Origin", url.substring(0, url.indexOf('/', 8))).header("Referer", url)
                .header("Accept", "application/json").header("Cookie", cookieHeader(jar))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("X-XSRF-TOKEN", token);
        }
        return b.build();
    }

    /** A GET with this session's cookies. */
    public HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookieHeader(jar)).GET().build();
    }

    /** Adds the cookies of these {@code Set-Cookie} headers to the jar; returns the jar. */
    public static Map<String, String> cookies(List<String> setCookies, Map<String, String> jar) {
        for (String c : setCookies) {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            jar.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return jar;
    }

    static String cookieHeader(Map<String, String> jar) {
        return String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static HttpRequest form(String url, Map<String, String> jar, String token, String body) {
        var b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", url.substring(0, url.indexOf('/', 8))).header("Referer", url)
                .header("Cookie", cookieHeader(jar)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("X-XSRF-TOKEN", token);
        }
        return b.build();
    }
}
