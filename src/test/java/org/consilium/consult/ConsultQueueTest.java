package org.consilium.consult;

import static io.restassured.RestAssured.given;
import static org.consilium.consult.ConsultFixtures.consult;
import static org.consilium.consult.ConsultFixtures.create;
import static org.consilium.consult.ConsultFixtures.patient;
import static org.consilium.consult.ConsultFixtures.request;
import static org.consilium.consult.ConsultFixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ConsultQueueTest {

    @Test
    void greenChannelComesFirstThenUrgentThenRoutineByPriorityThenAge() {
        String routineOld = raise("ROUTINE");
        String routineNew = raise("ROUTINE");
        String green = raise("GREEN_CHANNEL");
        String urgent = raise("URGENT");
        given().auth().oauth2(Tokens.of("cm.wang")).contentType(ContentType.JSON)
                .body(Map.of("priority", 1, "version", 0)).put("/api/consult-queue/{id}/priority", routineNew)
                .then().statusCode(200).body("priority", equalTo(1)).body("version", equalTo(1));
        List<String> order = given().auth().oauth2(Tokens.of("cm.wang")).queryParam("state", "REQUESTED")
                .queryParam("limit", 200).get("/api/consult-queue").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        List<String> mine = order.stream().filter(List.of(routineOld, routineNew, green, urgent)::contains).toList();
        assertEquals(List.of(green, urgent, routineNew, routineOld), mine);
    }

    @Test
    void onlyProvincialCaseManagersUseTheQueue() {
        given().auth().oauth2(Tokens.of("cx.doctor")).get("/api/consult-queue").then().statusCode(403);
        given().auth().oauth2(Tokens.of("dr.li")).get("/api/consult-queue").then().statusCode(403);
        given().auth().oauth2(Tokens.of("platform.admin")).get("/api/consult-queue").then().statusCode(200);
    }

    @Test
    void visibilityFollowsHospitalAndAssignment() {
        String id = consult("cx.doctor", "蒋英");
        String drLi = given().auth().oauth2(Tokens.of("cm.wang")).queryParam("discipline", "radiation-oncology")
                .get("/api/consult-queue/specialists").then().statusCode(200)
                .body("username", contains("dr.li")).extract().path("[0].id");
        visible("cx.doctor", id, 200);
        visible("cx.rt", id, 200);
        visible("cm.wang", id, 200);
        visible("platform.admin", id, 200);
        visible("fm.doctor", id, 404);
        visible("dr.li", id, 404);
        visible("dr.zhao", id, 404);
        given().auth().oauth2(Tokens.of("cm.wang")).contentType(ContentType.JSON)
                .body(Map.of("userId", drLi)).post("/api/consult-queue/{id}/assignments", id).then().statusCode(200)
                .body("assignments.username", contains("dr.li"))
                .body("assignments[0].discipline", equalTo("radiation-oncology"))
                .body("assignments[0].displayName", equalTo("李明"));
        visible("dr.li", id, 200);
        visible("dr.zhao", id, 404);
        given().auth().oauth2(Tokens.of("dr.li")).get("/api/consults").then().body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.of("dr.zhao")).get("/api/consults").then().body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of("dr.li")).get("/api/notifications").then()
                .body("items.findAll { it.consultId == '" + id + "' }.kind", hasItem("consult.assigned"));
        given().auth().oauth2(Tokens.of("cm.wang")).delete("/api/consult-queue/{id}/assignments/{u}", id, drLi)
                .then().statusCode(200);
        visible("dr.li", id, 404);
    }

    @Test
    void onlyProvincialSpecialistsCanBeAssigned() {
        String id = consult("cx.doctor", "程开甲");
        String countyUser = given().auth().oauth2(Tokens.of("cx.doctor")).get("/api/me").then().extract().path("id");
        given().auth().oauth2(Tokens.of("cm.wang")).contentType(ContentType.JSON)
                .body(Map.of("userId", countyUser)).post("/api/consult-queue/{id}/assignments", id).then()
                .statusCode(400).body("type", equalTo("urn:consilium:problem:validation"));
        visible("cx.doctor", id, 200); // still there, unchanged
    }

    @Test
    void slaFiguresCoverTriagedAndWaitingRequests() {
        Instant from = Instant.now().minus(1, ChronoUnit.SECONDS);
        String triaged = raise("URGENT");
        raise("URGENT");
        ConsultTransitionTest.transition("cm.wang", UUID.fromString(triaged), "ACCEPT", 0, null).then().statusCode(200);
        given().auth().oauth2(Tokens.of("cm.wang")).queryParam("from", from.toString()).get("/api/consult-queue/sla")
                .then().statusCode(200)
                .body("rows[0].urgency", nullValue())
                .body("rows[0].submitted", greaterThanOrEqualTo(2)).body("rows[0].triaged", greaterThanOrEqualTo(1))
                .body("rows[0].waiting", greaterThanOrEqualTo(1))
                .body("rows[0].toTriage.medianSeconds", notNullValue())
                .body("rows.find { it.urgency == 'URGENT' }.submitted", greaterThanOrEqualTo(2));
        Instant future = Instant.now().plus(1, ChronoUnit.DAYS);
        given().auth().oauth2(Tokens.of("cm.wang")).queryParam("from", future.toString())
                .queryParam("to", future.plus(1, ChronoUnit.DAYS).toString()).get("/api/consult-queue/sla")
                .then().statusCode(200).body("rows[0].submitted", equalTo(0)).body("rows[0].toTriage", nullValue());
        given().auth().oauth2(Tokens.of("dr.li")).get("/api/consult-queue/sla").then().statusCode(403);
    }

    private static String raise(String urgency) {
        Map<String, Object> r = request(patient("cx.doctor", "Q" + unique(), "排队" + unique().substring(0, 3)));
        r.put("urgency", urgency);
        return create("cx.doctor", r).then().statusCode(201).extract().path("id");
    }

    private static void visible(String user, String id, int status) {
        given().auth().oauth2(Tokens.of(user)).get("/api/consults/{id}", id).then().statusCode(status);
    }
}
