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
    void metricsNeedASupervisor() {
        var api = new ApiClient(rest);
        assertThat(api.get(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.get("zhangwei", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.get("sunli", "/actuator/prometheus").status()).isEqualTo(200);
    }
}
