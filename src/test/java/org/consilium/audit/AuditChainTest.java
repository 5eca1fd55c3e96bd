package org.consilium.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class AuditChainTest {

    @Inject
    AuditLog audit;
    @Inject
    AuditVerifier verifier;

    @Test
    void editedRowIsTheFirstBrokenLink() throws SQLException {
        audit.record(new AuditActor("t1", "tester"), null, "test.before", "x", Outcome.SUCCESS, null);
        long victim = audit.record(new AuditActor("t1", "tester"), null, "test.victim", "study:1.2.3",
                Outcome.SUCCESS, "original");
        audit.record(new AuditActor("t1", "tester"), null, "test.after", "x", Outcome.SUCCESS, null);
        assertTrue(verifier.verify().intact());

        tamper(victim, "study:9.9.9");
        try {
            ChainReport report = verifier.verify();
            assertFalse(report.intact());
            assertEquals(victim, report.firstBrokenSeq());
            given().auth().oauth2(Tokens.of("platform.admin")).get("/api/audit/verify")
                    .then().statusCode(200).body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) victim));
        } finally {
            tamper(victim, "study:1.2.3");
        }
        assertTrue(verifier.verify().intact());
    }

    @Test
    void deletedRowBreaksTheNextLink() throws SQLException {
        long gone = audit.record(new AuditActor("t2", "tester"), null, "test.deleted", "x", Outcome.SUCCESS, null);
        long next = audit.record(new AuditActor("t2", "tester"), null, "test.next", "x", Outcome.SUCCESS, null);
        String[] saved = new String[1];
        try (Connection c = ConsiliumTestResource.stack().postgres().superuserConnection()) {
            try (Statement s = c.createStatement()) {
                var rs = s.executeQuery("select row_to_json(a)::text from audit a where seq = " + gone);
                rs.next();
                saved[0] = rs.getString(1);
                s.execute("alter table audit disable trigger audit_append_only");
                s.execute("delete from audit where seq = " + gone);
                s.execute("alter table audit enable trigger audit_append_only");
            }
            ChainReport report = verifier.verify();
            assertEquals(next, report.firstBrokenSeq());
            try (PreparedStatement restore = c.prepareStatement(
                    "insert into audit select * from json_populate_record(null::audit, ?::json)")) {
                restore.setString(1, saved[0]);
                restore.execute();
            }
        }
        assertTrue(verifier.verify().intact());
    }

    @Test
    void applicationCannotUpdateOrDeleteAuditRows() {
        long seq = audit.record(new AuditActor("t3", "tester"), null, "test.locked", "x", Outcome.SUCCESS, null);
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection c = ConsiliumTestResource.stack().postgres().superuserConnection();
                 Statement s = c.createStatement()) {
                s.execute("update audit set target = 'y' where seq = " + seq);
            }
        });
        assertTrue(e.getMessage().contains("append-only"), e.getMessage());
    }

    @Test
    void auditIsOnlyForPlatformAdmins() {
        given().auth().oauth2(Tokens.of("admin.prov")).get("/api/audit")
                .then().statusCode(403).body("type", equalTo("urn:consilium:problem:forbidden"));
    }

    @Test
    void readingTheAuditIsAudited() {
        given().auth().oauth2(Tokens.of("platform.admin")).queryParam("action", "test.nothing").get("/api/audit")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("platform.admin")).queryParam("action", "audit.read").queryParam("limit", 1)
                .get("/api/audit")
                .then().statusCode(200).body("items[0].actor", equalTo("platform.admin"));
    }

    private static void tamper(long seq, String target) throws SQLException {
        try (Connection c = ConsiliumTestResource.stack().postgres().superuserConnection();
             Statement s = c.createStatement()) {
            s.execute("alter table audit disable trigger audit_append_only");
            s.execute("update audit set target = '" + target + "' where seq = " + seq);
            s.execute("alter table audit enable trigger audit_append_only");
        }
    }
}
