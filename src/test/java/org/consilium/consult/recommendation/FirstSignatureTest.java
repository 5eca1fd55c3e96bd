package org.consilium.consult.recommendation;

import static org.consilium.consult.board.Board.CHANGXING;
import static org.consilium.consult.board.Board.as;
import static org.consilium.consult.board.Board.triagedConsult;
import static org.consilium.consult.recommendation.RecommendationTest.RECS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

/**
 * The consult's fourth clock, its first signature (V21), is kept by the database from the recommendations signed
 * through the board: the statistics' request-to-signed and session-to-signed turnaround read it.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class FirstSignatureTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theConsultKeepsWhenItsFirstRecommendationWasSignedThroughAnAmendment() throws SQLException {
        UUID consult = triagedConsult(db, CHANGXING, "cx.doctor", "王建国", null);
        assertNull(time("select signed_at from consult where id = ?", consult));

        String rec = RecommendationTest.signed(consult);
        OffsetDateTime first = time("select signed_at from recommendation where id = ?", UUID.fromString(rec));
        assertNotNull(first);
        assertEquals(first, time("select signed_at from consult where id = ?", consult));

        String amended = as("dr.li").body(Map.of("reason", "病理复核")).post(RECS + "/{r}/amendments", consult, rec)
                .then().statusCode(201).extract().path("id");
        Map<String, Object> body = new HashMap<>(RecommendationTest.content("IIB", 21));
        body.put("version", 0);
        as("dr.li").body(body).put(RECS + "/{r}", consult, amended).then().statusCode(200);
        as("dr.li").body(Map.of()).post(RECS + "/{r}/finalise", consult, amended).then().statusCode(200);
        for (String signer : List.of("dr.zhao", "dr.sun", "dr.li")) {
            as(signer).body(Map.of()).post(RECS + "/{r}/signatures", consult, amended).then().statusCode(200);
        }
        OffsetDateTime second = time("select signed_at from recommendation where id = ?", UUID.fromString(amended));
        assertNotNull(second);
        assertEquals(first, time("select signed_at from consult where id = ?", consult), "still the first signature");
    }

    private OffsetDateTime time(String sql, UUID id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getObject(1, OffsetDateTime.class);
            }
        }
    }
}
