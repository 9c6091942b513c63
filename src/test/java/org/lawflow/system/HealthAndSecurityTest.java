package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@LawFlowSpringTest
class HealthAndSecurityTest {

    @Autowired TestRestTemplate rest;

    @Test
    void healthShowsEngineJobExecutorAndDatabase() {
        // (the tests switch the job executor off, so its indicator is absent here; the demo run shows it)
        var health = new ApiClient(rest).get("sunli", "/actuator/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        var components = health.json().get("components");
        assertThat(components.at("/processEngine/status").asText()).as(health.body()).isEqualTo("UP");
        assertThat(components.at("/db/status").asText()).as(health.body()).isEqualTo("UP");
        // a mail outage is handled by retried jobs and incidents; it must not mark the application down
        assertThat(components.has("mail")).isFalse();
    }

    @Test
    void wrongPasswordsAreRejectedEverywhere() {
        var api = new ApiClient(rest);
        var headers = new org.springframework.http.HttpHeaders();
        // an unknown user: a wrong password for a real one would trigger Camunda's login delay for that user
        headers.setBasicAuth("nobody", "wrong");
        var response = rest.exchange("/api/cases", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        var engine = rest.exchange("/engine-rest/task", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class);
        assertThat(engine.getStatusCode().value()).isEqualTo(401);
        assertThat(api.get("zhangwei", "/engine-rest/task").status()).isEqualTo(200);
    }

    @Test
    void healthShowsOnlyItsStatusToAnonymousCallers() {
        var api = new ApiClient(rest);
        for (String caller : new String[] {null, "zhangwei"}) {
            var health = api.get(caller, "/actuator/health");
            assertThat(health.status()).isIn(200, 503);
            assertThat(health.json().fieldNames()).toIterable().as(caller + ": " + health.body()).containsExactly("status");
        }
        var supervisor = api.get("sunli", "/actuator/health");
        assertThat(supervisor.json().at("/components/diskSpace/details/path").isMissingNode()).isFalse();
        assertThat(api.get("admin", "/actuator/health").json().has("components")).isTrue();
        var headers = new org.springframework.http.HttpHeaders();
        headers.setBasicAuth("nobody", "wrong");
        assertThat(rest.exchange("/actuator/health", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void lawFlowsOwnPagesHaveAContentSecurityAndAReferrerPolicy() {
        var api = new ApiClient(rest);
        String[][] pages = {{"zhangwei", "/api/cases"}, {null, "/api/cases"}, {null, "/public/decisions"},
                {null, "/public/decisions.json"}, {"sunli", "/monitor/deadlines"}, {"zhangwei", "/demo/mails"},
                {null, "/actuator/health"}};
        for (String[] page : pages) {
            var answer = api.get(page[0], page[1]);
            assertThat(answer.status()).as(page[1]).isLessThan(500);
            assertThat(answer.headers().get("Content-Security-Policy")).as(page[1]).hasSize(1);
            assertThat(answer.headers().getFirst("Content-Security-Policy")).as(page[1])
                    .contains("default-src 'none'", "frame-ancestors");
            assertThat(answer.headers().getFirst("Referrer-Policy")).as(page[1]).isEqualTo("same-origin");
        }
        // the webapps keep Camunda's own policy (with its script nonce), not a second one on top
        var tasklist = api.get(null, "/camunda/app/tasklist/default/");
        assertThat(tasklist.headers().get("Content-Security-Policy")).hasSize(1);
        assertThat(tasklist.headers().getFirst("Content-Security-Policy")).contains("'nonce-");
        assertThat(tasklist.headers().getFirst("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void metricsNeedASupervisor() {
        var api = new ApiClient(rest);
        assertThat(api.get(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.get("zhangwei", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.get("sunli", "/actuator/prometheus").status()).isEqualTo(200);
    }
}
