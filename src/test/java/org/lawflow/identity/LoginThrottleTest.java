package org.lawflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.RawHttp;
import org.lawflow.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nobody can lock another user out, and guessing is slowed: a stranger at another client address (127.0.0.x, all
 * loopback on Linux: LawFlow sees the socket's address, never X-Forwarded-For) sends wrong passwords for a demo
 * account; they are answered 401 and then 429 with Retry-After, while the owner at 127.0.0.1 logs in at once —
 * /api, engine REST and Tasklist alike. Each test uses its own stranger address and account.
 */
@LawFlowSpringTest
class LoginThrottleTest {

    @Autowired TestRestTemplate rest;
    @LocalServerPort int port;

    @Test
    void aStrangersWrongPasswordsAreSlowedButNeverStopTheOwnerAtAnotherAddress() throws Exception {
        var stranger = new RawHttp("127.0.0.2", port);
        List<Integer> statuses = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            var answer = stranger.send("GET", "/api/cases", basic("zhangwei", "wrong" + i), null);
            statuses.add(answer.status());
            if (answer.status() == 429) {
                assertThat(Integer.parseInt(answer.header("Retry-After"))).isBetween(1, 60);
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                assertThat(answer.json().get("detail").asText()).contains("秒后重试");
            }
        }
        System.out.println("LoginThrottleTest: a stranger's 20 wrong passwords for zhangwei: " + statuses);
        assertThat(statuses.subList(0, 5)).as("the first few are checked").containsOnly(401);
        // then one more try every 5 s: on a slow machine the 20 tries may earn one or two of them
        long earned = java.time.Duration.ofNanos(System.nanoTime() - started).toSeconds() / 5;
        assertThat(statuses.subList(5, 20).stream().filter(status -> status == 401).count()).as("then slowed")
                .isLessThanOrEqualTo(earned);
        assertThat(statuses.subList(5, 20)).as("then slowed").allMatch(status -> status == 401 || status == 429);
        assertThat(statuses.get(19)).isEqualTo(429);
        // the stranger stays slowed even with the right password ...
        assertThat(stranger.send("GET", "/api/cases", basic("zhangwei", "demo"), null).status()).isEqualTo(429);
        // ... while the owner, right away, at another address, is let in everywhere
        var api = new ApiClient(rest);
        assertThat(api.get("zhangwei", "/api/cases").status()).isEqualTo(200);
        assertThat(api.get("zhangwei", "/engine-rest/task").status()).isEqualTo(200);
        WebappSession.login(HttpClient.newHttpClient(), "http://localhost:" + port, "zhangwei");
    }

    @Test
    void strangersAtManyAddressesCannotLockAnAccount() throws Exception {
        // 15 wrong passwords reach the password check: Camunda's default (loginMaxAttempts 10) locked the account
        // until an administrator unlocked it, and each one blocked the right password for seconds
        for (String address : List.of("127.0.0.3", "127.0.0.4", "127.0.0.5")) {
            for (int i = 0; i < 5; i++) {
                var answer = new RawHttp(address, port).send("GET", "/engine-rest/task", basic("wangfang", "x" + i),
                        null);
                assertThat(answer.status()).isEqualTo(401);
            }
        }
        assertThat(new ApiClient(rest).get("wangfang", "/engine-rest/task").status()).isEqualTo(200);
        assertThat(new ApiClient(rest).get("wangfang", "/api/cases").status()).isEqualTo(200);
    }

    @Test
    void theTasklistLoginIsSlowedTheSameWay() throws Exception {
        var stranger = new RawHttp("127.0.0.6", port);
        var page = stranger.send("GET", "/camunda/app/tasklist/default/", Map.of(), null);
        Map<String, String> jar = WebappSession.cookies(page.headers("Set-Cookie"), new LinkedHashMap<>());
        String token = jar.get("XSRF-TOKEN");
        String cookies = String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(stranger.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                    Map.of("Content-Type", "application/x-www-form-urlencoded", "X-XSRF-TOKEN", token, "Cookie",
                            cookies), "username=chenjing&password=wrong" + i).status());
        }
        System.out.println("LoginThrottleTest: a stranger's 8 wrong Tasklist logins for chenjing: " + statuses);
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 8)).containsOnly(429);
        WebappSession.login(HttpClient.newHttpClient(), "http://localhost:" + port, "chenjing");
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowed() throws Exception {
        var sprayer = new RawHttp("127.0.0.7", port);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(sprayer.send("GET", "/api/cases", basic("nobody" + i, "guess"), null).status());
        }
        System.out.println("LoginThrottleTest: one address, 40 accounts: " + statuses);
        assertThat(statuses).contains(401, 429);
        assertThat(statuses.get(39)).isEqualTo(429);
        assertThat(new ApiClient(rest).get("sunli", "/api/cases").status()).isEqualTo(200);
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
