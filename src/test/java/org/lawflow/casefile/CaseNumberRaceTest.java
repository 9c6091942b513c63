package org.lawflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first registrations of a year arrive together (found by the benchmark: 7 of 8 concurrent first registrations
 * got 409): each gets its own number, none fails.
 */
@LawFlowSpringTest
class CaseNumberRaceTest {

    static final int YEAR = 2099;

    @Autowired CaseRepository cases;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void concurrentFirstNumbersOfAYearAreDistinct() throws Exception {
        int threads = 8;
        var pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        List<Future<Integer>> numbers = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                numbers.add(pool.submit(() -> {
                    start.await();
                    return new TransactionTemplate(transactions).execute(s -> cases.nextCaseNumber("xining", YEAR));
                }));
            }
            start.countDown();
            List<Integer> got = new ArrayList<>();
            for (var n : numbers) {
                got.add(n.get(60, TimeUnit.SECONDS));
            }
            assertThat(got).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        } finally {
            pool.shutdownNow();
        }
    }

    @AfterEach
    void removeTheYear() {
        jdbc.sql("delete from case_number_sequence where case_year = ?").param(YEAR).update();
    }
}
