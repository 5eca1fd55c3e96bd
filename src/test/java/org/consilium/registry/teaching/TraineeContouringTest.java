package org.consilium.registry.teaching;

import static org.consilium.registry.teaching.TeachingFixtures.as;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.dicom.rt.Contour;
import org.consilium.dicom.rt.ContourMetrics;
import org.consilium.dicom.rt.Roi;
import org.consilium.dicom.rt.StructureSet;
import org.consilium.dicom.rt.StructureSetComparison;
import org.consilium.live.RawSocket;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.radiotherapy.review.RevisionContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A trainee contours a case of their course and is scored against the expert; before submitting they cannot
 * read the expert contours by any route: REST answers 404/403 and there is no live room to join.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class TraineeContouringTest {

    static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    @TestHTTPResource("/")
    URI base;
    @Inject
    AgroalDataSource db;

    String caseId;
    String course;
    String study;

    @BeforeEach
    void courseWithCase() throws Exception {
        TeachingFixtures.Approved approved = TeachingFixtures.approvedReview();
        JsonPath made = TeachingFixtures.teachingCase(approved.submission());
        caseId = made.getString("id");
        study = made.getString("studyUid");
        course = TeachingFixtures.course(caseId);
    }

    @Test
    void theTraineeCannotReadTheExpertContoursBeforeSubmittingOverRestOrTheSocket() throws Exception {
        // REST: every route that holds the expert contours, as the enrolled trainee before submitting
        as("cx.rt").get("/api/teaching/cases/{id}", caseId).then().statusCode(200)
                .body("targetRois", equalTo(List.of("GTV", "CTV", "PTV")));
        String caseText = as("cx.rt").get("/api/teaching/cases/{id}", caseId).then().extract().asString();
        assertFalse(caseText.contains("points"), "the case view carries no contour");
        as("cx.rt").get("/api/teaching/cases/{id}/expert-contours", caseId).then().statusCode(404);
        as("cx.rt").get("/api/teaching/courses/{c}/cases/{id}/attempts/mine", course, caseId).then().statusCode(404);
        as("cx.rt").get("/api/teaching/courses/{c}/leaderboard", course).then().statusCode(403);
        String courseText = as("cx.rt").get("/api/teaching/courses/{c}", course).then().statusCode(200).extract().asString();
        assertFalse(courseText.contains("points"));
        // DICOMweb: the trainee's hospital reads the teaching study, which holds images only, no RTSTRUCT
        List<String> modalities = as("cx.rt").accept("application/dicom+json")
                .get("/dicomweb/studies/{s}/series", study).then().statusCode(200).extract().jsonPath()
                .getList("'00080060'.Value.flatten()");
        assertEquals(List.of("CT"), modalities);
        // someone not enrolled sees nothing of it
        as("fm.rt").get("/api/teaching/cases/{id}", caseId).then().statusCode(404);
        as("fm.rt").get("/api/teaching/cases/{id}/expert-contours", caseId).then().statusCode(404);
        as("fm.rt").get("/api/teaching/courses/{c}", course).then().statusCode(404);
        as("fm.rt").get("/dicomweb/studies/{s}/series", study).then().statusCode(anyOf(is(204), is(404)));

        // the socket: teaching uses no live room, so no ticket is issued for the case or the course, and the
        // trainee's own-channel ticket does not open any room's socket
        for (String id : List.of(caseId, course)) {
            as("cx.rt").contentType(ContentType.JSON).body(Map.of("roomId", id)).post("/api/live/tickets")
                    .then().statusCode(404);
        }
        assertEquals(0, roomsReferring(List.of(caseId, course)));
        String own = as("cx.rt").contentType(ContentType.JSON).body("{}").post("/api/live/tickets").then()
                .statusCode(201).extract().path("ticket");
        assertEquals(4401, RawSocket.closeCode(base, "/api/live/rooms/" + caseId + "/socket?ticket=" + own));

        // after submitting, the expert contours are the trainee's to see
        JsonPath expert = as("dr.li").get("/api/teaching/cases/{id}/expert-contours", caseId).then().statusCode(200)
                .extract().jsonPath();
        as("cx.rt").contentType(ContentType.JSON).body(TeachingFixtures.shiftedAttempt(expert, "PTV", 2))
                .post("/api/teaching/courses/{c}/cases/{id}/attempts", course, caseId).then().statusCode(201);
        as("cx.rt").get("/api/teaching/cases/{id}/expert-contours", caseId).then().statusCode(200)
                .body("rois.name", equalTo(List.of("BODY", "LUNG_L", "LUNG_R", "SPINALCORD", "HEART", "GTV", "CTV", "PTV")));
        as("cx.rt").contentType(ContentType.JSON).body(TeachingFixtures.shiftedAttempt(expert, "PTV", 0))
                .post("/api/teaching/courses/{c}/cases/{id}/attempts", course, caseId).then().statusCode(409);
        assertEquals(0, roomsReferring(List.of(caseId, course)));
    }

    @Test
    void theScoreIsTheReviewMetricsOfTheSamePolygonsComputedDirectly() throws Exception {
        String expertJson = as("dr.li").get("/api/teaching/cases/{id}/expert-contours", caseId).then().statusCode(200)
                .extract().asString();
        JsonPath expert = new JsonPath(expertJson);
        Map<String, Object> attempt = TeachingFixtures.shiftedAttempt(expert, "PTV", 3);
        // a bad polygon is refused, naming it
        as("cx.rt").contentType(ContentType.JSON).body(Map.of("rois", List.of(Map.of("name", "HEART", "planes",
                        List.of(Map.of("z", 0, "polygons", List.of(List.of(1, 2, 0)))))))).post(
                "/api/teaching/courses/{c}/cases/{id}/attempts", course, caseId).then().statusCode(400);
        JsonPath scored = new JsonPath(as("cx.rt").contentType(ContentType.JSON).body(attempt)
                .post("/api/teaching/courses/{c}/cases/{id}/attempts", course, caseId).then().statusCode(201)
                .extract().asString()).using(DOUBLES);

        // directly: the toolkit's comparison of the expert's targets and the polygons sent
        StructureSet expertTargets = new ObjectMapper().readValue(expertJson, RevisionContent.class).toStructureSet();
        List<Roi> targets = expertTargets.rois().stream().filter(r -> List.of("GTV", "CTV", "PTV").contains(r.name())).toList();
        Roi ptv = expertTargets.roi("PTV");
        List<Contour> drawn = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> planes = (List<Map<String, Object>>) ((List<Map<String, Object>>) attempt.get("rois")).get(0).get("planes");
        for (Map<String, Object> plane : planes) {
            for (Object polygon : (List<?>) plane.get("polygons")) {
                double[] points = ((List<?>) polygon).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
                drawn.add(new Contour(Contour.CLOSED_PLANAR, points, List.of()));
            }
        }
        StructureSet trainee = expertTargets.withRois(List.of(ptv.withContours(drawn)));
        List<ContourMetrics> direct = StructureSetComparison.DEFAULT.compare(expertTargets.withRois(targets), trainee);

        assertEquals(List.of("GTV", "CTV", "PTV"), scored.getList("scores.roiName"));
        for (ContourMetrics m : direct) {
            String at = "scores.find { it.roiName == '" + m.roiName() + "' }.";
            assertEquals(m.presence() == ContourMetrics.Presence.BOTH ? "BOTH" : "ONLY_REFERENCE",
                    scored.getString(at + "presence"));
            assertNumber(m.dice(), scored, at + "dice");
            assertNumber(m.hausdorff95(), scored, at + "hausdorff95");
            assertNumber(m.meanSurfaceDistance(), scored, at + "meanSurfaceDistance");
            assertNumber(m.volumeA(), scored, at + "referenceVolume");
            assertNumber(m.volumeB(), scored, at + "drawnVolume");
        }
        ContourMetrics ptvMetrics = direct.stream().filter(m -> m.roiName().equals("PTV")).findFirst().orElseThrow();
        assertTrue(ptvMetrics.dice() > 0.5 && ptvMetrics.dice() < 1, "a 3 mm shift overlaps, not wholly");
        assertEquals(ptvMetrics.dice() / 3, scored.getDouble("meanDice"), 1e-9, "GTV and CTV not drawn count as 0");
        assertEquals(List.of("GTV", "CTV", "PTV"), scored.getList("expert.rois.name"));

        // the overlay's two sets, and the teacher's leaderboard
        as("cx.rt").get("/api/teaching/courses/{c}/cases/{id}/attempts/mine", course, caseId).then().statusCode(200)
                .body("contours.rois[0].name", equalTo("PTV")).body("expert.rois.name", equalTo(List.of("GTV", "CTV", "PTV")));
        JsonPath board = new JsonPath(as("dr.li").get("/api/teaching/courses/{c}/leaderboard", course).then()
                .statusCode(200).extract().asString()).using(DOUBLES);
        assertEquals(1, board.getInt("[0].rank"));
        assertEquals("冯涛", board.getString("[0].displayName"));
        assertEquals(1, board.getInt("[0].attempted"));
        assertEquals(ptvMetrics.dice() / 3, board.getDouble("[0].meanDice"), 1e-9);
        as("cx.rt").get("/api/teaching/courses/{c}", course).then().statusCode(200)
                .body("cases[0].submitted.meanDice", org.hamcrest.Matchers.notNullValue());
    }

    private static void assertNumber(Double expected, JsonPath json, String path) {
        Object actual = json.get(path);
        if (expected == null) {
            assertEquals(null, actual, path);
        } else {
            assertEquals(expected, ((Number) actual).doubleValue(), 1e-9, path);
        }
    }

    private int roomsReferring(List<String> ids) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from live_room where ref_id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
