package org.consilium.localstack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class DemoConsultsTest {

    @Test
    void demoConsultsFillTheQueueInSeveralStatesOnce() throws Exception {
        DemoConsults demo = new DemoConsults("http://localhost:" + RestAssured.port,
                ConsiliumTestResource.stack().keycloak().issuer());
        assertEquals(4, demo.load());
        assertEquals(0, demo.load(), "a second start creates nothing");
        given().auth().oauth2(Tokens.of("cm.wang")).queryParam("limit", 200).get("/api/consults").then()
                .statusCode(200).body("items.state", hasItems("REQUESTED", "TRIAGED", "RETURNED", "DECLINED"))
                .body("items.find { it.patientName == '李秀英' }.assignees", hasItems("dr.li", "dr.sun"))
                .body("items.find { it.patientName == '李秀英' }.priority", equalTo(1));
        given().auth().oauth2(Tokens.of("fm.doctor")).get("/api/notifications").then()
                .body("items.kind", hasItems("consult.triaged"));
    }
}
