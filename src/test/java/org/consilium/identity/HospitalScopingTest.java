package org.consilium.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class HospitalScopingTest {

    @Test
    void countyStaffSeeTheirOwnHospitalsStaff() {
        given().auth().oauth2(Tokens.of("cx.doctor"))
                .when().get("/api/hospitals/{id}/staff", hospitalId("changxing"))
                .then().statusCode(200)
                .body("items.username", hasItems("cx.doctor", "cx.rt", "cx.admin"))
                .body("items.username", not(hasItem("fm.doctor")))
                .body("total", equalTo(3));
    }

    @Test
    void countyCannotSeeAnotherCountysStaffAndLearnsNothing() {
        UUID fumin = hospitalId("fumin");
        var denied = given().auth().oauth2(Tokens.of("cx.doctor"))
                .when().get("/api/hospitals/{id}/staff", fumin)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:not-found"))
                .extract().body().jsonPath();
        var missing = given().auth().oauth2(Tokens.of("cx.doctor"))
                .when().get("/api/hospitals/{id}/staff", UUID.randomUUID())
                .then().statusCode(404).extract().body().jsonPath();
        // The refusal looks exactly like a hospital that does not exist.
        org.junit.jupiter.api.Assertions.assertEquals(missing.getString("title"), denied.getString("title"));
    }

    @Test
    void refusedAccessIsAudited() {
        UUID fumin = hospitalId("fumin");
        given().auth().oauth2(Tokens.of("cx.rt")).get("/api/hospitals/{id}/staff", fumin).then().statusCode(404);
        given().auth().oauth2(Tokens.of("platform.admin"))
                .queryParam("action", "hospital.staff.read").queryParam("outcome", "DENIED")
                .queryParam("target", "hospital:" + fumin)
                .when().get("/api/audit")
                .then().statusCode(200)
                .body("items.actor", hasItem("cx.rt"));
    }

    @Test
    void provincialCaseManagerFindsSpecialistsByDiscipline() {
        given().auth().oauth2(Tokens.of("cm.wang"))
                .queryParam("role", "specialist").queryParam("discipline", "radiation-oncology")
                .when().get("/api/hospitals/{id}/staff", hospitalId("prov"))
                .then().statusCode(200)
                .body("items.username", contains("dr.li"))
                .body("items[0].displayName", equalTo("李明"));
    }

    @Test
    void provincialCaseManagerCoordinatesCountyHospitals() {
        given().auth().oauth2(Tokens.of("cm.wang"))
                .queryParam("role", "rt-staff")
                .when().get("/api/hospitals/{id}/staff", hospitalId("changxing"))
                .then().statusCode(200).body("items.username", contains("cx.rt"))
                .body("items.roles", everyItem(hasItem("rt-staff")));
    }

    @Test
    void unknownRoleFilterIsABadRequest() {
        given().auth().oauth2(Tokens.of("cm.wang")).queryParam("role", "surgeon")
                .when().get("/api/hospitals/{id}/staff", hospitalId("prov"))
                .then().statusCode(400).body("type", equalTo("urn:consilium:problem:bad-request"));
    }

    static UUID hospitalId(String alias) {
        return UUID.fromString(given().auth().oauth2(Tokens.of("platform.admin")).get("/api/hospitals")
                .then().statusCode(200).extract().jsonPath()
                .getString("find { it.alias == '" + alias + "' }.id"));
    }
}
