package org.consilium.consult;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.consilium.platform.UuidV7;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ConsultTransitionTest {

    static final UUID CHANGXING = UUID.fromString("019a0000-0000-7000-8000-000000000002");

    @Test
    void caseManagerAcceptsOnceAndTheSecondAcceptIsAnIllegalTransition() {
        UUID id = insertConsult("cx.doctor");
        transition("cm.wang", id, "ACCEPT", 0, null).then().statusCode(200)
                .body("state", equalTo("TRIAGED")).body("version", equalTo(1))
                .body("sla.triageRunning", equalTo(false)).body("sla.sessionRunning", equalTo(true));
        transition("cm.wang", id, "ACCEPT", 1, null).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:illegal-transition"));
    }

    @Test
    void staleVersionIsAConflict() {
        UUID id = insertConsult("cx.doctor");
        transition("cm.wang", id, "RETURN", 0, "请补充病理报告").then().statusCode(200).body("state", equalTo("RETURNED"))
                .body("stateNote", equalTo("请补充病理报告"));
        transition("cx.doctor", id, "RESUBMIT", 0, null).then().statusCode(409)
                .body("type", equalTo("urn:consilium:problem:conflict"));
        transition("cx.doctor", id, "RESUBMIT", 1, null).then().statusCode(200).body("state", equalTo("REQUESTED"))
                .body("stateNote", nullValue());
    }

    @Test
    void returnNeedsAMessageAndCountyCannotTriage() {
        UUID id = insertConsult("cx.doctor");
        transition("cm.wang", id, "RETURN", 0, " ").then().statusCode(400)
                .body("type", equalTo("urn:consilium:problem:validation"));
        transition("cx.doctor", id, "ACCEPT", 0, null).then().statusCode(403)
                .body("type", equalTo("urn:consilium:problem:forbidden"));
    }

    @Test
    void anotherCountyAndAnUnassignedSpecialistSeeNothing() {
        UUID id = insertConsult("cx.doctor");
        given().auth().oauth2(Tokens.of("cx.rt")).get("/api/consults/{id}", id).then().statusCode(200)
                .body("patient.name", equalTo("张三丰"));
        given().auth().oauth2(Tokens.of("fm.doctor")).get("/api/consults/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("dr.li")).get("/api/consults/{id}", id).then().statusCode(404);
        transition("fm.doctor", id, "RESUBMIT", 0, null).then().statusCode(404);
    }

    @Test
    void triageResultReachesTheRequestersFeed() {
        UUID id = insertConsult("cx.doctor");
        transition("cm.wang", id, "DECLINE", 0, "非肿瘤病例 / not an oncology case").then().statusCode(200);
        String nid = given().auth().oauth2(Tokens.of("cx.doctor")).queryParam("unread", true)
                .get("/api/notifications").then().statusCode(200)
                .body("items.consultId", hasItem(id.toString()))
                .extract().path("items.find { it.consultId == '" + id + "' }.id");
        given().auth().oauth2(Tokens.of("fm.doctor")).post("/api/notifications/{id}/read", nid).then().statusCode(404);
        given().auth().oauth2(Tokens.of("cx.doctor")).post("/api/notifications/{id}/read", nid).then().statusCode(200)
                .body("kind", equalTo("consult.triaged"));
    }

    static io.restassured.response.Response transition(String user, UUID id, String action, long version,
                                                        String note) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body(note == null ? Map.of("action", action, "version", version)
                        : Map.of("action", action, "version", version, "note", note))
                .post("/api/consults/{id}/transitions", id);
    }

    /** A consult straight in the database; the request API has its own tests. */
    static UUID insertConsult(String requester) {
        String subject = given().auth().oauth2(Tokens.of(requester)).get("/api/me").then().extract().path("id");
        return QuarkusTransaction.requiringNew().call(() -> {
            Patient p = new Patient();
            p.id = UuidV7.next();
            p.hospitalId = CHANGXING;
            p.localId = "T" + p.id.toString().substring(24);
            p.name = "张三丰";
            p.sex = "M";
            p.birthDate = LocalDate.of(1958, 3, 14);
            p.createdAt = p.updatedAt = Instant.now();
            p.persist();
            Consult c = new Consult();
            c.id = UuidV7.next();
            c.hospitalId = CHANGXING;
            c.patientId = p.id;
            c.state = ConsultState.REQUESTED;
            c.urgency = Urgency.URGENT;
            c.clinicalSummary = "右肺上叶占位";
            c.question = "手术还是放化疗？";
            c.requestedDisciplines = new String[] {"surgery", "radiation-oncology"};
            c.accessionNumbers = new String[0];
            c.requestedById = subject;
            c.requestedBy = requester;
            c.createdAt = c.updatedAt = c.submittedAt = Instant.now();
            c.persist();
            return c.id;
        });
    }
}
