package org.consilium.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

/** A consult notification reaches the case manager's open socket as it is stored. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class LiveNotificationsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aNewCountyRequestIsPushedToTheCaseManagerLive() {
        try (LiveClient manager = LiveClient.join(base, "cm.wang", null, null)) {
            manager.await("welcome");
            String patient = given().auth().oauth2(Tokens.of("cx.doctor")).contentType(ContentType.JSON)
                    .body(Map.of("localId", "LN" + UUID.randomUUID().toString().substring(0, 8), "name", "陈立新",
                            "sex", "M", "birthDate", "1958-03-14"))
                    .post("/api/patients").then().statusCode(201).extract().path("id");
            String consult = given().auth().oauth2(Tokens.of("cx.doctor")).contentType(ContentType.JSON)
                    .body(Map.of("patientId", patient, "clinicalSummary", "食管中段占位", "question", "新辅助放化疗？",
                            "urgency", "ROUTINE", "requestedDisciplines", List.of("radiation-oncology")))
                    .post("/api/consults").then().statusCode(201).extract().path("id");

            JsonNode push = manager.await("push");
            assertEquals("notification", push.path("kind").asText());
            assertEquals(consult, push.path("payload").path("consultId").asText(), push.toString());
        }
    }
}
