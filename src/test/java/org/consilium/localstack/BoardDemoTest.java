package org.consilium.localstack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class BoardDemoTest {

    @Test
    void demoBoardHasAScheduledAndASignedConsultOnce() throws Exception {
        BoardDemo demo = new BoardDemo("http://localhost:" + RestAssured.port,
                ConsiliumTestResource.stack().keycloak().issuer());
        int created = demo.load();
        // 0 when another test of this run (the audit test uses the demo board as its data) loaded it first
        assertTrue(created == 2 || created == 0, "created " + created);
        assertEquals(0, demo.load(), "a second start creates nothing");
        given().auth().oauth2(Tokens.of("cm.wang")).queryParam("state", "SCHEDULED").queryParam("limit", 200)
                .get("/api/consults").then().statusCode(200).body("items.patientName", hasItem("王建国"));
        given().auth().oauth2(Tokens.of("cm.wang")).queryParam("state", "SIGNED").queryParam("limit", 200)
                .get("/api/consults").then().statusCode(200).body("items.patientName", hasItem("张三"));
        given().auth().oauth2(Tokens.of("dr.zhao")).get("/api/meetings").then().statusCode(200)
                .body("title", hasItem("胸部肿瘤 MDT（第 48 期）/ Thoracic tumour board"));
        given().auth().oauth2(Tokens.of("cx.doctor")).queryParam("withinDays", 90).queryParam("limit", 200)
                .get("/api/registry/follow-up-schedules/due").then().statusCode(200).body("items.title", hasItem("术后 4 周复查胸部 CT / chest CT 4 weeks after surgery"));
    }
}
