package org.lawflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The PostgreSQL-only migration (db/vendor/postgresql) ran: PDF and ZIP bytes are not compressed a second time. */
@LawFlowSpringTest
class ContentStorageTest {

    @Autowired JdbcClient jdbc;

    @Test
    void documentAndPackageBytesAreStoredOutOfLineUncompressed() {
        assumeTrue(TestDatabase.isPostgres(), "column storage is PostgreSQL's");
        var storage = jdbc.sql("""
                select c.relname || '.' || a.attname as col, a.attstorage as storage
                from pg_attribute a join pg_class c on c.oid = a.attrelid
                where c.relname in ('document', 'filing_package') and a.attname = 'content'""")
                .query((rs, i) -> rs.getString("col") + "=" + rs.getString("storage")).list();
        // 'e' = EXTERNAL (out of line, never compressed); bytea's default would be 'x' = EXTENDED
        assertThat(storage).containsExactlyInAnyOrder("document.content=e", "filing_package.content=e");
        assertThat(jdbc.sql("select count(*) from lawflow_schema_history where version = '12.1' and success")
                .query(Integer.class).single()).isEqualTo(1);
    }
}
