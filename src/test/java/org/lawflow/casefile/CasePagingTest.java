package org.lawflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 250 more cases in xining than the old list showed (it stopped at 200, silently): the pages with their total cover
 * every case exactly once, the unpaged list says how many there are, and record verification checks them all — a
 * tampered record in the oldest case, beyond the newest 200, is found.
 */
@LawFlowSpringTest
class CasePagingTest {

    @Autowired TestRestTemplate rest;
    @Autowired CaseRepository cases;
    @Autowired CaseEvents events;
    @Autowired JdbcClient jdbc;

    @Test
    void pagesAndRecordVerificationCoverEveryCase() {
        List<UUID> inserted = insertOldCases(250);
        long total = jdbc.sql("select count(*) from enforcement_case where agency_id = 'xining'").query(Long.class)
                .single();
        var api = new ApiClient(rest);

        Set<String> seen = new HashSet<>();
        int pages = 0;
        for (int page = 0; ; page++) {
            var answer = api.get("sunli", "/api/cases?page=" + page + "&size=100");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            var body = answer.json();
            assertThat(body.get("total").asLong()).isEqualTo(total);
            assertThat(body.get("size").asInt()).isEqualTo(100);
            assertThat(body.get("totalPages").asLong()).isEqualTo((total + 99) / 100);
            if (body.get("items").isEmpty()) {
                break;
            }
            pages++;
            body.get("items").forEach(item -> assertThat(seen.add(item.get("id").asText())).as("on one page only")
                    .isTrue());
        }
        assertThat(seen).hasSize((int) total);
        assertThat(seen).containsAll(inserted.stream().map(UUID::toString).toList());
        assertThat(pages).isEqualTo((int) ((total + 99) / 100));

        // the old shape for old clients: an array of the newest 200, with the count and the way on
        var unpaged = api.get("sunli", "/api/cases");
        assertThat(unpaged.json().isArray()).isTrue();
        assertThat(unpaged.json()).hasSize(200);
        assertThat(unpaged.headers().getFirst("X-Total-Count")).isEqualTo(String.valueOf(total));
        assertThat(unpaged.headers().getFirst("Link")).contains("page=1", "rel=\"next\"");
        assertThat(api.get("sunli", "/api/cases?size=501").status()).isEqualTo(400);
        assertThat(api.get("sunli", "/api/cases?page=-1").status()).isEqualTo(400);

        // the oldest case's record is changed: verification must reach it, past the newest 200
        UUID oldest = inserted.get(0);
        events.record(oldest, "zhangwei", "立案登记", "登记案件", "分页测试");
        jdbc.sql("update case_event set detail = '事后改写' where case_id = ?").param(oldest).update();
        var verification = api.get("sunli", "/api/cases/record-verification").json();
        assertThat(verification.get("casesChecked").asLong()).isEqualTo(total);
        assertThat(verification.get("intact").asBoolean()).isFalse();
        List<String> broken = new ArrayList<>();
        verification.get("broken").forEach(b -> broken.add(b.get("caseId").asText()));
        assertThat(broken).contains(oldest.toString());
        System.out.println("CasePagingTest: " + total + " xining cases on " + pages + " pages of 100, all "
                + verification.get("casesChecked") + " verified");
    }

    /** Cases registered long ago (older than any other test's), straight into the repository: fast. */
    private List<UUID> insertOldCases(int count) {
        List<UUID> ids = new ArrayList<>();
        OffsetDateTime start = OffsetDateTime.of(2025, 1, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        for (int i = 0; i < count; i++) {
            var c = new EnforcementCase(UUID.randomUUID(), "xining", "宁交执罚〔2025〕分页" + i + "号",
                    CaseStatus.REGISTERED, "未取得道路运输经营许可擅自从事道路旅客运输经营",
                    new EnforcementCase.Party(EnforcementCase.PartyType.CITIZEN, "马建国", "630102198506123019", null,
                            null, null, null),
                    "分页测试案件", List.of(new EnforcementCase.Evidence("现场笔录", "现场检查笔录一份")),
                    "《中华人民共和国道路运输条例》第八条", "《中华人民共和国道路运输条例》第六十三条",
                    List.of(new EnforcementCase.Penalty(PenaltyKind.FINE, new BigDecimal("30000"), null)),
                    List.of("zhangwei", "liqiang"), false, false, false, false, LocalDate.of(2025, 1, 2), "zhangwei",
                    start.plusMinutes(i));
            cases.insert(c);
            ids.add(c.id());
        }
        return ids;
    }
}
