package org.lawflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V6 also runs on H2 2.x (demo profile), and the fine guard reads what the flows write. */
class TransferSchemaTest {

    @Test
    void migrationsRunOnH2AndRefusedOrReturnedTransfersNoLongerBlockFines() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:transfer-schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        var jdbc = JdbcClient.create(dataSource);
        var repository = new TransferRepository(jdbc);
        var guard = new CriminalTransfers(repository);
        UUID caseId = UUID.randomUUID();
        jdbc.sql("""
                insert into enforcement_case (id, agency_id, case_no, status, case_cause, party_type, party_name,
                  party_id_number, facts, legal_basis, penalty_basis, major_public_interest, complex_case, social_impact,
                  filed_on, registered_by, registered_at, version)
                values (?, 'xining', 'T1', 'TRANSFERRED', '案由', 'CITIZEN', '马建国', '630102198506123019', '事实',
                  '依据', '依据', false, false, false, current_date, 'zhangwei', current_timestamp, 0)""")
                .param(caseId).update();

        UUID transfer = UUID.randomUUID();
        repository.insert(transfer, caseId, "xining", TransferKind.CRIMINAL, "zhangwei", "api", "理由", "非法经营罪",
                "zhangwei,liqiang", "zhangwei");
        assertThat(guard.isPendingForCase(caseId)).isTrue();
        repository.insertAnswer(transfer, "FILING_DECISION", "NOT_FILED", org.lawflow.system.ChinaTime.today(), "未达标准", "zhangwei");
        repository.update(transfer, "FILING_DECISION_NOT_FILED", "police_received_on", org.lawflow.system.ChinaTime.today());
        assertThat(guard.isPendingForCase(caseId)).isTrue();
        repository.close(transfer, Transfer.Statuses.RETURNED);
        assertThat(guard.isPendingForCase(caseId)).isFalse();

        UUID clue = UUID.randomUUID();
        repository.insert(clue, caseId, "xining", TransferKind.DISCIPLINE, "zhaomin", "api", null, null, null, null);
        repository.insertClue(clue, new Transfer.Clue("某某", "副所长", "AGENCY_STAFF", true, "事实", null,
                org.lawflow.system.ChinaTime.today(), null, null, null, null, null));
        assertThat(guard.isPendingForCase(caseId)).as("a clue never blocks fines").isFalse();
        var transfers = repository.findByCase(caseId);
        assertThat(transfers).extracting(Transfer::kind).containsExactlyInAnyOrder(TransferKind.CRIMINAL,
                TransferKind.DISCIPLINE);
        assertThat(transfers).filteredOn(t -> t.clue() != null).singleElement()
                .satisfies(t -> assertThat(t.clue().cadreLevel()).isEqualTo("AGENCY_STAFF"));
        assertThat(transfers).filteredOn(t -> t.kind() == TransferKind.CRIMINAL).singleElement()
                .satisfies(t -> assertThat(t.policeAnswers()).extracting(Transfer.PoliceAnswer::decision)
                        .containsExactly("NOT_FILED"));
    }
}
