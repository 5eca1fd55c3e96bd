package org.consilium.consult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.consilium.live.UserSockets;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consult change and the notifications it stores commit durably, and their live pushes leave only after
 * the commit. The database itself tells: deferred constraint triggers run inside COMMIT, so they see the
 * committing transaction's own {@code synchronous_commit}, and one of them can make a commit fail.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ConsultCommitDurabilityTest {

    @TestHTTPResource("/")
    URI base;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void probes() throws Exception {
        sql("create table if not exists commit_probe (tbl text, row_id uuid, synchronous_commit text)",
                "create or replace function commit_probe() returns trigger language plpgsql as $$ begin "
                        + "if to_jsonb(new) ->> 'state_note' like 'refused at commit%' then "
                        + "raise exception 'refused at commit (test)'; end if; "
                        + "insert into commit_probe values (tg_table_name, (to_jsonb(new) ->> "
                        + "case when tg_table_name = 'consult' then 'id' else 'consult_id' end)::uuid, "
                        + "current_setting('synchronous_commit')); return null; end $$",
                "drop trigger if exists commit_probe on consult",
                "drop trigger if exists commit_probe on notification",
                "create constraint trigger commit_probe after update on consult deferrable initially deferred "
                        + "for each row execute function commit_probe()",
                "create constraint trigger commit_probe after insert on notification deferrable initially deferred "
                        + "for each row execute function commit_probe()");
    }

    @AfterEach
    void dropProbes() throws Exception {
        sql("drop trigger if exists commit_probe on consult", "drop trigger if exists commit_probe on notification",
                "drop table if exists commit_probe");
    }

    @Test
    void aTransitionAndItsNotificationCommitWithSynchronousCommitOn() throws Exception {
        UUID id = ConsultTransitionTest.insertConsult("cx.doctor");
        ConsultTransitionTest.transition("cm.wang", id, "ACCEPT", 0, null).then().statusCode(200);

        // the committing session's synchronous_commit, per row written: the consult and the notification to
        // the requester, whose live push used to switch the whole transaction to an asynchronous commit
        List<String> seen = settings(id);
        assertTrue(seen.contains("consult:on") && seen.contains("notification:on"), seen.toString());
        assertTrue(seen.stream().allMatch(s -> s.endsWith(":on")), seen.toString());
    }

    @Test
    void aTransitionThatRollsBackPushesNothing() throws Exception {
        try (UserSockets.Client requester = UserSockets.connect(base, "cx.doctor")) {
            UUID refused = ConsultTransitionTest.insertConsult("cx.doctor");
            UUID accepted = ConsultTransitionTest.insertConsult("cx.doctor");
            int status = ConsultTransitionTest.transition("cm.wang", refused, "RETURN", 0, "refused at commit " + refused)
                    .then().extract().statusCode();
            assertNotEquals(200, status, "the commit failed");
            assertFalse(settings(refused).contains("consult:on"), "nothing of the refused transition was committed");

            ConsultTransitionTest.transition("cm.wang", accepted, "ACCEPT", 0, null).then().statusCode(200);
            JsonNode first = requester.awaitPush();
            assertEquals(accepted.toString(), first.path("payload").path("consultId").asText(),
                    "the first push is the committed transition's; the rolled-back one sent none: " + first);
        }
    }

    private List<String> settings(UUID id) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select tbl || ':' || synchronous_commit from commit_probe where row_id = ? order by tbl")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
