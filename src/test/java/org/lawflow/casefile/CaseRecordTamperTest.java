package org.lawflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 执法全过程记录，防删改: changing or deleting a row of the record is detected by the verification endpoint. */
@LawFlowSpringTest
class CaseRecordTamperTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;

    @Test
    void aModifiedEntryIsDetectedAndNamed() {
        var api = new ApiClient(rest);
        var filed = new Flows(api, engine).filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        String path = "/api/cases/" + filed.id() + "/record-verification";
        var clean = api.get("zhangwei", path).json();
        assertThat(clean.get("intact").asBoolean()).isTrue();
        assertThat(clean.get("entries").asLong()).isGreaterThanOrEqualTo(2);

        long second = secondEntryId(filed.id());
        String original = jdbc.sql("select detail from case_event where id = ?").param(second).query(String.class).single();
        jdbc.sql("update case_event set detail = ? where id = ?").params("事后改写的意见", second).update();
        var tampered = api.get("zhangwei", path).json();
        assertThat(tampered.get("intact").asBoolean()).isFalse();
        assertThat(tampered.get("firstBrokenEntry").asLong()).isEqualTo(2);
        assertThat(api.get("sunli", "/api/cases/record-verification").json().get("intact").asBoolean()).isFalse();

        jdbc.sql("update case_event set detail = ? where id = ?").params(original, second).update();
        assertThat(api.get("zhangwei", path).json().get("intact").asBoolean()).isTrue();
        assertThat(api.get("zhoujie", path).status()).as("another agency").isEqualTo(404);
    }

    @Test
    void aDeletedEntryIsDetectedInTheMiddleAndAtTheEnd() {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var first = flows.filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        jdbc.sql("delete from case_event where id = ?").param(secondEntryId(first.id()) - 1).update();
        assertThat(api.get("zhangwei", "/api/cases/" + first.id() + "/record-verification").json()
                .get("intact").asBoolean()).isFalse();

        var second = flows.filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        long last = jdbc.sql("select max(id) from case_event where case_id = ?").param(UUID.fromString(second.id()))
                .query(Long.class).single();
        jdbc.sql("delete from case_event where id = ?").param(last).update();
        var result = api.get("zhangwei", "/api/cases/" + second.id() + "/record-verification").json();
        assertThat(result.get("intact").asBoolean()).isFalse();
        assertThat(result.get("problem").asText()).contains("末尾");
    }

    private long secondEntryId(String caseId) {
        return jdbc.sql("select id from case_event where case_id = ? order by id").param(UUID.fromString(caseId))
                .query(Long.class).list().get(1);
    }
}
