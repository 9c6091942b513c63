package org.lawflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestDatabase;
import org.lawflow.casefile.CaseEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two jobs of one case at once — its review renders the 违法行为通知书 while its clue transfer renders the 移送函 — each
 * insert a row referencing the case (PostgreSQL's foreign-key check takes FOR KEY SHARE on the case row until
 * commit) and then append to the case's record. Both must commit, one after the other, and the chain stays intact.
 * With FOR UPDATE as the chain's lock this deadlocked (seen in CrashRecoveryTest: the job failed and waited 5 minutes
 * for its retry).
 */
@LawFlowSpringTest
class CaseRecordLockTest {

    @Autowired TestRestTemplate rest;
    @Autowired CaseEvents events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void twoJobsOfOneCaseThatReferencedTheCaseBothRecordTheirEvent() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "the foreign-key row locks are PostgreSQL's");
        var created = new ApiClient(rest).post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).isEqualTo(201);
        UUID caseId = UUID.fromString(created.json().get("id").asText());
        long before = events.verify(caseId).entries();

        CyclicBarrier bothReferencedTheCase = new CyclicBarrier(2);
        ExecutorService jobs = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (String step : List.of("生成违法行为通知书", "生成问题线索移送函")) {
                runs.add(jobs.submit(() -> transactions.executeWithoutResult(status -> {
                    // what the insert of a document row does to the case row (FK check)
                    jdbc.sql("select id from enforcement_case where id = ? for key share").param(caseId).query().singleValue();
                    try {
                        bothReferencedTheCase.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    events.record(caseId, "system", step, "生成文书", null);
                })));
            }
            for (var run : runs) {
                run.get(30, TimeUnit.SECONDS); // a deadlock fails one of them with "deadlock detected"
            }
        } finally {
            jobs.shutdownNow();
        }
        var chain = events.verify(caseId);
        assertThat(chain.intact()).as(chain.toString()).isTrue();
        assertThat(chain.entries()).isEqualTo(before + 2);
    }
}
