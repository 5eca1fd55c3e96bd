package org.consilium.consult;

import static io.restassured.RestAssured.given;
import static org.consilium.consult.ConsultFixtures.consult;
import static org.consilium.consult.ConsultFixtures.create;
import static org.consilium.consult.ConsultFixtures.patient;
import static org.consilium.consult.ConsultFixtures.request;
import static org.consilium.consult.ConsultFixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ConsultRequestTest {

    @Test
    void countyClinicianRaisesAStructuredRequestAndCaseManagersHearOfIt() {
        String patientId = patient("cx.doctor", "R" + unique(), "孙立人");
        String id = create("cx.doctor", request(patientId)).then().statusCode(201)
                .body("state", equalTo("REQUESTED")).body("urgency", equalTo("URGENT"))
                .body("hospitalName", equalTo("长兴县人民医院")).body("patient.name", equalTo("孙立人"))
                .body("pathology.markers.EGFR", equalTo("19del")).body("labs[0].test", equalTo("CEA"))
                .body("requestedDisciplines", contains("surgery", "radiation-oncology"))
                .body("requestedBy", equalTo("钱进")).body("sla.triageRunning", equalTo(true))
                .body("allowedActions", hasItem("ACCEPT"))
                .extract().path("id");
        given().auth().oauth2(Tokens.of("cm.wang")).get("/api/notifications").then().statusCode(200)
                .body("items.findAll { it.consultId == '" + id + "' }.kind", contains("consult.requested"));
    }

    @Test
    void anotherHospitalsPatientCannotBeRequestedFor() {
        String patientId = patient("cx.doctor", "R" + unique(), "周小平");
        create("fm.doctor", request(patientId)).then().statusCode(404);
        create("cx.admin", request(patientId)).then().statusCode(403);
        Map<String, Object> bad = request(patientId);
        bad.put("requestedDisciplines", List.of("astrology"));
        bad.put("studyUids", List.of("1.2.03"));
        create("cx.doctor", bad).then().statusCode(400).body("errors.size()", equalTo(2));
    }

    @Test
    void listShowsEachUserOnlyWhatTheyMaySee() {
        String id = consult("cx.doctor", "钱学森");
        given().auth().oauth2(Tokens.of("cx.rt")).get("/api/consults").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.of("cm.wang")).queryParam("state", "REQUESTED").get("/api/consults")
                .then().body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.of("fm.doctor")).get("/api/consults").then().body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of("dr.li")).get("/api/consults").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void returnedRequestIsEditedAndResubmitted() {
        String id = consult("cx.doctor", "邓稼先");
        ConsultTransitionTest.transition("cm.wang", java.util.UUID.fromString(id), "RETURN", 0, "请补充CEA复查")
                .then().statusCode(200);
        Map<String, Object> edit = request(given().auth().oauth2(Tokens.of("cx.doctor")).get("/api/consults/{id}", id)
                .then().extract().path("patient.id"));
        edit.put("labs", List.of(Map.of("test", "CEA", "value", "9.1", "unit", "ng/mL", "flag", "H",
                "collectedOn", "2026-11-20")));
        given().auth().oauth2(Tokens.of("cx.doctor")).contentType(ContentType.JSON).queryParam("version", 0)
                .body(edit).put("/api/consults/{id}", id).then().statusCode(409)
                .body("type", equalTo("urn:consilium:problem:conflict"));
        given().auth().oauth2(Tokens.of("cx.doctor")).contentType(ContentType.JSON).queryParam("version", 1)
                .body(edit).put("/api/consults/{id}", id).then().statusCode(200)
                .body("labs[0].value", equalTo("9.1")).body("version", equalTo(2));
        ConsultTransitionTest.transition("cx.doctor", java.util.UUID.fromString(id), "RESUBMIT", 2, null)
                .then().statusCode(200).body("state", equalTo("REQUESTED"));
        given().auth().oauth2(Tokens.of("fm.doctor")).contentType(ContentType.JSON).queryParam("version", 3)
                .body(edit).put("/api/consults/{id}", id).then().statusCode(404);
    }
}
