package org.consilium.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
class HospitalOnboardingTest {

    private static final String ADMIN_API = "/admin/realms/consilium";

    @Test
    void onboardingCreatesOrganizationAdminUserLocalRowAndAuditRow() {
        String alias = "anji-" + Long.toString(System.nanoTime(), 36);
        var created = given().auth().oauth2(Tokens.of("platform.admin")).contentType(ContentType.JSON)
                .body(request(alias, alias + ".admin", "安吉县人民医院"))
                .when().post("/api/hospitals")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("created", equalTo(true))
                .body("hospital.alias", equalTo(alias))
                .body("hospital.level", equalTo("COUNTY"))
                .body("admin.initialPassword", notNullValue())
                .extract().jsonPath();
        String orgId = created.getString("organizationId");
        String userId = created.getString("admin.id");

        // Read both back through Keycloak's own admin API.
        String kc = ConsiliumTestResource.stack().keycloak().baseUrl();
        String admin = Tokens.masterAdmin();
        given().auth().oauth2(admin).get(kc + ADMIN_API + "/organizations/" + orgId)
                .then().statusCode(200).body("alias", equalTo(alias)).body("name", equalTo("安吉县人民医院"));
        given().auth().oauth2(admin).get(kc + ADMIN_API + "/organizations/" + orgId + "/members")
                .then().statusCode(200).body("id", hasItem(userId));
        given().auth().oauth2(admin).get(kc + ADMIN_API + "/users/" + userId)
                .then().statusCode(200).body("username", equalTo(alias + ".admin"))
                .body("requiredActions", hasItem("UPDATE_PASSWORD"));
        given().auth().oauth2(admin).get(kc + ADMIN_API + "/users/" + userId + "/role-mappings/realm")
                .then().statusCode(200).body("name", hasItem("hospital-admin"));

        given().auth().oauth2(Tokens.of("platform.admin")).queryParam("action", "hospital.onboard")
                .queryParam("target", "hospital:" + alias)
                .when().get("/api/audit")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].actor", equalTo("platform.admin"))
                .body("items[0].outcome", equalTo("SUCCESS"));

        // The new hospital-admin can log in (after the forced password change, Keycloak's business) and is
        // listed as staff of the new hospital.
        given().auth().oauth2(Tokens.of("platform.admin"))
                .get("/api/hospitals/{id}/staff", created.getString("hospital.id"))
                .then().statusCode(200).body("items.username", hasItem(alias + ".admin"));
    }

    @Test
    void onboardingIsIdempotentOnAlias() {
        String alias = "deqing-" + Long.toString(System.nanoTime(), 36);
        String first = given().auth().oauth2(Tokens.of("platform.admin")).contentType(ContentType.JSON)
                .body(request(alias, alias + ".admin", "德清县人民医院")).post("/api/hospitals")
                .then().statusCode(201).extract().path("hospital.id");
        var again = given().auth().oauth2(Tokens.of("platform.admin")).contentType(ContentType.JSON)
                .body(request(alias, alias + ".admin", "德清县人民医院")).post("/api/hospitals")
                .then().statusCode(200)
                .body("created", equalTo(false))
                .body("admin.initialPassword", nullValue())
                .extract().jsonPath();
        assertEquals(first, again.getString("hospital.id"));
        List<Map<String, Object>> orgs = given().auth().oauth2(Tokens.masterAdmin())
                .get(ConsiliumTestResource.stack().keycloak().baseUrl() + ADMIN_API + "/organizations?search=" + alias)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, orgs.stream().filter(o -> alias.equals(o.get("alias"))).count());
    }

    @Test
    void sameNameUnderAnotherAliasIsAConflict() {
        String alias = "huzhou-" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> first = request(alias, alias + ".admin", "湖州" + alias);
        given().auth().oauth2(Tokens.of("platform.admin")).contentType(ContentType.JSON).body(first)
                .post("/api/hospitals").then().statusCode(201);
        Map<String, Object> clash = request(alias + "-b", alias + ".admin2", "湖州" + alias);
        given().auth().oauth2(Tokens.of("platform.admin")).contentType(ContentType.JSON).body(clash)
                .post("/api/hospitals")
                .then().statusCode(409).body("type", equalTo("urn:consilium:problem:conflict"));
    }

    @Test
    void onlyPlatformAdminsOnboard() {
        given().auth().oauth2(Tokens.of("cm.wang")).contentType(ContentType.JSON)
                .body(request("nope-" + System.nanoTime(), "nope.admin", "不应创建")).post("/api/hospitals")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:forbidden"));
    }

    @Test
    void invalidRequestNamesTheFields() {
        var problem = given().auth().oauth2(Tokens.of("platform.admin")).contentType(ContentType.JSON)
                .body(Map.of("alias", "Bad Alias!", "name", "", "admin",
                        Map.of("username", "ok.user", "email", "not-an-email", "familyName", "李", "givenName", "四")))
                .when().post("/api/hospitals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:validation"))
                .extract().jsonPath();
        List<String> fields = problem.getList("errors.field");
        assertTrue(fields.containsAll(List.of("alias", "name", "admin.email")), "fields named: " + fields);
    }

    private static Map<String, Object> request(String alias, String adminUser, String name) {
        return Map.of("alias", alias, "name", name, "nameEn", "Anji County People's Hospital",
                "admin", Map.of("username", adminUser, "email", adminUser + "@example.org",
                        "familyName", "沈", "givenName", "一"));
    }
}
